#!/usr/bin/env bash
# Lab benchmark (issue: Labs I). With dependencies cached, measures in one interleaved run:
#   build    ./tierlab build           (in-process resolve + javac + zip of the Tickets project)
#   invoke   ./tierlab invoke TicketsFunction --event get-tickets   (after the build)
#   maven    mvn -q package            (the same project's own Maven build, tests included)
# Goals on a 2-core machine: build <= 3 s, invoke <= 0.5 s (medians).
# Usage: bench/lab.sh [runs]   (default 7; one warm-up run each is not counted)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$root/bench/common.sh"
runs="${1:-7}"
work="$(mktemp -d "${TMPDIR:-/tmp}/tierlab-labbench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export TIERLAB_HOME="$work/home"
ws="$work/ws"

"$root/tierlab" generate api-gateway --dir "$ws" >/dev/null
cd "$ws"
"$root/tierlab" build >/dev/null            # warm-up: dependencies into ~/.m2, jar and start-up archive ready
(cd tickets-api && mvn -q package >/dev/null)

run_build()  { "$root/tierlab" build >/dev/null; }
run_invoke() { "$root/tierlab" invoke TicketsFunction --event get-tickets >/dev/null 2>&1; }
run_maven()  { (cd tickets-api && mvn -q package >/dev/null); }

declare -A samples
for ((i = 0; i < runs; i++)); do
  for name in build invoke maven; do
    t0=$(now); "run_$name"; t1=$(now)
    samples[$name]+="$(( (t1 - t0) / 1000 )) "
  done
done


printf '%-8s %8s %8s %8s   (wall seconds, %d runs)\n' command min median max "$runs"
for name in build invoke maven; do
  read -r lo med hi <<<"$(stats "${samples[$name]}")"
  printf '%-8s %8s %8s %8s\n' "$name" "$lo" "$med" "$hi"
done
echo "goals: build median <= 3 s; invoke median <= 0.5 s"
