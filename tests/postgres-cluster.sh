# Sourced by test.sh: a throwaway PostgreSQL cluster for the tests, in a temporary folder, on a
# free 127.0.0.1 port, run as an unprivileged user (postgres when we are root), removed afterwards.
# Installs Debian's postgresql with apt-get when no server is on the machine.
# Exports TANDEM_TEST_POSTGRES (an Npgsql connection string to the superuser's database).

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

start_postgres() {
  PG_BIN="$(postgres_bin)"
  if [ -z "$PG_BIN" ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "PostgreSQL is not installed and this is not root: run 'sudo apt-get install postgresql' first" >&2
      return 1
    fi
    echo "installing PostgreSQL with apt-get ..." >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN="$(postgres_bin)"
  fi
  PG_ROOT="$(mktemp -d)"
  PG_AS=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_ROOT"
    PG_AS=(runuser -u postgres --)
  fi
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_ROOT/data" -A trust -U postgres --no-sync >"$PG_ROOT/initdb.log" 2>&1
  local attempt
  for attempt in 1 2 3 4 5 6 7 8; do
    PG_PORT=$(( 20000 + RANDOM % 30000 ))
    if "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/server.log" -w -t 30 \
        -o "-p $PG_PORT -k $PG_ROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" start >/dev/null; then
      export TANDEM_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
      return 0
    fi
  done
  echo "could not start PostgreSQL; see $PG_ROOT/server.log" >&2
  return 1
}

stop_postgres() {
  if [ -n "${PG_ROOT:-}" ] && [ -d "$PG_ROOT/data" ]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  [ -n "${PG_ROOT:-}" ] && rm -rf "$PG_ROOT"
}
