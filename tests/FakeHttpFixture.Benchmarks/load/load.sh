#!/usr/bin/env bash
# Out-of-process throughput of FakeHttpFixture, raw Kestrel and WireMock.Net, each in its own `serve` process:
#   wrk    HTTP/1.1, 1 thread, 16 connections: GET of the 1 KiB file, and POST of 1 KiB (recorded by fixture and WireMock)
#   h2load HTTP/2 over TLS (ALPN h2), 1 connection with 16 concurrent streams: GET of the 1 KiB file
# Each run is preceded by a 1 s warm-up. DURATION (seconds, default 5) sets the measured length.
# Writes $RESULTS_DIR/load.md and prints it.
source "$(dirname "$0")/common.sh"
ensure_tools
build_bench
DURATION="${DURATION:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
peers=(kestrel fixture wiremock)
declare -A get post h2

wrk_rps() { # url [extra wrk args]: prints requests/s
  local url="$1"; shift
  wrk -t1 -c16 -d1s "$@" "$url" >/dev/null 2>&1 || true
  wrk -t1 -c16 -d"${DURATION}s" "$@" "$url" 2>/dev/null | awk '/^Requests\/sec:/ { print $2 }'
}

h2_rps() { # url: prints requests/s, or nothing when h2load failed
  h2load -t1 -c1 -m16 -D "$DURATION" --warm-up-time=1 "$1" 2>/dev/null |
    awk '/^requests:/ { ok = ($8 + 0 > 0) } /^finished in/ { rps = $4 } END { if (ok) print rps }'
}

for peer in "${peers[@]}"; do
  if start_server "$peer"; then
    get[$peer]="$(wrk_rps "${SERVER_URL}file.bin")"
    post[$peer]="$(wrk_rps "${SERVER_URL}upload" -s "$here/post-1k.lua")"
    stop_server
  fi
  if start_server "$peer" --tls; then
    h2[$peer]="$(h2_rps "${SERVER_URL}file.bin")"
    stop_server
  fi
  echo "load $peer: GET ${get[$peer]:-n/a} req/s, POST ${post[$peer]:-n/a} req/s, HTTP/2 GET ${h2[$peer]:-n/a} req/s" >&2
done

{
  echo "| Load (req/s, ${DURATION} s) | Raw Kestrel | FakeHttpFixture | WireMock.Net | Fixture ÷ Kestrel | Fixture ÷ WireMock | Target |"
  echo "|---|--:|--:|--:|--:|--:|---|"
  row() { # name assoc-array-name target
    local -n values="$2"
    echo "| $1 | ${values[kestrel]:-n/a} | ${values[fixture]:-n/a} | ${values[wiremock]:-n/a} | $(ratio "${values[fixture]:-}" "${values[kestrel]:-}")× | $(ratio "${values[fixture]:-}" "${values[wiremock]:-}")× | $3 |"
  }
  row "wrk GET 1 KiB, HTTP/1.1, 16 conn" get "≥ 0.8× Kestrel"
  row "wrk POST 1 KiB recorded, HTTP/1.1, 16 conn" post "≥ 0.85× Kestrel"
  row "h2load GET 1 KiB, HTTP/2 TLS, 16 streams" h2 "≥ 0.75× Kestrel"
} | tee "$RESULTS_DIR/load.md"
