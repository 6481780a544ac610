#!/usr/bin/env bash
# Brings the project's PublicAPI.Unshipped.txt in line with the code: adds every public symbol the build reports as
# undeclared (RS0016) and removes every declared symbol the build no longer finds (RS0017).
# Usage: eng/update-public-api.sh src/FakeHttpFixture
set -euo pipefail
project_dir=${1:?usage: eng/update-public-api.sh src/PROJECT}
unshipped="$project_dir/PublicAPI.Unshipped.txt"
log="$(mktemp)"
trap 'rm -f "$log" "$unshipped.new" "$unshipped.gone" "$unshipped.tmp"' EXIT
dotnet build "$project_dir" -c Release --no-incremental >"$log" 2>&1 || true
grep -oE "RS0016: Symbol '[^']+(' is not part)" "$log" | sed -E "s/^RS0016: Symbol '//; s/' is not part$//" | sort -u > "$unshipped.new" || true
grep -oE "RS0017: Symbol '[^']+(' is part of)" "$log" | sed -E "s/^RS0017: Symbol '//; s/' is part of$//" | sort -u > "$unshipped.gone" || true
{ grep -vxF -f "$unshipped.gone" "$unshipped" 2>/dev/null || cat "$unshipped"; cat "$unshipped.new"; } \
  | grep -v '^#nullable enable$' | grep -v '^$' | LC_ALL=C sort -u | { echo '#nullable enable'; cat; } > "$unshipped.tmp"
mv "$unshipped.tmp" "$unshipped"
echo "added $(wc -l < "$unshipped.new"), removed $(wc -l < "$unshipped.gone") symbols in $unshipped"
