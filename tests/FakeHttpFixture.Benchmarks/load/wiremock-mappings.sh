#!/usr/bin/env bash
# fakehttp --mappings against WireMock 3.13.2 itself (the jar .ci/install-prereqs puts in tests/FakeHttpFixture.WireMock.Tests/tools),
# on the same 20 stub mappings: keep-alive GETs spread over the 20 (wrk, 1 thread, 16 connections), request journal on in both
# (fakehttp keeps its last 1024 requests; WireMock its default, unbounded). WireMock is warmed up for WARMUP seconds (default 15)
# first, fakehttp for 3; then ROUNDS (default 3) interleaved rounds of DURATION seconds (default 5) each; the median round counts.
# Prints a Markdown table of requests/s and p99 latency.
set -euo pipefail
cd "$(dirname "$0")/../../.."
DURATION="${DURATION:-5}"
ROUNDS="${ROUNDS:-3}"
WARMUP="${WARMUP:-15}"
jar=tests/FakeHttpFixture.WireMock.Tests/tools/node_modules/wiremock/build/wiremock-standalone-3.13.2.jar
[ -f "$jar" ] || { echo "run bash .ci/install-prereqs first: $jar is missing" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
dotnet build src/FakeHttpFixture.Cli/FakeHttpFixture.Cli.csproj -c Release -v q -nologo >/dev/null
work="$(mktemp -d)"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
mkdir -p "$work/wm-root/mappings" "$work/wm-root/__files"
for i in $(seq 1 20); do
  printf '{ "request": { "method": "GET", "urlPath": "/api/resource-%d" }, "response": { "status": 200, "headers": { "Content-Type": "application/json" }, "jsonBody": { "id": %d, "name": "resource %d", "tags": ["a", "b", "c"], "price": 12.5 } } }\n' "$i" "$i" "$i" > "$work/wm-root/mappings/m$i.json"
done
cat > "$work/spread.lua" <<'LUA'
local i = 0
request = function()
  i = i % 20 + 1
  return wrk.format("GET", "/api/resource-" .. i)
end
LUA
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_up() { for _ in $(seq 1 240); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "$1 did not answer" >&2; exit 1; }
wm_port="$(free_port)"
java -jar "$jar" --port "$wm_port" --bind-address 127.0.0.1 --root-dir "$work/wm-root" --disable-banner >/dev/null 2>&1 &
pids+=($!)
fh_port="$(free_port)"
dotnet src/FakeHttpFixture.Cli/bin/Release/net10.0/fakehttp.dll --mappings "$work/wm-root" --port "$fh_port" --quiet >/dev/null 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$wm_port/api/resource-1"
wait_up "http://127.0.0.1:$fh_port/api/resource-1"
wrk -t1 -c16 -d"${WARMUP}s" -s "$work/spread.lua" "http://127.0.0.1:$wm_port" >/dev/null
wrk -t1 -c16 -d3s -s "$work/spread.lua" "http://127.0.0.1:$fh_port" >/dev/null
run() { # port: prints "rps p99"
  wrk -t1 -c16 -d"${DURATION}s" --latency -s "$work/spread.lua" "http://127.0.0.1:$1" 2>/dev/null |
    awk '/^Requests\/sec:/ { rps = $2 } $1 == "99%" { p99 = $2 } END { print rps, p99 }'
}
declare -a wm fh
for r in $(seq 1 "$ROUNDS"); do
  wm+=("$(run "$wm_port")")
  fh+=("$(run "$fh_port")")
  echo "round $r: WireMock ${wm[-1]} · fakehttp ${fh[-1]}" >&2
done
median() { printf '%s\n' "$@" | sort -n -k1 | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }'; }
read -r wm_rps wm_p99 <<<"$(median "${wm[@]}")"
read -r fh_rps fh_p99 <<<"$(median "${fh[@]}")"
echo "| Server | Requests/s | p99 |"
echo "| --- | ---: | ---: |"
echo "| WireMock 3.13.2 (Java 17, warmed ${WARMUP} s) | $wm_rps | $wm_p99 |"
echo "| fakehttp --mappings | $fh_rps | $fh_p99 |"
awk -v a="$fh_rps" -v b="$wm_rps" 'BEGIN { printf "\nfakehttp ÷ WireMock: %.2f×\n", a / b }'
