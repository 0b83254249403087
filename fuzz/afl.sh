#!/usr/bin/env bash
# Coverage-guided fuzzing of Strata with AFL++ and SharpFuzz (docs/robustness.md).
#   fuzz/afl.sh TARGET SECONDS        TARGET: yaml | json | override | hf | safetensors | rsp | env | sweep | completion
# Needs afl-fuzz (Debian: apt-get install afl++) and the SharpFuzz instrumenter
# (dotnet tool install --tool-path "$SHARPFUZZ_DIR" SharpFuzz.CommandLine --version 2.3.0).
# Builds fuzz/Strata.Fuzz in Release, copies it to $WORK/bin, instruments Strata.dll, Strata.Llm.dll and
# YamlDotNet.dll there, and fuzzes from the seeds and the robustness corpus. Findings land in $WORK/out/default/crashes.
set -euo pipefail
target="${1:?target: yaml|json|override|hf|safetensors|rsp|env|sweep|completion}"
seconds="${2:-300}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${WORK:-/tmp/strata-afl-$target}"
sharpfuzz="${SHARPFUZZ_DIR:-$HOME/.dotnet/tools}/sharpfuzz"

dotnet build "$root/fuzz/Strata.Fuzz" -c Release > /dev/null
rm -rf "$work" && mkdir -p "$work/in"
cp -r "$root/fuzz/Strata.Fuzz/bin/Release/net10.0" "$work/bin"
for assembly in Strata.dll Strata.Llm.dll YamlDotNet.dll; do
  "$sharpfuzz" "$work/bin/$assembly"
done

case "$target" in
  yaml) pattern='*.yaml' ;;
  json|hf) pattern='*.json' ;;
  override) pattern='*.args' ;;
  safetensors) pattern='*.safetensors' ;;
  rsp) pattern='*.rsp' ;;
  env) pattern='*.env' ;;
  sweep) pattern='*.sweep' ;;
  completion) pattern='*.line' ;;
esac
find "$root/fuzz/seeds" "$root/tests/Strata.Robustness.Tests/Corpus" "$root/examples/checkpoints" -name "$pattern" -size -16k -exec cp {} "$work/in/" \; 2>/dev/null || true
[ -n "$(ls -A "$work/in")" ] || echo 'a: 1' > "$work/in/seed"

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
timeout "$seconds" afl-fuzz -i "$work/in" -o "$work/out" -t 10000 -m none -- dotnet "$work/bin/Strata.Fuzz.dll" afl "$target" > "$work/afl.log" 2>&1 || true
grep -E 'run_time|execs_done|execs_per_sec|corpus_count|bitmap_cvg|stability|saved_crashes|saved_hangs' "$work/out/default/fuzzer_stats"
