#!/usr/bin/env bash
# Whole-process timing of the shared benchmark workload (DESIGN §8):
#
#   strata resolve gpt-trainer -c trainer.yaml <the 10 overrides of overrides.txt>
#
# run from ../shared/bench, with the NativeAOT `strata` and with the same tool under the JIT. Reports the wall time
# (median, quartiles, min, max over --runs runs, after --warmup runs) and the peak resident set size (from
# /usr/bin/time -v, over a few extra runs). Uses hyperfine for the wall time when it is installed; installs nothing.
# Then, since absolute times on shared machines move by 2-3x from day to day, the NativeAOT `strata` is timed
# interleaved with the anchors of ../shared/bench/anchors (README there), built outside the repository: `hello`, the
# floor of a NativeAOT process, and `me-config`, the same workload with Microsoft.Extensions.Configuration (NativeAOT);
# the ratios strata/hello and strata/me-config are the figures to report. With --in-process, the in-process resolve
# instead: `MeConfigAnchor --bench` (JIT) and Strata's probe of ResolveBenchmarks.Trainer, alternated --rounds times.
# --strata BIN times that NativeAOT `strata` instead of publishing one (implies --only aot); --baseline BIN runs a second
# `strata` (say, one published from main into a folder outside the repository) in the same interleaved rounds, so that a
# change is measured against what it changes on the same machine at the same moment (ratios strata/baseline).
#
# Usage: scripts/bench-process.sh [--runs N] [--warmup N] [--rss-runs N] [--skip-build] [--only aot|jit]
#                                 [--no-anchors] [--in-process [--rounds N]] [--bench DIR] [--out DIR]
#                                 [--strata BIN] [--baseline BIN]
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
runs=50
warmup=5
rss_runs=10
skip_build=0
only=""
bench="$repo/../shared/bench"
out="$repo/artifacts/bench-process"
anchors=1
in_process=0
rounds=3
strata_given=""
baseline=""

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --rss-runs) rss_runs="$2"; shift 2 ;;
    --skip-build) skip_build=1; shift ;;
    --only) only="$2"; shift 2 ;;
    --bench) bench="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --no-anchors) anchors=0; shift ;;
    --in-process) in_process=1; shift ;;
    --rounds) rounds="$2"; shift 2 ;;
    --strata) strata_given="$2"; only=aot; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
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

# The anchors are copied out of ../shared (read-only in CI, and outside the repository so that none of the repository's
# build settings reach them) and published into the artifacts folder.
publish_anchor() {
  local name="$1" dir="$2"; shift 2
  local src
  src="$(mktemp -d)"
  cp -r "$bench/anchors/$name/." "$src/"
  echo "==> dotnet publish anchors/$name $*" >&2
  dotnet publish "$src" -c Release -r linux-x64 "$@" -o "$out/anchors/$dir" >"$out/publish-anchor-$dir.log" 2>&1 \
    || { echo "bench-process: publish of anchors/$name failed, see $out/publish-anchor-$dir.log" >&2; rm -rf "$src"; exit 1; }
  rm -rf "$src"
}

binary_of() {
  if [ "$1" = aot ] && [ -n "$strata_given" ]; then echo "$strata_given"
  elif [ "$1" = aot ]; then echo "$out/aot/strata"
  else echo "$out/jit/Strata.Cli"; fi
}
for given in "$strata_given" "$baseline"; do
  if [ -n "$given" ] && [ ! -x "$given" ]; then echo "bench-process: $given is not an executable" >&2; exit 2; fi
done
if [ -n "$strata_given" ]; then strata_given="$(cd "$(dirname "$strata_given")" && pwd)/$(basename "$strata_given")"; fi
if [ -n "$baseline" ]; then baseline="$(cd "$(dirname "$baseline")" && pwd)/$(basename "$baseline")"; fi

modes=(aot jit)
if [ -n "$only" ]; then modes=("$only"); fi

