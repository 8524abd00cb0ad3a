#!/usr/bin/env bash
# Installs the Debian packages WeatherFlow runs on: the AppHost starts Postgres, Redis and RabbitMQ as local
# processes (no container engine here), the browser tests drive Debian's Chromium, and the tests of the PyTorch
# module (clients/python) run in Debian's PyTorch. Idempotent: only what is missing is installed, so it is cheap to
# call before every run.
set -euo pipefail

declare -A binary_of=(
  [postgresql]=/usr/lib/postgresql/15/bin/postgres
  [redis-server]=/usr/bin/redis-server
  [rabbitmq-server]=/usr/sbin/rabbitmq-server
  [chromium]=/usr/bin/chromium
  [fonts-liberation]=/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf
  [python3-torch]=/usr/lib/python3/dist-packages/torch/__init__.py
)

missing=()
for package in "${!binary_of[@]}"; do
  [[ -e "${binary_of[$package]}" ]] || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
  sudo=()
  if [[ $EUID -ne 0 ]]; then sudo=(sudo); fi
  echo "Installing ${missing[*]}"
  # The AppHost starts these servers itself; Debian's maintainer scripts must not start system-wide copies.
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
  "${sudo[@]}" chmod +x /usr/sbin/policy-rc.d
  trap '"${sudo[@]}" rm -f /usr/sbin/policy-rc.d' EXIT
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! command -v dotnet >/dev/null; then
  echo "The .NET 10 SDK is required (https://dot.net)." >&2
  exit 1
fi
