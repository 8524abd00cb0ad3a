#!/usr/bin/env bash
# Runs every test: unit, integration and end-to-end against real servers the tests start themselves.
# Three lanes run side by side, each one test collection at a time: the end-to-end tests of the shared composition,
# the end-to-end tests that break compositions of their own (TestLanes.Isolated), and every other project. More at
# once would overload 2 cores; fewer leaves them idle while the compositions start and wait for runs.
set -euo pipefail
cd "$(dirname "$0")/.."
eng/install-prerequisites.sh
mkdir -p TestResults
rm -f TestResults/lane-*.log
log=TestResults/test-output.log
dotnet build WeatherFlow.sln -nologo -v q

lane() {
    local name=$1
    shift
    dotnet test --no-build --logger "console;verbosity=normal" --results-directory TestResults "$@" \
        -- xUnit.ParallelizeTestCollections=false > "TestResults/lane-$name.log" 2>&1
}

e2e=tests/WeatherFlow.Tests
set +e
lane shared "$e2e" --filter "Lane!=isolated" & shared=$!
lane isolated "$e2e" --filter "Lane=isolated" & isolated=$!
status=0
for project in $(dotnet sln WeatherFlow.sln list | grep -E '^tests/.*\.csproj$' | grep -v "^$e2e/"); do
    lane "$(basename "$project" .csproj)" "$project" || status=1
done
wait "$shared" || status=1
wait "$isolated" || status=1
set -e

cat TestResults/lane-*.log > "$log"
for lane_log in TestResults/lane-*.log; do
    echo "$(basename "$lane_log" .log): $(grep -a -E "^ *(Total tests|Passed|Failed):|^Test Run Aborted" "$lane_log" | tr -s ' ' | tr '\n' ' ')"
done
if [ "$status" -ne 0 ]; then
    # The apps' logs interleave with the results; repeat each failure at the end, where a reader of the log looks.
    echo
    echo "==== Failed tests (the whole output is in $log) ===="
    awk '/^  Failed [A-Za-z]/ { shown = 0; printing = 1 }
         /^  (Passed|Skipped) / { printing = 0 }
         printing && !/^(info|warn|fail|dbug|trce): / && !/^      [0-9]+: / && shown < 40 { print; shown++ }' "$log"
fi
exit "$status"
