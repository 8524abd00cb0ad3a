#!/usr/bin/env bash
# Installs the Debian packages WeatherFlow runs on: the AppHost starts Postgres, Redis and RabbitMQ as local
# processes (no container engine here), the browser tests drive Debian's Chromium, the tests of the PyTorch
# module (clients/python) run in Debian's PyTorch, the api registers NCAR's storm episode from libncarg-data, and
# the dataset tests write NetCDF files with netcdf-bin's ncgen, a second implementation of the format. Azurite, the
# local blob storage, comes from npm. Idempotent: only what is missing is installed, so it is cheap to call before
# every run.
set -euo pipefail

declare -A binary_of=(
  [postgresql]=/usr/lib/postgresql/15/bin/postgres
  [redis-server]=/usr/bin/redis-server
  [rabbitmq-server]=/usr/sbin/rabbitmq-server
  [chromium]=/usr/bin/chromium
  [fonts-liberation]=/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf
  [python3-torch]=/usr/lib/python3/dist-packages/torch/__init__.py
  [libncarg-data]=/usr/share/ncarg/data/cdf/Tstorm.cdf
  [netcdf-bin]=/usr/bin/ncgen
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

# Azurite goes into a folder of its own outside the source tree, where the AppHost looks for it; root's is shared by
# every checkout. Its package asks for Node 22, but its blob service runs on the Node 20 these machines have.
azurite_version=3.37.0
if [[ $EUID -eq 0 ]]; then
  azurite_directory=/opt/weatherflow/azurite
else
  azurite_directory="${XDG_DATA_HOME:-$HOME/.local/share}/weatherflow/azurite"
fi
if ! command -v node >/dev/null || (($(node -p 'process.versions.node.split(".")[0]') < 20)); then
  echo "Node.js 20 or later is required to run Azurite (https://nodejs.org)." >&2
  exit 1
fi
installed_azurite=$(node -p "require('$azurite_directory/node_modules/azurite/package.json').version" 2>/dev/null || true)
if [[ "$installed_azurite" != "$azurite_version" ]]; then
  echo "Installing azurite@$azurite_version into $azurite_directory"
  mkdir -p "$azurite_directory"
  npm install --prefix "$azurite_directory" --save-exact --no-audit --no-fund --loglevel=error "azurite@$azurite_version"
fi

if ! command -v dotnet >/dev/null; then
  echo "The .NET 10 SDK is required (https://dot.net)." >&2
  exit 1
fi
