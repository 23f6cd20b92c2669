#!/usr/bin/env bash
# Project-local, throwaway PostgreSQL for development and CI, without Docker.
#
# Usage: scripts/pg.sh start|stop|status|env|test-env|psql [psql args]|destroy
#   start     create the cluster on first use, start it, ensure the roles and database; prints `env`
#   stop      fast shutdown (the data is kept)
#   status    exit 0 when running, 3 when not
#   env       prints export lines for the app and the tests:  eval "$(scripts/pg.sh env)"
#   test-env  prints the bare connection string
#   psql      psql as the superuser on the app database, e.g. scripts/pg.sh psql -c 'select 1'
#   destroy   stop and delete everything under the data folder
#
# Two roles (docs/decisions/0011-two-database-roles.md): PG_USER owns the tables and runs migrations
# (ConnectionStrings__Migrations, and the tests, which create databases); PG_APP_USER is the app's login
# (ConnectionStrings__Default), a member of the group role copro_runtime that the migrations grant to.
#
# Settings (environment): PG_PORT (55432), PG_DB / PG_USER / PG_PASSWORD (copro),
# PG_APP_USER / PG_APP_PASSWORD (copro_app), PG_DIR (<repo>/.pg),
# PG_BINDIR (folder holding initdb; found automatically), PG_OS_USER (postgres; only used as root).
# Without PG_PORT, a cluster that is already running is used on whatever port it was started on, so
# `env` always points at it (e.g. after `PG_PORT=55442 scripts/pg.sh start`).
#
# Works as root (PostgreSQL refuses to run as root, so the server runs as the 'postgres' OS user via
# runuser) and as a normal user (the server runs as that user). Installs PostgreSQL with apt-get when
# no initdb is found.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_PORT_GIVEN="${PG_PORT:+1}"
PG_PORT="${PG_PORT:-55432}"
PG_DB="${PG_DB:-copro}"
PG_USER="${PG_USER:-copro}"
PG_PASSWORD="${PG_PASSWORD:-copro}"
PG_APP_USER="${PG_APP_USER:-copro_app}"
PG_APP_PASSWORD="${PG_APP_PASSWORD:-copro_app}"
PG_DIR="${PG_DIR:-$REPO_ROOT/.pg}"
RUN_AS="${PG_OS_USER:-postgres}"

