#!/usr/bin/env bash
# Provisioning benchmark (issue: Provision and verify). On the sandbox, with MiniStack already
# installed and dependencies cached, measures in one interleaved run:
#   start     ./tierlab sandbox start          (MiniStack + tierlab's Java executor, until both answer)
#   deploy    ./tierlab deploy && ./tierlab check   (the api-gateway lab's solution: change set, events,
#             outputs, then every check of every step; the stack is new each round)
#   destroy   ./tierlab destroy                (stack, artifacts, bucket)
# The sandbox is stopped after each round so that every start is a real one.
# Goals on a 2-core machine (medians): start <= 5 s; deploy + all checks <= 20 s; destroy <= 5 s.
# Usage: bench/deploy.sh [runs]   (default 5; one warm-up round is not counted)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$root/bench/common.sh"
runs="${1:-5}"
solved_workspace deploybench 4599
cd "$ws"
"$root/tierlab" build >/dev/null                      # dependencies cached, zip built
"$root/tierlab" sandbox start --port "$port" >/dev/null 2>&1   # warm-up: installs MiniStack once

run_start()   { "$root/tierlab" sandbox start --port "$port" >/dev/null 2>&1; }
run_deploy()  { "$root/tierlab" deploy >/dev/null 2>&1 && "$root/tierlab" check >/dev/null; }
run_destroy() { "$root/tierlab" destroy >/dev/null 2>&1; }
run_stop()    { "$root/tierlab" sandbox stop >/dev/null 2>&1; }

declare -A samples
for ((i = -1; i < runs; i++)); do
  run_stop
  for name in start deploy destroy; do
    t0=$(now); "run_$name"; t1=$(now)
    if ((i >= 0)); then samples[$name]+="$(( (t1 - t0) / 1000 )) "; fi
  done
done

printf '%-8s %8s %8s %8s   (wall seconds, %d runs)\n' step min median max "$runs"
for name in start deploy destroy; do
  read -r lo med hi <<<"$(stats "${samples[$name]}")"
  printf '%-8s %8s %8s %8s\n' "$name" "$lo" "$med" "$hi"
done
echo "goals: start <= 5 s; deploy + all checks <= 20 s; destroy <= 5 s (medians)"
