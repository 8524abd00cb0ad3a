#!/usr/bin/env bash
# Takes a consistent backup of a running WeatherFlow's database: accounts, tokens, experiments, results, models,
# predictions. pg_dump reads the whole database in one repeatable-read snapshot, so runs that finish during the
# backup are either in it whole or not at all, and the apps keep running meanwhile.
#
#   eng/backup.sh [FILE]            default: backups/weatherdb-<UTC time>.dump (pg_dump's custom format)
#
# Which server: the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE when PGHOST is set (a deployed
# flexible server: PGHOST=<server>.postgres.database.azure.com PGUSER=weatherflow PGSSLMODE=require, password from
# azd's environment); otherwise the local run of this checkout (./eng/run.sh), found in its state folder.
# eng/restore.sh puts a backup into a fresh state folder.
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/local-database.sh

file=${1:-backups/weatherdb-$(date -u +%Y%m%dT%H%M%SZ).dump}
mkdir -p "$(dirname "$file")"

if [[ -z ${PGHOST:-} ]]; then
  state=$(weatherflow_state_directory)
  socket=$(compgen -G "$state/postgres/postgres/data/.s.PGSQL.*" | head -n 1) || {
    echo "No WeatherFlow database is running for this checkout (no socket in $state/postgres/postgres/data)." >&2
    echo "Start it with ./eng/run.sh, or set PGHOST and the other PG* variables for another server." >&2
    exit 1
  }
  export PGHOST=$(dirname "$socket") PGPORT=${socket##*.} PGUSER=postgres
  export PGPASSWORD=${PGPASSWORD:-$(weatherflow_postgres_password)}
fi
export PGDATABASE=${PGDATABASE:-weatherdb}

# Written beside the target and renamed at the end, so a failed or interrupted backup never looks like a good one.
trap 'rm -f "$file.partial"' EXIT
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$file.partial"
mv "$file.partial" "$file"
echo "Backed up database $PGDATABASE to $file ($(du -h "$file" | cut -f1))."
