#!/usr/bin/env bash
# Runs every measure of docs/benchmarks.md and prints the tables:
#   BenchmarkDotNet (in-process, short job) → ratios.md · the same scenarios interleaved across peers → paired.md
#   wrk/h2load → load.md · cold start → coldstart.md · memory → memory.md
# Knobs: FILTER (BenchmarkDotNet filter, default '*'), DURATION/ROUNDS (load), RUNS (cold starts), UPLOAD_MIB, IDLE_COUNT,
# SKIP="bdn paired load cold memory" (any of them) to leave a part out. Results land in BenchmarkDotNet.Artifacts/results (not in git).
set -euo pipefail
cd "$(dirname "$0")"
export NO_BUILD=1
source load/common.sh
ensure_tools
dotnet build -c Release -nologo -v q
skip=" ${SKIP:-} "

[[ "$skip" == *" bdn "* ]] || dotnet "$BENCH_DLL" --filter "${FILTER:-*}" >"$RESULTS_DIR/bdn.log" 2>&1 || { tail -40 "$RESULTS_DIR/bdn.log"; exit 1; }
[[ "$skip" == *" paired "* ]] || dotnet "$BENCH_DLL" paired >"$RESULTS_DIR/paired.md" 2>"$RESULTS_DIR/paired.log"
[[ "$skip" == *" load "* ]] || bash load/load.sh >/dev/null
[[ "$skip" == *" cold "* ]] || bash load/coldstart.sh >/dev/null
[[ "$skip" == *" memory "* ]] || bash load/memory.sh >/dev/null

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for part in ratios paired load coldstart memory; do
  if [ -f "$RESULTS_DIR/$part.md" ]; then
    echo
    echo "## $part"
    cat "$RESULTS_DIR/$part.md"
  fi
done