if [ "$in_process" -eq 1 ]; then modes=(); fi
if [ ! -d "$bench/anchors/hello" ] || [ ! -d "$bench/anchors/me-config" ]; then
  if [ "$in_process" -eq 1 ]; then echo "bench-process: the anchors are missing in $bench/anchors" >&2; exit 2; fi
  anchors=0
fi
if [ "$skip_build" -eq 0 ]; then
  for mode in "${modes[@]}"; do
    if [ "$mode" = aot ] && [ -n "$strata_given" ]; then continue; fi
    publish "$mode"
  done
  if [ "$in_process" -eq 1 ]; then
    publish_anchor me-config me-jit -p:PublishAot=false --self-contained false
    echo "==> dotnet build benchmarks/Strata.Benchmarks -c Release" >&2
    dotnet build "$repo/benchmarks/Strata.Benchmarks" -c Release -p:StrataBenchDir="$bench" >"$out/build-benchmarks.log" 2>&1 \
      || { echo "bench-process: build of the benchmarks failed, see $out/build-benchmarks.log" >&2; exit 1; }
  elif [ "$anchors" -eq 1 ] && [[ " ${modes[*]} " == *" aot "* ]]; then
    publish_anchor hello hello
    publish_anchor me-config me-aot
  fi
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
if [ "${#modes[@]}" -gt 0 ]; then
  printf '%-5s %-34s %-40s %s\n' mode "wall ms: median [q1, q3] (min..max)" "peak RSS MiB: median [q1, q3] (min..max)" "runs"
fi
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

# The peak RSS of one command, in MiB.
rss_once() {
  (cd "$bench" && /usr/bin/time -v "$@" 2>&1 >/dev/null) | awk -F: '/Maximum resident set size/ { printf "%.2f\n", $2 / 1024 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "nan" }'; }

if [ "$anchors" -eq 1 ] && [ "$in_process" -eq 0 ] && [[ " ${modes[*]} " == *" aot "* ]]; then
  names=(strata hello me-config)
  if [ -n "$baseline" ]; then names=(strata baseline hello me-config); fi
  strata_bin="$(binary_of aot)"  # outside the timed function: a command substitution there would fork in every run
  # Runs one of the programs on the workload, from the workload's folder.
  run_program() {
    case "$1" in
      strata) "$strata_bin" resolve gpt-trainer -c trainer.yaml "${overrides[@]}" ;;
      baseline) "$baseline" resolve gpt-trainer -c trainer.yaml "${overrides[@]}" ;;
      hello) "$out/anchors/hello/Hello" ;;
      me-config) "$out/anchors/me-aot/MeConfigAnchor" trainer.yaml overrides.txt ;;
    esac
  }
  for name in "${names[@]}"; do
    (cd "$bench" && run_program "$name" >/dev/null) || { echo "bench-process: $name does not run on the workload (run without --skip-build)" >&2; exit 1; }
    : >"$out/side-wall-$name.txt"
    : >"$out/side-rss-$name.txt"
  done
  # Interleaved: each round runs every program once, so that a slow moment of the machine falls on all of them.
  for i in $(seq $((warmup + runs))); do
    for name in "${names[@]}"; do
      t="$(cd "$bench" && time_once run_program "$name")"
      if [ "$i" -gt "$warmup" ]; then echo "$t" >>"$out/side-wall-$name.txt"; fi
    done
  done
  if [ -x /usr/bin/time ]; then
    for _ in $(seq "$rss_runs"); do
      rss_once "$strata_bin" resolve gpt-trainer -c trainer.yaml "${overrides[@]}" >>"$out/side-rss-strata.txt"
      if [ -n "$baseline" ]; then rss_once "$baseline" resolve gpt-trainer -c trainer.yaml "${overrides[@]}" >>"$out/side-rss-baseline.txt"; fi
      rss_once "$out/anchors/hello/Hello" >>"$out/side-rss-hello.txt"
      rss_once "$out/anchors/me-aot/MeConfigAnchor" trainer.yaml overrides.txt >>"$out/side-rss-me-config.txt"
    done
  fi
  echo
  echo "side by side (NativeAOT, interleaved, $runs runs each after $warmup warm-up rounds):"
  printf '%-10s %-34s %-22s %s\n' program "wall ms: median [q1, q3] (min..max)" "peak RSS MiB: median" "binary bytes"
  declare -A median
  for name in "${names[@]}"; do
    read -r wm wq1 wq3 wmin wmax < <(stats <"$out/side-wall-$name.txt")
    read -r rm _ < <(stats <"$out/side-rss-$name.txt")
    median[$name]="$wm"
    case "$name" in
      strata) bin="$strata_bin" ;; baseline) bin="$baseline" ;;
      hello) bin="$out/anchors/hello/Hello" ;; me-config) bin="$out/anchors/me-aot/MeConfigAnchor" ;;
    esac
    printf '%-10s %-34s %-22s %s\n' "$name" "$wm [$wq1, $wq3] ($wmin..$wmax)" "$rm" "$(wc -c <"$bin")"
  done
  echo "ratios of the medians: strata/hello $(ratio "${median[strata]}" "${median[hello]}")  strata/me-config $(ratio "${median[strata]}" "${median[me-config]}")  (issue 12's targets: strata/hello <= 1.5)"
  if [ -n "$baseline" ]; then
    echo "  baseline/hello $(ratio "${median[baseline]}" "${median[hello]}")  baseline/me-config $(ratio "${median[baseline]}" "${median[me-config]}")  strata/baseline $(ratio "${median[strata]}" "${median[baseline]}")"
  fi
