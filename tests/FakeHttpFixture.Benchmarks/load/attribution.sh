#!/usr/bin/env bash
# Where the fixture's load-test gap to raw Kestrel comes from: wrk GET and POST (1 KiB) against, side by side and in turn,
#   kestrel · fixture · fixture with its journal emptied every second (no growing heap) · fixture under Server GC.
# ROUNDS (default 3) × DURATION s (default 4), median round. Prints a table.
source "$(dirname "$0")/common.sh"
ensure_tools
build_bench
DURATION="${DURATION:-4}"
ROUNDS="${ROUNDS:-3}"
here="$(cd "$(dirname "$0")" && pwd)"
names=(kestrel fixture fixture-cleared fixture-servergc)
declare -A url pid gets posts
start() { # name, env..., -- serve args...
  local name="$1"; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  local log; log="$(mktemp)"
  env "${envs[@]}" dotnet "$BENCH_DLL" serve "$@" --port 0 >"$log" 2>&1 &
  pid[$name]=$!
  for _ in $(seq 1 600); do grep -q '^ready ' "$log" && break; sleep 0.1; done
  url[$name]="$(grep -m1 '^ready ' "$log" | cut -d' ' -f2)"
  rm -f "$log"
}
cleanup() { for n in "${names[@]}"; do kill "${pid[$n]:-}" 2>/dev/null || true; wait "${pid[$n]:-}" 2>/dev/null || true; done; }
trap cleanup EXIT
start kestrel DOTNET_gcServer=0 -- kestrel
start fixture DOTNET_gcServer=0 -- fixture
start fixture-cleared DOTNET_gcServer=0 -- fixture --clear-every-ms 1000
start fixture-servergc DOTNET_gcServer=1 -- fixture
for n in "${names[@]}"; do wrk -t1 -c16 -d1s "${url[$n]}file.bin" >/dev/null 2>&1; done
for _ in $(seq 1 "$ROUNDS"); do
  for n in "${names[@]}"; do
    gets[$n]+=" $(wrk -t1 -c16 -d"${DURATION}s" "${url[$n]}file.bin" | awk '/^Requests\/sec:/ { print $2 }')"
    posts[$n]+=" $(wrk -t1 -c16 -d"${DURATION}s" -s "$here/post-1k.lua" "${url[$n]}upload" | awk '/^Requests\/sec:/ { print $2 }')"
  done
done
echo "| wrk, 16 conn, median of $ROUNDS × ${DURATION} s | GET req/s | vs Kestrel | POST 1 KiB req/s | vs Kestrel |"
echo "|---|--:|--:|--:|--:|"
# shellcheck disable=SC2086
kg="$(median ${gets[kestrel]})"; kp="$(median ${posts[kestrel]})"
for n in "${names[@]}"; do
  # shellcheck disable=SC2086
  g="$(median ${gets[$n]})"; p="$(median ${posts[$n]})"
  echo "| $n | $g | $(ratio "$g" "$kg")× | $p | $(ratio "$p" "$kp")× |"
done
