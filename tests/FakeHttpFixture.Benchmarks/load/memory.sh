#!/usr/bin/env bash
# Memory, one fresh process per measure (peak memory belongs to a process):
#   upload: one streamed PUT of UPLOAD_MIB MiB (default 1024); extra peak RSS above the pre-upload RSS, and bytes allocated
#   idle:   IDLE_COUNT started, idle servers (default 100); RSS and managed heap per server
# Writes $RESULTS_DIR/memory.md and prints it.
source "$(dirname "$0")/common.sh"
build_bench
UPLOAD_MIB="${UPLOAD_MIB:-1024}"
IDLE_COUNT="${IDLE_COUNT:-100}"
{
  echo "| Memory | Raw Kestrel | FakeHttpFixture | WireMock.Net | Target |"
  echo "|---|---|---|---|---|"
  for measure in upload idle; do
    cells=()
    for peer in kestrel fixture wiremock; do
      if [ "$measure" = upload ]; then args=(--mib "$UPLOAD_MIB"); else args=(--count "$IDLE_COUNT"); fi
      line="$(dotnet "$BENCH_DLL" memory "$measure" "$peer" "${args[@]}" 2>&1 | grep -E "^$measure $peer:" || echo "$measure $peer: failed")"
      echo "$line" >&2
      cells+=("${line#*: }")
    done
    if [ "$measure" = upload ]; then
      echo "| upload of $UPLOAD_MIB MiB | ${cells[0]} | ${cells[1]} | ${cells[2]} | ≤ 16 MiB extra peak |"
    else
      echo "| $IDLE_COUNT idle servers | ${cells[0]} | ${cells[1]} | ${cells[2]} | ≤ 100 KiB each |"
    fi
  done
} | tee "$RESULTS_DIR/memory.md"
