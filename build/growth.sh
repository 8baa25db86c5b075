#!/usr/bin/env bash
# Measures how `leadalign simulate` grows with the number of leads (issue 19): for each size, the median of RUNS runs of the
# default world (10 reps, 30 days, seed 42), its wall time, leads per second and peak memory (GNU time's maximum resident set),
# then prints a Markdown table with the machine it ran on, to paste into BENCHMARKS.md. Sizes default to 5000 20000 50000 100000;
# give others as arguments (build/growth.sh 500 2000 5000). RUNS defaults to 3; the largest sizes take minutes each.
# With --write first, the table (and the machine line) also replaces what stands between the growth markers of BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
write=""
if [ "${1:-}" = "--write" ]; then
  write=1
  shift
fi
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(5000 20000 50000 100000)
runs="${RUNS:-3}"
if ! command -v /usr/bin/time >/dev/null 2>&1; then
  echo "build/growth.sh: needs GNU time (/usr/bin/time; Debian package 'time') to read the peak memory." >&2
  exit 1
fi

dotnet build tools/LeadAlign.Cli -c Release -v quiet -nologo >/dev/null
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "Machine: $(nproc) vCPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -s); $(date -u +%Y-%m-%d); median of ${runs} runs" | tee "$out/table"
echo | tee -a "$out/table"
echo "| leads | wall time | leads/s | peak memory | time / time at ${sizes[0]} |" | tee -a "$out/table"
echo "| ---: | ---: | ---: | ---: | ---: |" | tee -a "$out/table"
first=""
for leads in "${sizes[@]}"; do
  walls=()
  peaks=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$out/time" dotnet tools/LeadAlign.Cli/bin/Release/net10.0/leadalign.dll simulate --leads "$leads" --output "$out/sim" >/dev/null 2>"$out/err" || { echo "build/growth.sh: simulate --leads $leads failed: $(tail -n 1 "$out/err")" >&2; exit 1; }
    read -r wall peak < <(tail -n 1 "$out/time")
    walls+=("$wall")
    peaks+=("$peak")
  done
  wall=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  peak=$(printf '%s\n' "${peaks[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  [ -z "$first" ] && first="$wall"
  awk -v n="$leads" -v w="$wall" -v p="$peak" -v f="$first" 'BEGIN { printf "| %d | %.1f s | %.0f | %.2f GB | %.2f |\n", n, w, n / w, p / 1048576, w / f }' | tee -a "$out/table"
done
if [ -n "$write" ]; then
  python3 - "$out/table" <<'PY'
import re, sys
table = open(sys.argv[1]).read().strip()
text = open("BENCHMARKS.md").read()
start, end = "<!-- growth:start (written by build/growth.sh --write) -->", "<!-- growth:end -->"
if start not in text or end not in text:
    sys.exit("build/growth.sh: BENCHMARKS.md has no growth markers to write between.")
before, rest = text.split(start, 1)
after = rest.split(end, 1)[1]
open("BENCHMARKS.md", "w").write(before + start + "\n" + table + "\n" + end + after)
print("build/growth.sh: the table is written into BENCHMARKS.md.")
PY
fi
