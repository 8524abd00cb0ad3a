#!/usr/bin/env bash
# Restores a backup made by eng/backup.sh into a fresh state folder, which the local run then uses:
#
#   eng/restore.sh FILE STATE_FOLDER
#   ./eng/run.sh --AppHost:StateDirectory=STATE_FOLDER
#
# The folder must not hold a database yet. Its cluster is made as the AppHost makes one, with the AppHost's
# postgres-password (PGPASSWORD when set, else the user secret), so the AppHost takes it as its own; Redis and
# RabbitMQ start empty there, and the api sends the experiments that were queued or running to the trainers again.
# A deployed server restores with Azure's point-in-time restore instead (README, "Backups and restore").
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/local-database.sh

if [[ $# -ne 2 ]]; then
  echo "usage: eng/restore.sh BACKUP_FILE STATE_FOLDER" >&2
  exit 2
fi
backup=$(realpath "$1")
state=$(realpath -m "$2")
[[ -f $backup ]] || { echo "No backup at $backup." >&2; exit 1; }
directory=$state/postgres/postgres
if [[ -e $directory/data/PG_VERSION ]]; then
  echo "$state already holds a database; restore into a new folder." >&2
  exit 1
fi
password=${PGPASSWORD:-$(weatherflow_postgres_password)}
# The newest installed PostgreSQL, as the AppHost picks it.
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# The same layout and modes as LocalServerEnvironment.DataDirectory: root hands the cluster to the postgres user.
mkdir -p "$directory"
chmod 755 "$state" "$state/postgres" "$directory"
as_owner=()
if [[ $EUID -eq 0 ]]; then
  chown -R postgres:postgres "$directory"
  as_owner=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi

password_file=$(mktemp -p "$directory")
printf '%s' "$password" > "$password_file"
[[ $EUID -ne 0 ]] || chown postgres:postgres "$password_file"
"${as_owner[@]}" "$bin/initdb" -D "$directory/data" -U postgres --pwfile "$password_file" \
  --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 --locale=C.UTF-8 -N >/dev/null
rm -f "$password_file"
# The fingerprint by which the AppHost recognises a cluster made with its password.
printf '%s' "$password" | sha256sum | cut -d' ' -f1 > "$directory/password.sha256"

# A private server for the restore: no TCP listener, only a socket in the data folder.
"${as_owner[@]}" "$bin/pg_ctl" -D "$directory/data" -w -s -l "$directory/restore.log" \
  -o "-c listen_addresses='' -k '$directory/data' -p 5432" start
trap '"${as_owner[@]}" "$bin/pg_ctl" -D "$directory/data" -w -s -m fast stop' EXIT
export PGHOST=$directory/data PGPORT=5432 PGUSER=postgres PGPASSWORD=$password
createdb weatherdb
pg_restore --dbname=weatherdb --no-owner --no-privileges --exit-on-error "$backup"
# The broker's queue is not in the backup: queued runs count as not yet sent, so the api sends them again.
psql -X -q -t -A -d weatherdb <<'SQL'
UPDATE "Experiments" SET "DispatchedAt" = NULL WHERE "Status" = 'queued';
SELECT (SELECT count(*) FROM "AspNetUsers") || ' accounts, ' || (SELECT count(*) FROM "PersonalAccessTokens") || ' tokens, '
    || (SELECT count(*) FROM "Experiments") || ' experiments, ' || (SELECT count(*) FROM "ExperimentModels") || ' models restored';
SQL
echo "Run it with: ./eng/run.sh --AppHost:StateDirectory=$state"
