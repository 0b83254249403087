#!/usr/bin/env bash
# Whole-process timing of the shared benchmark workload (DESIGN §8):
#
#   strata resolve gpt-trainer -c trainer.yaml <the 10 overrides of overrides.txt>
#
# run from ../shared/bench, with the NativeAOT `strata` and with the same tool under the JIT. Reports the wall time
# (median, quartiles, min, max over --runs runs, after --warmup runs) and the peak resident set size (from
# /usr/bin/time -v, over a few extra runs). Uses hyperfine for the wall time when it is installed; installs nothing.
#
# Usage: scripts/bench-process.sh [--runs N] [--warmup N] [--rss-runs N] [--skip-build] [--only aot|jit]
#                                 [--bench DIR] [--out DIR]
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
runs=50
warmup=5
rss_runs=10
skip_build=0
only=""
bench="$repo/../shared/bench"
out="$repo/artifacts/bench-process"

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --rss-runs) rss_runs="$2"; shift 2 ;;
    --skip-build) skip_build=1; shift ;;
    --only) only="$2"; shift 2 ;;
    --bench) bench="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench-process: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

if [ ! -f "$bench/trainer.yaml" ] || [ ! -f "$bench/overrides.txt" ]; then
  echo "bench-process: the workload is missing: expected trainer.yaml and overrides.txt in $bench (use --bench DIR)" >&2
  exit 2
fi
bench="$(cd "$bench" && pwd)"
if [ ! -f "$repo/src/Strata.Cli/Strata.Cli.csproj" ]; then
  echo "bench-process: src/Strata.Cli is missing: there is no strata tool to time yet" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p "$out"

# Builds go to their own artifacts folder, so that they never race with other builds of the repository.
publish() {
  local mode="$1"
  # The tool's project sets PublishAot itself; a global -p:PublishAot=true would reach the generator (netstandard2.0)
  # and fail, so only the JIT build passes the property (to turn it off).
  local flags=()
  if [ "$mode" = jit ]; then flags=(-p:PublishAot=false --self-contained false); fi
  echo "==> dotnet publish src/Strata.Cli -c Release -r linux-x64 ${flags[*]:-(NativeAOT)}" >&2
  dotnet publish "$repo/src/Strata.Cli/Strata.Cli.csproj" -c Release -r linux-x64 "${flags[@]}" \
    --artifacts-path "$out/build-$mode" -o "$out/$mode" >"$out/publish-$mode.log" 2>&1 \
    || { echo "bench-process: publish ($mode) failed, see $out/publish-$mode.log" >&2; exit 1; }
}

binary_of() {
  if [ "$1" = aot ]; then echo "$out/aot/strata"; else echo "$out/jit/Strata.Cli"; fi
}

modes=(aot jit)
if [ -n "$only" ]; then modes=("$only"); fi

if [ "$skip_build" -eq 0 ]; then
  for mode in "${modes[@]}"; do publish "$mode"; done
fi

mapfile -t overrides < <(grep -v '^[[:space:]]*\(#\|$\)' "$bench/overrides.txt")

# Prints "median q1 q3 min max" of the numbers on stdin.
stats() {
  sort -g | awk '
    function at(p,   i) { i = 1 + p * (NR - 1); return v[int(i)] + (i - int(i)) * (v[int(i) + 1] - v[int(i)]) }
    { v[NR] = $1 }
    END { if (NR == 0) { print "nan nan nan nan nan"; exit } printf "%.2f %.2f %.2f %.2f %.2f\n", at(0.5), at(0.25), at(0.75), v[1], v[NR] }'
}

# Wall time of one run in milliseconds, from bash's microsecond clock (no extra process in the measurement).
time_once() {
  local start end
  start=$EPOCHREALTIME
  "$@" >/dev/null
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", (e - s) * 1000 }'
}

# The machine, for the record (figures mean nothing without it).
cpu="$(LC_ALL=C lscpu 2>/dev/null | awk -F: '/^Model name/ { sub(/^[ \t]+/, "", $2); print $2; exit }')"
echo "machine: ${cpu:-unknown CPU}, $(nproc) logical cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null), $(uname -sr), .NET SDK $(dotnet --version 2>/dev/null)"
echo "timer: $(if command -v hyperfine >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then echo hyperfine; else echo 'plain loop (hyperfine is not installed)'; fi); peak RSS from /usr/bin/time -v"
printf '%-5s %-34s %-40s %s\n' mode "wall ms: median [q1, q3] (min..max)" "peak RSS MiB: median [q1, q3] (min..max)" "runs"
for mode in "${modes[@]}"; do
  bin="$(binary_of "$mode")"
  if [ ! -x "$bin" ]; then
    echo "bench-process: $bin is missing (run without --skip-build)" >&2
    exit 1
  fi

  cmd=("$bin" resolve gpt-trainer -c trainer.yaml "${overrides[@]}")
  (cd "$bench" && "${cmd[@]}" >"$out/output-$mode.yaml") || { echo "bench-process: the workload does not resolve with $mode" >&2; exit 1; }

  wall_file="$out/wall-$mode.txt"
  : >"$wall_file"
  if command -v hyperfine >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
    (cd "$bench" && hyperfine -N --warmup "$warmup" --runs "$runs" --export-json "$out/hyperfine-$mode.json" "$(printf '%q ' "${cmd[@]}")" >/dev/null)
    python3 -c 'import json,sys; [print(t*1000) for t in json.load(open(sys.argv[1]))["results"][0]["times"]]' "$out/hyperfine-$mode.json" >"$wall_file"
  else
    for _ in $(seq "$warmup"); do (cd "$bench" && "${cmd[@]}" >/dev/null); done
    for _ in $(seq "$runs"); do (cd "$bench" && time_once "${cmd[@]}") >>"$wall_file"; done
  fi

  rss_file="$out/rss-$mode.txt"
  : >"$rss_file"
  if [ ! -x /usr/bin/time ]; then rss_runs=0; fi  # GNU time is what reads the peak RSS; without it, no RSS figure.
  for _ in $(seq "$rss_runs"); do
    (cd "$bench" && /usr/bin/time -v "${cmd[@]}" 2>&1 >/dev/null) | awk -F: '/Maximum resident set size/ { printf "%.2f\n", $2 / 1024 }' >>"$rss_file"
  done

  read -r wm wq1 wq3 wmin wmax < <(stats <"$wall_file")
  read -r rm rq1 rq3 rmin rmax < <(stats <"$rss_file")
  printf '%-5s %-34s %-40s %s\n' "$mode" "$wm [$wq1, $wq3] ($wmin..$wmax)" "$rm [$rq1, $rq3] ($rmin..$rmax)" "$runs wall, $rss_runs RSS"
done
echo "(binaries in $out; targets of DESIGN §8 for the NativeAOT process: <= 5 ms, <= 12 MiB)"
