#!/usr/bin/env bash
# Start-up benchmark (issue 14; benchmarks/README.md, "Start-up"): process wall time of compiling
# a 10-step workflow, median of N runs (default 20, after one warm-up run), for each way cwf's
# command line can be started and for prqlc (the PRQL compiler) on the same 10-step program.
# Then prqlc's in-process time on longer chains, for the per-step comparison.
#   benchmarks/startup.sh            all figures
#   RUNS=5 benchmarks/startup.sh     fewer runs
# Installs prqlc from npm into benchmarks/prqlc/node_modules (npm ci from the committed lock file)
# and builds cwf's command line through ./cwf (and a ReadyToRun one beside it); the generated programs
# and that build go to artifacts/startup.
set -euo pipefail

repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
runs=${RUNS:-20}
work="$repo/artifacts/startup"
prqlc="$repo/benchmarks/prqlc"
mkdir -p "$work"

# --- the 10-step program, in .cwf and in PRQL: derive, filter, select, cycling ---
cat >"$work/catalog.json" <<'JSON'
{"tables": [{"name": "src.cities", "columns": [
  {"name": "id", "type": "int64"}, {"name": "name", "type": "string"},
  {"name": "population", "type": "int64"}, {"name": "country", "type": "string"}]}]}
JSON
{
  echo 'workflow "chain"'
  echo 'source cities = table "src.cities"'
  echo 'let result = cities'
  for i in $(seq 1 10); do
    case $((i % 3)) in
      1) echo "  | derive extra = id + $i" ;;
      2) echo "  | filter extra > $i" ;;
      0) echo "  | select id, name, population, country" ;;
    esac
  done
  echo 'output result -> table "out.chain" mode replace'
} >"$work/chain10.cwf"

[[ -d "$prqlc/node_modules/prqlc" ]] ||
  (cd "$prqlc" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
node "$prqlc/compile.js" --print-chain 10 >"$work/chain10.prql"

# --- builds: ./cwf builds its form on first use (Native AOT where it can); the ReadyToRun form is built
# here too, into artifacts/startup/r2r, so that both are measured ---
"$repo/cwf" compile "$work/chain10.cwf" --catalog "$work/catalog.json" --dialect postgres >/dev/null
r2r="$work/r2r"
if [[ ! -f "$r2r/Cwf.Cli.dll" || "$repo/artifacts/cwf-cli.built" -nt "$r2r/Cwf.Cli.dll" ]]; then
  case "$(uname -m)" in aarch64 | arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
  rm -rf "$r2r"
  dotnet publish "$repo/src/Cwf.Cli/Cwf.Cli.csproj" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    -p:UseAppHost=false -o "$r2r" --nologo -v q >"$work/r2r.log" 2>&1 || { cat "$work/r2r.log" >&2; exit 1; }
fi
node "$prqlc/compile.js" "$work/chain10.prql" >/dev/null

# Prints "median min max" in milliseconds of `runs` runs of the command (one warm-up run first).
measure() {
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  local times=() start end
  for _ in $(seq 1 "$runs"); do
    # Bash's own clock (microseconds), so that no process is started around the measured one.
    start=${EPOCHREALTIME/./}
    "$@" >/dev/null 2>&1
    end=${EPOCHREALTIME/./}
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
    m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; print m, t[1], t[NR] }'
}

row() {
  local what=$1; shift
  read -r median min max < <(measure "$@")
  printf '| %s | %s | %s-%s |\n' "$what" "$median" "$min" "$max"
}

cwf_args=(compile "$work/chain10.cwf" --catalog "$work/catalog.json" --dialect postgres)
echo "Start-up: a 10-step workflow, wall clock in ms, median of $runs runs ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
echo
echo '| command | median | min-max |'
echo '|---|---|---|'
row '`./cwf compile` (the script: its staleness check, then the build it made)' "$repo/cwf" "${cwf_args[@]}"
if [[ -x "$repo/artifacts/cwf-cli/Cwf.Cli" && ! -f "$repo/artifacts/cwf-cli/Cwf.Cli.dll" ]]; then
  row '`artifacts/cwf-cli/Cwf.Cli compile` (Native AOT, direct)' "$repo/artifacts/cwf-cli/Cwf.Cli" "${cwf_args[@]}"
fi
row '`dotnet Cwf.Cli.dll compile` (ReadyToRun, direct)' dotnet "$r2r/Cwf.Cli.dll" "${cwf_args[@]}"
row '`node compile.js` with prqlc 0.13.14 (WebAssembly; prqlc ships no CLI on npm)' node "$prqlc/compile.js" "$work/chain10.prql"
row '`node -e 0` (Node start alone, for reference)' node -e 0
echo
echo "prqlc in process (median of 5 after a warm-up; node --stack-size=8000, since the default stack overflows at 100 steps):"
for steps in 10 100 200 300 400; do
  node --stack-size=8000 "$prqlc/compile.js" --chain "$steps" || true
done
