#!/usr/bin/env bash
# Grading benchmark (issue: Grading and instructor tooling). On a running sandbox, with MiniStack
# installed and dependencies cached, measures:
#   grade     ./tierlab grade --format json   (copy the solved api-gateway workspace, deploy, every
#             check of every step, destroy)
#   labtest   ./tierlab lab test api-gateway  (fresh workspace; per step: starter checks, solution,
#             deploy, checks; destroy; leak scan)
# No goal is set by the issue; the numbers tell an instructor what a CI job costs per learner.
# Usage: bench/grade.sh [runs]   (default 3; one warm-up round is not counted)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$root/bench/common.sh"
runs="${1:-3}"
solved_workspace gradebench 4598
"$root/tierlab" sandbox start --port "$port" >/dev/null 2>&1

run_grade()   { "$root/tierlab" grade --dir "$ws" --format json >/dev/null 2>&1; }
run_labtest() { "$root/tierlab" lab test api-gateway >/dev/null 2>&1; }

declare -A samples
for ((i = -1; i < runs; i++)); do
  for name in grade labtest; do
    t0=$(now); "run_$name"; t1=$(now)
    if ((i >= 0)); then samples[$name]+="$(( (t1 - t0) / 1000 )) "; fi
  done
done

printf '%-8s %8s %8s %8s   (wall seconds, %d runs)\n' step min median max "$runs"
for name in grade labtest; do
  read -r lo med hi <<<"$(stats "${samples[$name]}")"
  printf '%-8s %8s %8s %8s\n' "$name" "$lo" "$med" "$hi"
done
