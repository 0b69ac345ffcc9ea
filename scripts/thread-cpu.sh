#!/usr/bin/env bash
# CPU seconds per thread group of a running JVM over a time window, to see where a benchmark's CPU
# goes (broker, processor, chdb, JIT, ...). Thread names are the kernel's (first 15 characters of
# the Java thread name); trailing numbers are stripped so a pool counts as one group.
#
# Usage: scripts/thread-cpu.sh [PID] [DELAY_SECONDS] [WINDOW_SECONDS]
#   PID defaults to the first running surefire/failsafe fork (e.g. WholeStackBenchIT's JVM).
# Example, beside a whole-stack run:
#   scripts/thread-cpu.sh "" 120 120 > target/thread-cpu.txt &
#   ./mvnw -pl e2e verify -Dtokenmeter.bench=true -Dit.test=WholeStackBenchIT ...
set -euo pipefail
pid="${1:-}"
delay="${2:-30}"
window="${3:-30}"
for _ in $(seq 1 120); do
  [ -n "$pid" ] && break
  for candidate in $(pgrep java || true); do
    if grep -q "surefirebooter\|ForkedBooter" "/proc/$candidate/cmdline" 2>/dev/null; then
      pid="$candidate"
      break
    fi
  done
  [ -n "$pid" ] || sleep 1
done
[ -n "$pid" ] || { echo "no JVM to sample: give its PID" >&2; exit 1; }
echo "pid $pid, window ${window}s after ${delay}s"
sleep "$delay"
snapshot() {
  for task in /proc/"$pid"/task/*; do
    printf '%s|%s|%s\n' "$(basename "$task")" "$(cat "$task/comm" 2>/dev/null)" \
      "$(awk '{print $14 + $15}' "$task/stat" 2>/dev/null)"
  done
}
before="$(mktemp)"
after="$(mktemp)"
trap 'rm -f "$before" "$after"' EXIT
snapshot > "$before"
sleep "$window"
snapshot > "$after"
python3 - "$before" "$after" "$window" <<'PY'
import collections, os, re, sys
def read(path):
    rows = {}
    for line in open(path):
        parts = line.rstrip("\n").split("|")
        if len(parts) == 3 and parts[2]:
            rows[parts[0]] = (parts[1], int(parts[2]))
    return rows
before, after, window = read(sys.argv[1]), read(sys.argv[2]), float(sys.argv[3])
hz = os.sysconf("SC_CLK_TCK")
groups = collections.Counter()
for tid, (name, ticks) in after.items():
    groups[re.sub(r"[-_#]?\d+$", "", name)] += ticks - before.get(tid, (name, 0))[1]
total = sum(groups.values())
for name, ticks in groups.most_common(25):
    print(f"{ticks / hz:7.1f} s  {100 * ticks / max(total, 1):5.1f} %  {name}")
print(f"total {total / hz:.1f} CPU-s in {window:.0f} s = {total / hz / window:.2f} cores")
PY
