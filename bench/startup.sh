#!/usr/bin/env bash
# Start-up benchmark for tierlab (issue: foundation). Measures, in one run and interleaved so that
# machine drift affects all three alike:
#   floor    java -version
#   version  ./tierlab --version
#   prompt   echo exit | ./tierlab   (JVM start, welcome screen, first prompt, exit)
# and prints min / median / max wall seconds per command plus the version/floor ratio of medians.
# Goals on a 2-core machine: version <= 6x floor; prompt median <= 0.4 s.
# Usage: bench/startup.sh [runs]   (default 15; one warm-up run each is not counted)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$root/bench/common.sh"
runs="${1:-15}"
home="$(mktemp -d "${TMPDIR:-/tmp}/tierlab-bench.XXXXXX")"
trap 'rm -rf "$home"' EXIT
export TIERLAB_HOME="$home"

"$root/tierlab" --version >/dev/null   # build the jar and the start-up archive if needed

run_floor()   { java -version >/dev/null 2>&1; }
run_version() { "$root/tierlab" --version >/dev/null; }
run_prompt()  { echo exit | "$root/tierlab" >/dev/null; }

declare -A samples
for name in floor version prompt; do "run_$name"; done   # warm-up
for ((i = 0; i < runs; i++)); do
  for name in floor version prompt; do
    t0=$(now); "run_$name"; t1=$(now)
    samples[$name]+="$(( (t1 - t0) / 1000 )) "
  done
done


printf '%-8s %8s %8s %8s   (wall seconds, %d runs, %s)\n' command min median max "$runs" "$(java -version 2>&1 | head -1)"
declare -A median
for name in floor version prompt; do
  read -r lo med hi <<<"$(stats "${samples[$name]}")"
  median[$name]=$med
  printf '%-8s %8s %8s %8s\n' "$name" "$lo" "$med" "$hi"
done
awk -v v="${median[version]}" -v f="${median[floor]}" -v p="${median[prompt]}" 'BEGIN {
  printf "version/floor = %.1fx (goal <= 6x); first prompt median = %.3f s (goal <= 0.4 s)\n", v / f, p }'
