#!/usr/bin/env bash
# Cold start: a new process (`dotnet FakeHttpFixture.Benchmarks.dll serve KIND --port P`) to the first successful
# `curl GET /file.bin`, timed from the bash loop. RUNS (default 10) measured runs per server, the servers taking turns, after one
# unmeasured run each (disk cache). Curl retries every 5 ms, so the resolution is about 10 ms. Writes $RESULTS_DIR/coldstart.md and prints it.
source "$(dirname "$0")/common.sh"
ensure_tools
build_bench
RUNS="${RUNS:-10}"
peers=(kestrel fixture wiremock)
declare -A median best

first_response_ms() { # kind: prints milliseconds from process start to the first 200
  local kind="$1" port start end pid
  port="$(random_port)"
  start=$(date +%s%N)
  dotnet "$BENCH_DLL" serve "$kind" --port "$port" >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/file.bin"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "serve $kind exited before answering" >&2; return 1; fi
    if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 60000 ]; then kill "$pid"; echo "serve $kind: no answer in 60 s" >&2; return 1; fi
    sleep 0.005
  done
  end=$(date +%s%N)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

# One unmeasured start each (disk cache), then the peers take turns round by round, so that a machine that speeds up or slows
# down during the run moves every peer alike instead of whichever ran in that stretch.
declare -A samples
for peer in "${peers[@]}"; do
  first_response_ms "$peer" >/dev/null || continue
  samples[$peer]=""
done
for _ in $(seq 1 "$RUNS"); do
  for peer in "${!samples[@]}"; do
    samples[$peer]+="$(first_response_ms "$peer") "
  done
done
for peer in "${!samples[@]}"; do
  sorted=($(printf '%s\n' ${samples[$peer]} | sort -n))
  median[$peer]=${sorted[$(( ${#sorted[@]} / 2 ))]}
  best[$peer]=${sorted[0]}
  echo "cold start $peer: ${samples[$peer]}ms" >&2
done

{
  echo "| Cold start, new process → first response ($RUNS runs) | Raw Kestrel | FakeHttpFixture | WireMock.Net | Fixture ÷ Kestrel | Fixture ÷ WireMock | Target |"
  echo "|---|--:|--:|--:|--:|--:|---|"
  echo "| median | ${median[kestrel]:-n/a} ms | ${median[fixture]:-n/a} ms | ${median[wiremock]:-n/a} ms | $(ratio "${median[fixture]:-}" "${median[kestrel]:-}")× | $(ratio "${median[fixture]:-}" "${median[wiremock]:-}")× | ≤ 0.35× WireMock |"
  echo "| best | ${best[kestrel]:-n/a} ms | ${best[fixture]:-n/a} ms | ${best[wiremock]:-n/a} ms | $(ratio "${best[fixture]:-}" "${best[kestrel]:-}")× | $(ratio "${best[fixture]:-}" "${best[wiremock]:-}")× | |"
} | tee "$RESULTS_DIR/coldstart.md"
