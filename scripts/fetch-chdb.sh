#!/usr/bin/env bash
# Fetches the embedded ClickHouse engine (chdb's libchdb.so, from the npm package
# @chdb/lib-linux-x64-gnu) once into a cache directory and verifies its checksum.
# The engine finds it there (see clickhouse-engine's ChdbLibraryLocator), or at $TOKENMETER_CHDB_LIB.
set -euo pipefail

CHDB_PACKAGE="@chdb/lib-linux-x64-gnu"
CHDB_VERSION="26.5.3"
# sha512 integrity of the npm tarball, as the registry publishes it (npm view $CHDB_PACKAGE@$CHDB_VERSION dist.integrity)
CHDB_INTEGRITY="sha512-fPrLmRt5Moor9yGz4mazbrNje4t7X9KB2mTGkXFWRxRBs2iKy8yh6jx11xsa0Qr3iDFMU/yHqd+bVdYJXu3QaQ=="

CACHE_ROOT="${TOKENMETER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tokenmeter}"
DEST="$CACHE_ROOT/chdb/$CHDB_VERSION"
LIB="$DEST/libchdb.so"

if [[ -f "$LIB" && -f "$DEST/.verified" ]]; then
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *)
    echo "The embedded ClickHouse engine is packaged for Linux x86_64 only (this is $(uname -s)-$(uname -m))." >&2
    echo "Use an external ClickHouse instead: -Dtokenmeter.stack=external with CLICKHOUSE_JDBC_URL." >&2
    exit 3
    ;;
esac

if ! command -v npm >/dev/null 2>&1; then
  cat >&2 <<MSG
npm is needed once, to fetch the embedded ClickHouse engine ($CHDB_PACKAGE@$CHDB_VERSION), and it was not found.
Install Node.js and npm (Debian/Ubuntu: apt-get install nodejs npm), then run ./tokenmeter setup again;
or download the package yourself and set TOKENMETER_CHDB_LIB to its libchdb.so.
MSG
  exit 3
fi

echo "Fetching the embedded ClickHouse engine $CHDB_PACKAGE@$CHDB_VERSION (about 170 MB, once) into $DEST ..." >&2
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "$CHDB_PACKAGE@$CHDB_VERSION" >/dev/null 2>"$WORK/npm.log") || {
  echo "npm pack failed:" >&2
  cat "$WORK/npm.log" >&2
  exit 3
}
TGZ="$(ls "$WORK"/*.tgz)"
ACTUAL="sha512-$(openssl dgst -sha512 -binary "$TGZ" | base64 -w0)"
if [[ "$ACTUAL" != "$CHDB_INTEGRITY" ]]; then
  echo "Checksum mismatch for $TGZ: expected $CHDB_INTEGRITY, got $ACTUAL. Not installing it." >&2
  exit 3
fi
mkdir -p "$WORK/x"
tar -xzf "$TGZ" -C "$WORK/x"
FOUND="$(find "$WORK/x" -name libchdb.so -type f | head -1)"
if [[ -z "$FOUND" ]]; then
  echo "The package $CHDB_PACKAGE@$CHDB_VERSION holds no libchdb.so; its layout changed." >&2
  exit 3
fi
mkdir -p "$DEST"
cp "$FOUND" "$LIB.tmp"
mv "$LIB.tmp" "$LIB"
echo "$CHDB_INTEGRITY" >"$DEST/.verified"
echo "Embedded ClickHouse engine ready: $LIB" >&2
