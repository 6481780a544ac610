#!/usr/bin/env python3
"""Prints 'N passed, N failed[, N skipped]' from every TRX file under a folder; exits 1 when none is found or any test failed."""
import glob
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
folder = sys.argv[1]
passed = failed = skipped = 0
files = sorted(glob.glob(f"{folder}/**/*.trx", recursive=True))
for path in files:
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", NS)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0)) + int(counters.get("inconclusive", 0))
    print(f"  {path.rsplit('/', 1)[-1]}: {counters.get('total')} total, {counters.get('passed')} passed", file=sys.stderr)

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(0 if files and failed == 0 and passed > 0 else 1)
