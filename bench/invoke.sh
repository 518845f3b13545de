#!/usr/bin/env bash
# Invoke benchmark (issue 11 §5: the learner's function in its own JVM). In one run:
#   cold   ./tierlab invoke TicketsFunction --event get-tickets   (a new tierlab and a new worker JVM)
#          against BASELINE's ./tierlab when given (a checkout of an earlier tierlab, built), as the
#          ratio of the pairwise medians, interleaved so machine drift hits both alike
#   warm   the second and later calls to the same function in one process (as the shell and the
#          sandbox executor call it), and the worker's resident memory (bench/WarmInvoke.java)
# Goals: warm median <= 0.150 s; cold <= 1.5x the baseline.
# Usage: bench/invoke.sh [runs] [BASELINE-checkout]   (default 9 runs)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$root/bench/common.sh"
runs="${1:-9}"
baseline="${2:-}"
solved_workspace invoke 0
"$root/tierlab" build --dir "$ws" >/dev/null 2>&1
"$root/tierlab" invoke TicketsFunction --event get-tickets --dir "$ws" >/dev/null 2>&1   # warm-up, start-up archive
if [ -n "$baseline" ]; then
  "$baseline/tierlab" invoke TicketsFunction --event get-tickets --dir "$ws" >/dev/null 2>&1
fi

new_samples="" old_samples="" ratios=""
for ((i = 0; i < runs; i++)); do
  t0=$(now); "$root/tierlab" invoke TicketsFunction --event get-tickets --dir "$ws" >/dev/null 2>&1; t1=$(now)
  new=$(( (t1 - t0) / 1000 )); new_samples+="$new "
  if [ -n "$baseline" ]; then
    t0=$(now); "$baseline/tierlab" invoke TicketsFunction --event get-tickets --dir "$ws" >/dev/null 2>&1; t1=$(now)
    old=$(( (t1 - t0) / 1000 )); old_samples+="$old "
    ratios+="$(awk -v a="$new" -v b="$old" 'BEGIN { printf "%d", a * 1e6 / b }') "
  fi
done

echo "cold tierlab invoke (wall seconds, $runs runs, $(java -version 2>&1 | head -1))"
printf '  %-9s min/median/max %s\n' worker "$(stats "$new_samples")"
if [ -n "$baseline" ]; then
  printf '  %-9s min/median/max %s\n' baseline "$(stats "$old_samples")"
  read -r _ ratio _ <<<"$(stats "$ratios")"
  printf '  ratio worker/baseline, median of pairs: %s (goal <= 1.5)\n' "$ratio"
fi

event="$root/labs/api-gateway/events/get-tickets.json"
echo "warm invoke in one process:"
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dtierlab.workerArchive="$root/cli/target/tierlab-worker.jsa" -cp "$root/cli/target/tierlab.jar" "$root/bench/WarmInvoke.java" \
  "$ws" TicketsFunction "$event" 30 | sed 's/^/  /'
