# Where the local run of this checkout keeps its Postgres cluster and which password it has, as the AppHost decides
# (src/WeatherFlow.AppHost/LocalServers/LocalServerEnvironment.cs): sourced by backup.sh and restore.sh.

# The state folder: AppHost__StateDirectory when set, else the AppHost's default, keyed by its directory's path.
weatherflow_state_directory() {
  if [[ -n ${AppHost__StateDirectory:-} ]]; then
    echo "$AppHost__StateDirectory"
    return
  fi
  local hash
  hash=$(printf '%s' "$(cd src/WeatherFlow.AppHost && pwd)" | sha256sum | cut -c1-12)
  if [[ $EUID -eq 0 ]]; then
    echo "/var/lib/weatherflow/$hash"
  else
    echo "${XDG_STATE_HOME:-$HOME/.local/state}/weatherflow/$hash"
  fi
}

# The postgres-password parameter, which Aspire keeps in the AppHost's user secrets.
weatherflow_postgres_password() {
  local password
  password=$(dotnet user-secrets list --project src/WeatherFlow.AppHost 2>/dev/null | sed -n 's/^Parameters:postgres-password = //p')
  if [[ -z $password ]]; then
    echo "The AppHost's user secrets have no Parameters:postgres-password (run ./eng/run.sh once, or set PGPASSWORD)." >&2
    return 1
  fi
  echo "$password"
}
