#!/usr/bin/env bash
# Runs every test: unit, integration and end-to-end against real servers the tests start themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
eng/install-prerequisites.sh
dotnet test WeatherFlow.sln --logger "console;verbosity=normal" --results-directory TestResults "$@"
