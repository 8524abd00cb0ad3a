#!/usr/bin/env bash
# Runs the whole WeatherFlow composition (Postgres, Redis, RabbitMQ, api, trainer ×2, web) until Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
eng/install-prerequisites.sh
exec dotnet run --project src/WeatherFlow.AppHost -- "$@"
