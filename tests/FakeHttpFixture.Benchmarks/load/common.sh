#!/usr/bin/env bash
# Shared by the load scripts: tools, build, and starting/stopping one server of the benchmark program in serve mode.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DLL="$BENCH_DIR/bin/Release/net10.0/FakeHttpFixture.Benchmarks.dll"
RESULTS_DIR="${RESULTS_DIR:-$BENCH_DIR/BenchmarkDotNet.Artifacts/results}"
mkdir -p "$RESULTS_DIR"

# wrk (HTTP/1.1), h2load (HTTP/2) and curl come from Debian packages; install them when missing.
ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v h2load >/dev/null || missing+=(nghttp2-client)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -ne 0 ]; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Builds the benchmark program once (skip with NO_BUILD=1 when run-all.sh has built it already).
build_bench() {
  if [ "${NO_BUILD:-0}" != "1" ] || [ ! -f "$BENCH_DLL" ]; then
    dotnet build "$BENCH_DIR" -c Release -nologo -v q >/dev/null
  fi
}

# A port for the cold-start loop, which must know it before the server is up; the load runs use port 0 instead.
random_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# start_server KIND [--tls]: starts `serve KIND` on port 0 and sets SERVER_PID and SERVER_URL; fails if it does not come up in 60 s.
start_server() {
  local kind="$1"; shift
  SERVER_PID=""
  SERVER_LOG="$(mktemp)"
  dotnet "$BENCH_DLL" serve "$kind" --port 0 "$@" >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  SERVER_URL=""
  for _ in $(seq 1 600); do
    if grep -q '^ready ' "$SERVER_LOG"; then
      SERVER_URL="$(grep -m1 '^ready ' "$SERVER_LOG" | cut -d' ' -f2)"
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "serve $kind $* did not start:" >&2
      head -5 "$SERVER_LOG" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "serve $kind $* did not report ready within 60 s" >&2
  stop_server
  return 1
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
  rm -f "${SERVER_LOG:-}"
}

# median of the arguments (numbers), or nothing when there are none.
median() {
  [ $# -gt 0 ] || return 0
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# ratio A B: A ÷ B with two decimals, or n/a.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "n/a" || b == "n/a" || b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'
}
