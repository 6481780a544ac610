#!/usr/bin/env bash
# Coverage-guided fuzzing of the library's own parsers with libFuzzer and SharpFuzz (see README.md beside this file).
#
#   fuzz.sh TARGET SECONDS [LIBFUZZER-FLAG...]   fuzz one target (or "all", one after the other) for SECONDS each
#   fuzz.sh smoke SECONDS                         CI: every target for SECONDS, one summary line, exit 1 on any crash
#   fuzz.sh install                               install what fuzzing needs, build nothing
#
# It installs what it needs (clang and libFuzzer with apt-get, SharpFuzz.CommandLine as a dotnet tool in the work folder),
# publishes FakeHttpFixture.Fuzz, instruments the published FakeHttpFixture.dll (ours only, not the framework's), builds the
# libFuzzer driver and runs it. The work folder (FUZZ_WORK, default artifacts/fuzz) keeps the growing corpus per target
# between runs and the findings; the seed corpus in the repo is only read. A crash leaves its input in
# FUZZ_WORK/findings/TARGET/ and prints how to replay it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${FUZZ_WORK:-$root/artifacts/fuzz}"
sharpfuzz_version=2.3.0
# libFuzzer's own limit per input; the driver's shared segment holds up to 1 MiB.
max_len="${FUZZ_MAX_LEN:-8192}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

usage() {
  sed -n '4,6p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

install() {
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if ! command -v clang >/dev/null 2>&1; then
    echo "installing: clang" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends clang >/dev/null
  fi
  local major
  major="$(clang -dumpversion | cut -d. -f1)"
  if [ ! -f "/usr/lib/llvm-$major/lib/libFuzzer.a" ]; then
    echo "installing: libfuzzer-$major-dev" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "libfuzzer-$major-dev" >/dev/null
  fi
  if [ ! -x "$work/tools/sharpfuzz" ]; then
    dotnet tool install SharpFuzz.CommandLine --version "$sharpfuzz_version" --tool-path "$work/tools" >/dev/null
  fi
}

build() {
  install
  local major
  major="$(clang -dumpversion | cut -d. -f1)"
  # Our own driver (driver/dotnet-libfuzzer.c) linked with Debian's libFuzzer; rebuilt when its source changes.
  if [ ! -x "$work/dotnet-libfuzzer" ] || [ "$here/driver/dotnet-libfuzzer.c" -nt "$work/dotnet-libfuzzer" ]; then
    clang -O1 -Wall -Wextra -Werror -c "$here/driver/dotnet-libfuzzer.c" -o "$work/dotnet-libfuzzer.o"
    clang++ "$work/dotnet-libfuzzer.o" "/usr/lib/llvm-$major/lib/libFuzzer.a" -lpthread -o "$work/dotnet-libfuzzer"
  fi
  # Publish copies the library again only when it is missing, so remove the instrumented copy first; sharpfuzz refuses to
  # instrument an assembly twice.
  rm -f "$work/publish/FakeHttpFixture.dll"
  dotnet publish "$here/FakeHttpFixture.Fuzz.csproj" -c Release -o "$work/publish" -v quiet -nologo </dev/null >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; exit 1; }
  "$work/tools/sharpfuzz" "$work/publish/FakeHttpFixture.dll"
}

targets() {
  dotnet "$work/publish/FakeHttpFixture.Fuzz.dll" list | sed -n 's/^  \([a-z0-9-]*\) .*/\1/p'
}

# fuzz TARGET SECONDS [flags…]: runs libFuzzer; prints one summary line; returns 0, or 1 on a crash.
fuzz() {
  local target="$1" seconds="$2"
  shift 2
  local corpus="$work/corpus/$target" findings="$work/findings/$target" log="$work/logs/$target.log"
  mkdir -p "$corpus" "$findings" "$work/logs"
  # The seeds join the growing corpus; libFuzzer writes (and reduces) only there, never in the repo.
  if [ -d "$here/corpus/$target" ]; then
    cp -n "$here/corpus/$target"/* "$corpus/" 2>/dev/null || true
  fi
  local dict=()
  [ -f "$here/dict/$target.dict" ] && dict=(-dict="$here/dict/$target.dict")
  local status=0 started
  started="$(date +%s)"
  # -timeout is generous because the machines are shared; a real hang still shows as one.
  "$work/dotnet-libfuzzer" -max_total_time="$seconds" -timeout=30 -max_len="$max_len" -print_final_stats=1 \
    -artifact_prefix="$findings/" "${dict[@]}" "$@" "$corpus" \
    --child=dotnet --child-arg="$work/publish/FakeHttpFixture.Fuzz.dll" --child-arg="$target" >"$log" 2>&1 || status=$?
  local execs rate cov ft units elapsed
  elapsed=$(($(date +%s) - started))
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  cov="$(sed -n 's/^stat::managed_edges_hit: *//p' "$log" | tail -1)"
  ft="$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)"
  units="$(find "$corpus" -type f | wc -l)"
  echo "fuzz $target: ${execs:-0} executions in ${elapsed}s (${rate:-0}/s), ${cov:-0} edges, ${ft:-0} features, corpus $units inputs, exit $status"
  if [ "$status" -ne 0 ]; then
    local crash
    crash="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)"
    echo "fuzz $target: FAILED. Last lines of $log:" >&2
    grep -v '^#[0-9]' "$log" | tail -40 >&2
    if [ -n "$crash" ]; then
      echo "input (base64): $(base64 -w0 "$crash" | head -c 4000)" >&2
      echo "replay: dotnet $work/publish/FakeHttpFixture.Fuzz.dll $target $crash" >&2
      echo "then add it to the seed corpus: cp $crash $here/corpus/$target/crash-NAME" >&2
    fi
    return 1
  fi
}

[ $# -ge 1 ] || usage
mkdir -p "$work"
case "$1" in
  install)
    install
    ;;
  smoke)
    [ $# -eq 2 ] || usage
    # A machine that cannot get the toolchain (no apt, no network) is said plainly and does not fail CI; only a crash or a
    # harness that does not build does.
    if ! (install) >"$work/install.log" 2>&1; then
      echo "fuzz smoke: skipped: clang, libFuzzer or the sharpfuzz tool could not be installed; see $work/install.log:"
      tail -5 "$work/install.log" | sed 's/^/  /'
      exit 0
    fi
    build >/dev/null
    failed=0 total=0 count=0
    for target in $(targets); do
      line="$(fuzz "$target" "$2" -seed=1)" || failed=$((failed + 1))
      echo "$line"
      count=$((count + 1))
      total=$((total + $(echo "$line" | sed -n 's/^fuzz [^:]*: \([0-9]*\) executions.*/\1/p')))
    done
    echo "fuzz smoke: $count targets, $total executions, $failed crashed"
    [ "$failed" -eq 0 ]
    ;;
  *)
    [ $# -ge 2 ] || usage
    target="$1" seconds="$2"
    shift 2
    build
    if [ "$target" = all ]; then
      failed=0
      for each in $(targets); do
        fuzz "$each" "$seconds" "$@" || failed=1
      done
      exit $failed
    fi
    fuzz "$target" "$seconds" "$@"
    ;;
esac
