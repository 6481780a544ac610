#!/usr/bin/env bash
# Adds every public symbol the build reports as undeclared (RS0016) to the project's PublicAPI.Unshipped.txt.
# Usage: eng/update-public-api.sh src/FakeHttpFixture
set -euo pipefail
project_dir=${1:?usage: eng/update-public-api.sh src/PROJECT}
unshipped="$project_dir/PublicAPI.Unshipped.txt"
dotnet build "$project_dir" -c Release --no-incremental 2>&1 \
  | grep -oE "RS0016: Symbol '[^']+(' is not part)" \
  | sed -E "s/^RS0016: Symbol '//; s/' is not part$//" \
  | sort -u > "$unshipped.new" || true
if [ -s "$unshipped.new" ]; then
  { cat "$unshipped"; cat "$unshipped.new"; } | grep -v '^#nullable enable$' | sort -u | { echo '#nullable enable'; cat; } > "$unshipped.tmp"
  mv "$unshipped.tmp" "$unshipped"
  echo "added $(wc -l < "$unshipped.new") symbols to $unshipped"
fi
rm -f "$unshipped.new"
