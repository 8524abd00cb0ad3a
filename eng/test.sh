#!/usr/bin/env bash
# Runs every test: unit, integration and end-to-end against real servers the tests start themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
eng/install-prerequisites.sh
# One test project and one test collection at a time: several full compositions at once would overload 2 cores.
dotnet test WeatherFlow.sln -m:1 --logger "console;verbosity=normal" --results-directory TestResults "$@" -- xUnit.ParallelizeTestCollections=false
