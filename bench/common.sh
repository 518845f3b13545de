# Shared by the benchmark scripts: wall-clock sampling and min/median/max in seconds.
now() { date +%s%N; }

# stats "<microseconds> <microseconds> ..." -> "min median max" in seconds
stats() {
  tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {
    m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2;
    printf "%.3f %.3f %.3f\n", a[1]/1e6, m/1e6, a[NR]/1e6 }'
}
