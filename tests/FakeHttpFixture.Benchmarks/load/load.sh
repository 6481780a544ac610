#!/usr/bin/env bash
# Out-of-process throughput of raw Kestrel, FakeHttpFixture and WireMock.Net, each in its own `serve` process:
#   wrk    HTTP/1.1, 1 thread, 16 connections: GET of the 1 KiB file, and POST of 1 KiB (recorded by fixture and WireMock)
#   h2load HTTP/2 over TLS (ALPN h2), 1 connection with 16 concurrent streams: GET of the 1 KiB file
# The three servers run side by side and are loaded in turn, ROUNDS times (default 3) for DURATION seconds each
# (default 4) after a 1 s warm-up; the median round counts. Interleaving keeps a busy neighbour from favouring one server.
# Writes $RESULTS_DIR/load.md and prints it.
source "$(dirname "$0")/common.sh"
ensure_tools
build_bench
DURATION="${DURATION:-4}"
ROUNDS="${ROUNDS:-3}"
here="$(cd "$(dirname "$0")" && pwd)"
peers=(kestrel fixture wiremock)
declare -A url pid get post h2

wrk_rps() { # url [extra wrk args]: prints requests/s
  local target="$1"; shift
  wrk -t1 -c16 -d"${DURATION}s" "$@" "$target" 2>/dev/null | awk '/^Requests\/sec:/ { print $2 }'
}

h2_rps() { # url: prints requests/s, or nothing when h2load failed
  h2load -t1 -c1 -m16 -D "$DURATION" "$1" 2>/dev/null |
    awk '/^requests:/ { ok = ($8 + 0 > 0) } /^finished in/ { rps = $4 } END { if (ok) print rps }'
}

start_all() { # [--tls]: starts the three servers; a server that fails to start is left out
  for peer in "${peers[@]}"; do
    url[$peer]=""
    if start_server "$peer" "$@"; then
      url[$peer]="$SERVER_URL"
      pid[$peer]="$SERVER_PID"
    fi
  done
}

stop_all() {
  for peer in "${peers[@]}"; do
    if [ -n "${url[$peer]}" ]; then
      SERVER_PID="${pid[$peer]}"
      stop_server
    fi
  done
}

trap stop_all EXIT
start_all
declare -A gets posts
for peer in "${peers[@]}"; do # warm-up: JIT and connection pools
  if [ -n "${url[$peer]}" ]; then
    wrk -t1 -c16 -d1s "${url[$peer]}file.bin" >/dev/null 2>&1 || true
    wrk -t1 -c16 -d1s -s "$here/post-1k.lua" "${url[$peer]}upload" >/dev/null 2>&1 || true
  fi
done
for _ in $(seq 1 "$ROUNDS"); do
  for peer in "${peers[@]}"; do
    [ -n "${url[$peer]}" ] || continue
    gets[$peer]+=" $(wrk_rps "${url[$peer]}file.bin")"
    posts[$peer]+=" $(wrk_rps "${url[$peer]}upload" -s "$here/post-1k.lua")"
  done
done
stop_all

start_all --tls
declare -A h2s
for peer in "${peers[@]}"; do
  [ -n "${url[$peer]}" ] && { h2load -t1 -c1 -m16 -D 1 "${url[$peer]}file.bin" >/dev/null 2>&1 || true; }
done
for _ in $(seq 1 "$ROUNDS"); do
  for peer in "${peers[@]}"; do
    [ -n "${url[$peer]}" ] || continue
    h2s[$peer]+=" $(h2_rps "${url[$peer]}file.bin")"
  done
done
stop_all
trap - EXIT

for peer in "${peers[@]}"; do
  # shellcheck disable=SC2086 # word splitting of the round list is the point
  get[$peer]="$(median ${gets[$peer]:-})"; post[$peer]="$(median ${posts[$peer]:-})"; h2[$peer]="$(median ${h2s[$peer]:-})"
  echo "load $peer: GET rounds${gets[$peer]:- n/a}; POST rounds${posts[$peer]:- n/a}; HTTP/2 GET rounds${h2s[$peer]:- n/a}" >&2
done

{
  echo "| Load (req/s, median of $ROUNDS × ${DURATION} s) | Raw Kestrel | FakeHttpFixture | WireMock.Net | Fixture ÷ Kestrel | Fixture ÷ WireMock | Target |"
  echo "|---|--:|--:|--:|--:|--:|---|"
  row() { # name assoc-array-name target
    local -n values="$2"
    echo "| $1 | ${values[kestrel]:-n/a} | ${values[fixture]:-n/a} | ${values[wiremock]:-n/a} | $(ratio "${values[fixture]:-}" "${values[kestrel]:-}")× | $(ratio "${values[fixture]:-}" "${values[wiremock]:-}")× | $3 |"
  }
  row "wrk GET 1 KiB, HTTP/1.1, 16 conn" get "≥ 0.8× Kestrel"
  row "wrk POST 1 KiB recorded, HTTP/1.1, 16 conn" post "≥ 0.85× Kestrel"
  row "h2load GET 1 KiB, HTTP/2 TLS, 16 streams" h2 "≥ 0.75× Kestrel"
} | tee "$RESULTS_DIR/load.md"