# Server-side commands may run from another working directory (see as_pg), so keep paths absolute.
[[ "$PG_DIR" == /* ]] || PG_DIR="$PWD/$PG_DIR"

log() { echo "[pg] $*" >&2; }
die() { log "$*"; exit 1; }

usage() { echo "usage: $0 start|stop|status|env|test-env|psql [args]|destroy" >&2; exit 2; }

find_bindir() {
  if [[ -n "${PG_BINDIR:-}" && -x "$PG_BINDIR/initdb" ]]; then echo "$PG_BINDIR"; return 0; fi
  # Debian keeps the server binaries off PATH, one folder per major version: take the newest.
  local d
  d="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n1 || true)"
  if [[ -n "$d" && -x "$d/initdb" ]]; then echo "$d"; return 0; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

install_pg() {
  local sudo=()
  if [[ $EUID -ne 0 ]]; then
    sudo -n true 2>/dev/null \
      || die "initdb not found, and installing PostgreSQL needs root (no passwordless sudo): install the 'postgresql' package, or set PG_BINDIR"
    sudo=(sudo -n)
  fi
  command -v apt-get >/dev/null 2>&1 \
    || die "initdb not found and apt-get is not available: install a PostgreSQL server (15 or later), or set PG_BINDIR"
  log "initdb not found: installing PostgreSQL with apt-get (takes ~15 s)"
  # Debian's package would otherwise create and start its own 'main' cluster on 5432.
  "${sudo[@]}" mkdir -p /etc/postgresql-common
  echo 'create_main_cluster = false' | "${sudo[@]}" tee /etc/postgresql-common/createcluster.conf >/dev/null
  "${sudo[@]}" apt-get update -qq
  # confdef/confold: never stop at a dpkg question (CI has no stdin).
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql >/dev/null
}

cmd="${1:-}"
case "$cmd" in
  start|stop|status|env|test-env|psql|destroy) ;;
  *) usage ;;
esac

conn_string() { echo "Host=127.0.0.1;Port=$PG_PORT;Database=$PG_DB;Username=$PG_USER;Password=$PG_PASSWORD"; }
app_conn_string() { echo "Host=127.0.0.1;Port=$PG_PORT;Database=$PG_DB;Username=$PG_APP_USER;Password=$PG_APP_PASSWORD"; }
shell_quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }
cmd_env() {
  echo "export ConnectionStrings__Default=$(shell_quote "$(app_conn_string)")"
  echo "export ConnectionStrings__Migrations=$(shell_quote "$(conn_string)")"
  echo "export TEST_PG_CONNECTION=$(shell_quote "$(conn_string)")"
  echo "export TEST_PG_RUNTIME_CONNECTION=$(shell_quote "$(app_conn_string)")"
}
# no_cluster WHY: for every subcommand but start, when there can be no running cluster.
no_cluster() {
  case "$cmd" in
    status) log "not running ($1)"; exit 3 ;;
    stop) log "not running ($1)"; exit 0 ;;
    psql) die "not running ($1): scripts/pg.sh start" ;;
    destroy) rm -rf "$PG_DIR"; log "removed $PG_DIR"; exit 0 ;;
    env) cmd_env; exit 0 ;;          # the connection strings need no server
    test-env) conn_string; exit 0 ;;
  esac
}

BINDIR="$(find_bindir || true)"
if [[ -z "$BINDIR" ]]; then
  if [[ "$cmd" == start ]]; then
    install_pg
    BINDIR="$(find_bindir)" || die "PostgreSQL was installed but no initdb was found"
  else
    no_cluster "PostgreSQL is not installed; scripts/pg.sh start installs it"
  fi
fi

# as_pg CMD...: run a server-side command as the OS user that owns the cluster.
if [[ $EUID -eq 0 ]]; then
  if ! id "$RUN_AS" >/dev/null 2>&1; then
    [[ "$cmd" == start ]] || no_cluster "there is no OS user '$RUN_AS' yet"
    useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_AS"
  fi
  # cd /: the server user may not be allowed into the caller's working directory.
  as_pg() { (cd / && runuser -u "$RUN_AS" -- "$@"); }
  # The server user must be able to traverse every parent of the data folder; a clone under a 0700
  # home is not. Fall back to a fixed folder under /tmp, the same one for every subcommand.
  mkdir -p "$(dirname "$PG_DIR")"
  if ! as_pg test -x "$(dirname "$PG_DIR")"; then
    PG_DIR="${TMPDIR:-/tmp}/pg-$(basename "$REPO_ROOT")-$(printf '%s' "$REPO_ROOT" | cksum | cut -d' ' -f1)"
    log "$RUN_AS cannot reach the project folder; using $PG_DIR"
  fi
else
  as_pg() { "$@"; }
fi

DATA="$PG_DIR/data"
LOGF="$PG_DIR/server.log"
SOCK="$PG_DIR/run"
# A Unix socket path may be at most 107 bytes; a deep clone would exceed it and the server would not
# start. Use a short folder derived from PG_DIR instead, so every subcommand finds the same one.
if (( ${#SOCK} + 16 > 100 )); then
  SOCK="${TMPDIR:-/tmp}/pgsock-$(printf '%s' "$PG_DIR" | cksum | cut -d' ' -f1)"
fi

is_running() { [[ -s "$DATA/PG_VERSION" ]] && as_pg "$BINDIR/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

# The port a running cluster really listens on (4th line of postmaster.pid): it may have been
# started with another PG_PORT, and then our connection strings would point elsewhere.
running_port() { as_pg sed -n 4p "$DATA/postmaster.pid" 2>/dev/null || true; }

if [[ -z "$PG_PORT_GIVEN" ]] && is_running; then
  PG_PORT="$(running_port)"
  PG_PORT="${PG_PORT:-55432}"
fi

port_answers() {   # true when anything at all accepts TCP connections on 127.0.0.1:PORT
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

psql_super() {   # psql_super DB ARGS...: superuser over the socket (trust for the OS owner only)
  local db="$1" port
  shift
  port="$(running_port)"
  as_pg "$BINDIR/psql" -h "$SOCK" -p "${port:-$PG_PORT}" -U postgres -d "$db" "$@"
}

cmd_start() {
  # Say at once, before any initdb, when someone else holds the port.
  if ! is_running; then
    if "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2; then
      die "port $PG_PORT is taken by another PostgreSQL server (not the cluster in $DATA; another checkout's?): stop it, or use another port, e.g. PG_PORT=55442 $0 start"
    fi
    if port_answers "$PG_PORT"; then
      die "port $PG_PORT is taken by another program (not PostgreSQL): stop it, or use another port, e.g. PG_PORT=55442 $0 start"
    fi
  fi

  mkdir -p "$PG_DIR"
  if [[ $EUID -eq 0 ]]; then chown "$RUN_AS": "$PG_DIR"; fi
  if [[ ! -s "$DATA/PG_VERSION" ]]; then
    log "initdb $DATA"
    as_pg mkdir -p "$DATA"
    # Superuser 'postgres' whoever runs it; trust on the socket (0700, so owner only), scram on TCP.
    local pw
    pw="$(mktemp)"
    echo postgres >"$pw"
    chmod 644 "$pw"
    if ! as_pg "$BINDIR/initdb" -D "$DATA" -U postgres --pwfile="$pw" -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1; then
      rm -f "$pw"
      cat "$PG_DIR/initdb.log" >&2
      die "initdb failed"
    fi
    rm -f "$pw"
    # Port and socket folder are passed at start instead (-o below), so changing PG_PORT later works.
    as_pg tee -a "$DATA/postgresql.conf" >/dev/null <<'CONF'

# --- scripts/pg.sh ---
listen_addresses = '127.0.0.1'
unix_socket_permissions = 0700
max_connections = 200
# a throwaway dev/test cluster: trade durability for speed
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  fi
  as_pg mkdir -p "$SOCK"

  if is_running; then
    local port
    port="$(running_port)"
    if [[ -n "$port" && "$port" != "$PG_PORT" ]]; then
      die "this cluster ($DATA) is already running on port $port, not PG_PORT=$PG_PORT: use that port, or 'scripts/pg.sh stop' first"
    fi
    log "already running on 127.0.0.1:$PG_PORT"
  else
    if ! as_pg "$BINDIR/pg_ctl" -D "$DATA" -l "$LOGF" -w -t 60 \
        -o "-p $PG_PORT -k '$SOCK'" start >/dev/null; then
      as_pg tail -n 30 "$LOGF" >&2 || true
      die "the server did not start (log: $LOGF)"
    fi
    log "started on 127.0.0.1:$PG_PORT (data $DATA)"
  fi

  # Roles and database, idempotent, so a cluster from an older checkout (one role) gains the runtime roles.
  # ALTER every time so an older role gets CREATEDB (the tests create one database per test class) and
  # the current password. The app's login is no superuser and owns nothing: it only has what the
  # migrations grant copro_runtime.
  psql_super postgres -v ON_ERROR_STOP=1 -qAt -v u="$PG_USER" -v p="$PG_PASSWORD" -v d="$PG_DB" \
      -v au="$PG_APP_USER" -v ap="$PG_APP_PASSWORD" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I', :'u') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'u') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'u', :'p') \gexec
SELECT 'CREATE ROLE copro_runtime NOLOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'copro_runtime') \gexec
SELECT format('CREATE ROLE %I', :'au') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'au') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'au', :'ap') \gexec
SELECT format('GRANT copro_runtime TO %I', :'au') WHERE NOT pg_has_role(:'au', 'copro_runtime', 'member') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'d', :'u') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'d') \gexec
SQL
  cmd_env
}

cmd_stop() {
  if is_running; then
    as_pg "$BINDIR/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
    log "stopped"
  else
    log "not running"
  fi
}

cmd_status() {
  if is_running; then
    log "running on 127.0.0.1:$(running_port) (data $DATA)"
    return 0
  fi
  log "not running"
  return 3
}

cmd_psql() {
  is_running || die "not running: scripts/pg.sh start"
  psql_super "$PG_DB" "$@"
}

cmd_destroy() {
  cmd_stop
  rm -rf "$PG_DIR"
  if [[ "$SOCK" != "$PG_DIR"/* ]]; then rm -rf "$SOCK"; fi
  log "removed $PG_DIR"
}

case "$cmd" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  psql) shift; cmd_psql "$@" ;;
  destroy) cmd_destroy ;;
  env) cmd_env ;;
  test-env) conn_string ;;
esac
