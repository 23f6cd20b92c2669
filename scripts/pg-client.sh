# shellcheck shell=bash disable=SC2034
# Shared by backup.sh and restore.sh (sourced, not run): finds the PostgreSQL client programs and the database to use.
#   pg_client_target CONNINFO  -> sets PG_BIN (folder of pg_dump/pg_restore/psql) and PG_TARGET (arguments naming the
#   database), from CONNINFO when not empty, else from the standard PG* variables when PGHOST, PGDATABASE or PGSERVICE
#   is set, else from the project-local server of scripts/pg.sh. Passwords travel in PGPASSWORD or ~/.pgpass, never
#   on the command line of a process others can list.

pg_client_bindir() {
  # The newest server-side install first (Debian keeps it off PATH, and a newer pg_dump reads older servers), then PATH.
  local d
  if [[ -n "${PG_BINDIR:-}" && -x "$PG_BINDIR/pg_dump" ]]; then echo "$PG_BINDIR"; return 0; fi
  d="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n1 || true)"
  if [[ -n "$d" && -x "$d/pg_dump" ]]; then echo "$d"; return 0; fi
  if command -v pg_dump >/dev/null 2>&1; then dirname "$(command -v pg_dump)"; return 0; fi
  return 1
}

pg_client_target() {
  local conninfo="$1"
  PG_BIN="$(pg_client_bindir)" || { echo "pg_dump not found: install the PostgreSQL client (apt-get install postgresql-client), or set PG_BINDIR" >&2; exit 1; }
  if [[ -n "$conninfo" ]]; then
    PG_TARGET=(--dbname="$conninfo")
  elif [[ -n "${PGHOST:-}${PGDATABASE:-}${PGSERVICE:-}" ]]; then
    PG_TARGET=()
  else
    # scripts/pg.sh's defaults; a cluster it started on another port is found the same way pg.sh finds it.
    local port="${PG_PORT:-}"
    if [[ -z "$port" ]]; then
      port="$(bash "$REPO_ROOT/scripts/pg.sh" env 2>/dev/null | sed -n "s/^export TEST_PG_CONNECTION='Host=[^;]*;Port=\([0-9]*\);.*/\1/p")"
    fi
    export PGHOST=127.0.0.1 PGPORT="${port:-55432}" PGDATABASE="${PG_DB:-copro}" PGUSER="${PG_USER:-copro}"
    export PGPASSWORD="${PG_PASSWORD:-copro}"
    PG_TARGET=()
  fi
}
