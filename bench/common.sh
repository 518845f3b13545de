# Shared by the benchmark scripts: wall-clock sampling and min/median/max in seconds.
now() { date +%s%N; }

# stats "<microseconds> <microseconds> ..." -> "min median max" in seconds
stats() {
  tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {
    m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2;
    printf "%.3f %.3f %.3f\n", a[1]/1e6, m/1e6, a[NR]/1e6 }'
}

# solved_workspace NAME DEFAULT_PORT: a private TIERLAB_HOME under a new temporary folder $work, a
# solved api-gateway workspace in $ws, and $port (TIERLAB_BENCH_PORT, else DEFAULT_PORT) for the
# sandbox. On exit the sandbox is stopped and $work removed. Needs $root.
solved_workspace() {
  work="$(mktemp -d "${TMPDIR:-/tmp}/tierlab-$1.XXXXXX")"
  export TIERLAB_HOME="$work/home"
  port="${TIERLAB_BENCH_PORT:-$2}"
  trap '"$root/tierlab" sandbox stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
  ws="$work/ws"
  "$root/tierlab" lab start api-gateway --dir "$ws" >/dev/null
  "$root/tierlab" solution post-ticket --apply --yes --dir "$ws" >/dev/null
}
