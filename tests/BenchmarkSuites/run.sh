#!/usr/bin/env bash
# Server per test vs one shared server with per-test attribution, in each framework's own runner: 200 tests × 5 requests.
# Prints the runner's own duration for each class, three rounds. Usage: tests/BenchmarkSuites/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$here/TUnitSuite" -c Release -v q -nologo >/dev/null
dotnet build "$here/XunitV3Suite" -c Release -v q -nologo >/dev/null
for suite in NUnitSuite MSTestSuite XunitSuite; do dotnet build "$here/$suite" -c Release -v q -nologo >/dev/null; done
# VSTest runners: the run's own Duration, as `dotnet test` prints it.
vstest() { dotnet test "$here/$1" -c Release --no-build --filter "FullyQualifiedName~$2" 2>&1 | grep -E "Passed!|Failed!" | sed -E 's/.*Duration: ([^-]*) -.*/\1/'; }
for round in 1 2 3; do
  for class in ServerPerTest SharedServer; do
    tunit=$(dotnet "$here/TUnitSuite/bin/Release/net10.0/TUnitSuite.dll" --treenode-filter "/*/*/$class/*" --disable-logo --progress off 2>&1 | grep -E '^\s+duration:' | sed 's/.*duration: //')
    xunit=$(dotnet "$here/XunitV3Suite/bin/Release/net10.0/XunitV3Suite.dll" -class "XunitV3Suite.$class" -noColor 2>&1 | grep -E "Total:" | sed -E "s/.*Time: //")
    vclass=$([ "$class" = SharedServer ] && echo Shared || echo ServerPerTest)
    echo "round $round  $class  TUnit: $tunit  xunit v3: $xunit  NUnit: $(vstest NUnitSuite $vclass)  MSTest: $(vstest MSTestSuite $vclass)  xunit v2: $(vstest XunitSuite $vclass)"
  done
done
