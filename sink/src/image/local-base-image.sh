#!/usr/bin/env bash
# Assembles a minimal base image as a `docker save` tarball, for building the sink image with Jib
# on a machine that cannot reach Docker Hub:
#
#   sink/src/image/local-base-image.sh /tmp/tokenmeter-base.tar
#   ./mvnw -B -ntp -pl sink -Pimage package -DskipTests -Djib.from.image=tar:///tmp/tokenmeter-base.tar
#
# Contents: a jlink'd Java runtime from JAVA_HOME at /opt/java/openjdk (where eclipse-temurin puts
# it), the shared libraries it needs, and bash/head/grep for the compose healthcheck. It is a
# stand-in for eclipse-temurin:25-jre, not a replacement: no package manager, no CA bundle
# beyond the JDK's own cacerts, glibc copied from this host.
set -euo pipefail

out="${1:?usage: $0 OUTPUT.tar}"
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/opt/java" "$root/tmp" "$root/etc" "$root/app"
chmod 1777 "$root/tmp"

# java.se covers JDBC, JMX, JNDI and java.desktop (java.beans, used by Avro); the rest: the
# health endpoint's HTTP server, sun.misc.Unsafe users, zip file systems, DNS names.
"$java_home/bin/jlink" \
  --add-modules java.se,jdk.httpserver,jdk.unsupported,jdk.zipfs,jdk.naming.dns \
  --strip-debug --no-man-pages --no-header-files \
  --output "$root/opt/java/openjdk"

# Copies the shared libraries a binary links against (as ldd resolves them on this host).
copy_libs_of() {
  ldd "$1" 2>/dev/null | grep -o '/[^ ]*' | while read -r lib; do
    if [[ -e "$lib" && "$lib" != "$root"/* && ! -e "$root$lib" ]]; then
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    fi
  done
}

copy_with_libs() {
  mkdir -p "$root$(dirname "$1")"
  cp -L "$1" "$root$1"
  copy_libs_of "$1"
}

for tool in /bin/bash /bin/sh /usr/bin/head /bin/grep /usr/bin/env; do
  copy_with_libs "$(readlink -f "$tool")"
  [[ "$(readlink -f "$tool")" == "$tool" ]] || { mkdir -p "$root$(dirname "$tool")"; cp -L "$tool" "$root$tool"; }
done
# The runtime's own libraries link against the host's, which the image then needs too.
while read -r so; do
  copy_libs_of "$so"
done < <(find "$root/opt/java/openjdk" -name '*.so' -o -path '*/bin/*' -type f)
# glibc loads the name-service modules at run time (host names of Kafka and ClickHouse).
for lib in /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2 \
  /lib/x86_64-linux-gnu/libresolv.so.2; do
  [[ -e "$lib" ]] && copy_with_libs "$lib"
done
printf 'root:x:0:0:root:/root:/bin/bash\napp:x:1000:1000:app:/tmp:/bin/bash\n' >"$root/etc/passwd"
printf 'root:x:0:\napp:x:1000:\n' >"$root/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"

tar --numeric-owner --owner=0 --group=0 -C "$root" -cf "$work/layer.tar" .
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat >"$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk"]},"rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
echo '[{"Config":"config.json","RepoTags":["tokenmeter/local-jre-base:25"],"Layers":["layer.tar"]}]' \
  >"$work/manifest.json"
tar -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "wrote $out ($(du -h "$out" | cut -f1)), layer $diff_id"