fi

if [ "$in_process" -eq 1 ]; then
  me="$out/anchors/me-jit/MeConfigAnchor"
  probe="$repo/benchmarks/Strata.Benchmarks/bin/Release/net10.0/Strata.Benchmarks"
  for bin in "$me" "$probe"; do
    if [ ! -x "$bin" ]; then echo "bench-process: $bin is missing (run without --skip-build)" >&2; exit 1; fi
  done
  echo "in-process resolve of trainer.yaml + overrides.txt, JIT, alternated $rounds rounds (best and median of batch means, us):"
  printf '%-6s %-28s %-28s %s\n' round "me-config: best median" "strata: best median" "strata/me-config: best median"
  : >"$out/inproc.txt"
  for r in $(seq "$rounds"); do
    read -r me_min me_med < <(cd "$bench" && "$me" --bench trainer.yaml overrides.txt \
      | python3 -c 'import json,sys; d=json.load(sys.stdin); print("%.2f %.2f" % (d["min_ms"] * 1000, d["median_ms"] * 1000))')
    read -r st_min st_med < <(cd "$bench" && "$probe" --probe ResolveBenchmarks.Trainer \
      | awk '/^ResolveBenchmarks.Trainer / { for (i = 1; i <= NF; i++) { if ($i == "best" && b == "") b = $(i + 1); if ($i == "median" && m == "") m = $(i + 1) } print b, m; exit }')
    echo "$me_min $me_med $st_min $st_med" >>"$out/inproc.txt"
    printf '%-6s %-28s %-28s %s\n' "$r" "$me_min $me_med" "$st_min $st_med" "$(ratio "$st_min" "$me_min") $(ratio "$st_med" "$me_med")"
  done
  read -r best_ratio < <(awk '{ if (NR == 1 || $1 < m) m = $1; if (NR == 1 || $3 < s) s = $3 } END { printf "%.2f\n", s / m }' "$out/inproc.txt")
  echo "ratio of the best batches over all rounds: strata/me-config $best_ratio  (issue 12's target: <= 0.2)"
fi
echo "(binaries in $out; targets of DESIGN §8 for the NativeAOT process: <= 5 ms, <= 12 MiB)"
