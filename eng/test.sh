#!/usr/bin/env bash
# Runs every test: unit, integration and end-to-end against real servers the tests start themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
eng/install-prerequisites.sh
mkdir -p TestResults
log=TestResults/test-output.log
# One test project and one test collection at a time: several full compositions at once would overload 2 cores.
set +e
dotnet test WeatherFlow.sln -m:1 --logger "console;verbosity=normal" --results-directory TestResults "$@" \
    -- xUnit.ParallelizeTestCollections=false 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
    # The apps' logs interleave with the results; repeat each failure at the end, where a reader of the log looks.
    echo
    echo "==== Failed tests (the whole output is in $log) ===="
    awk '/^  Failed [A-Za-z]/ { shown = 0; printing = 1 }
         /^  (Passed|Skipped) / { printing = 0 }
         printing && !/^(info|warn|fail|dbug|trce): / && !/^      [0-9]+: / && shown < 40 { print; shown++ }' "$log"
fi
exit "$status"
