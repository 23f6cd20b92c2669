#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an EMPTY database, as the role that owns the tables.
#
#   scripts/restore.sh FILE                                   -> the project-local server of scripts/pg.sh
#   scripts/restore.sh --dbname 'postgresql://copro@db.example:5432/copro_restored' FILE
#   PGHOST=… PGUSER=copro PGDATABASE=copro_restored scripts/restore.sh FILE
#   scripts/restore.sh --force FILE                           -> also into a database that has tables: they are DROPPED first
#
# Which database: as scripts/backup.sh (--dbname, else PG* variables, else scripts/pg.sh's server). Create it first,
# owned by the owner role:  CREATE DATABASE copro_restored OWNER copro;
#
# Ownership and grants (docs/decisions/0011-two-database-roles.md): every object is restored owned by the role this
# script connects as (pg_restore --no-owner), which must be the owner role the migrations run as, with the same name
# as when the backup was taken (the dump's default privileges name it). The grants to the group role copro_runtime
# come back from the dump; the group itself is cluster-wide, so it is created here when missing (if this role may
# create roles), and the app's login must be a member of it (GRANT copro_runtime TO copro_app). Afterwards the script
# checks that copro_runtime can use the tables but can only add to the audit trail, and that the owner owns everything.
# The whole restore is one transaction: if anything fails, the database is left as it was.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

die() { echo "restore.sh: $*" >&2; exit 1; }
usage() { echo "usage: $0 [--dbname CONNINFO] [--force] FILE" >&2; exit 2; }

dbname=""
file=""
force=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dbname) [[ $# -ge 2 ]] || usage; dbname="$2"; shift 2 ;;
    --dbname=*) dbname="${1#--dbname=}"; shift ;;
    --force) force=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) usage ;;
    *) [[ -z "$file" ]] || usage; file="$1"; shift ;;
  esac
done
[[ -n "$file" ]] || usage
[[ -r "$file" ]] || die "cannot read $file"

# shellcheck source=scripts/pg-client.sh disable=SC1091
source "$REPO_ROOT/scripts/pg-client.sh"
pg_client_target "$dbname"
sql() { "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 --no-password "${PG_TARGET[@]}" -c "$1"; }

"$PG_BIN/pg_restore" --list "$file" >/dev/null 2>&1 || die "$file is not a backup made by scripts/backup.sh (pg_dump --format=custom)"

database="$(sql 'SELECT current_database()')" || die "cannot connect to the database to restore into (see the message above)"
owner="$(sql 'SELECT current_user')"

relations="$(sql "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")"
clean=()
if [[ "$relations" != 0 ]]; then
  if [[ $force != 1 ]]; then
    die "database $database is not empty ($relations tables, views or sequences): restore into a new, empty database (CREATE DATABASE … OWNER $owner), or add --force to drop what is there first"
  fi
  echo "restore.sh: --force: dropping the $relations tables, views and sequences in $database first"
  clean=(--clean --if-exists)
fi

if [[ "$(sql "SELECT count(*) FROM pg_roles WHERE rolname = 'copro_runtime'")" == 0 ]]; then
  sql 'CREATE ROLE copro_runtime NOLOGIN' 2>/dev/null \
    || die "the group role copro_runtime does not exist and $owner may not create it: as a superuser, CREATE ROLE copro_runtime NOLOGIN; then run this again"
  echo "restore.sh: created the group role copro_runtime (grant it to the app's login: GRANT copro_runtime TO copro_app)"
fi

echo "restore.sh: restoring $file into $database as $owner"
# pg_restore writes SQL to stdout unless told a database: name it when the PG* variables chose it.
target=("${PG_TARGET[@]}")
[[ ${#target[@]} -gt 0 ]] || target=(--dbname="$database")
"$PG_BIN/pg_restore" --no-owner --exit-on-error --single-transaction --no-password "${clean[@]}" "${target[@]}" "$file" \
  || die "pg_restore failed (see its message above); nothing was restored"

# The two roles of decision 0011, checked rather than assumed.
problems="$(sql "
  SELECT string_agg(problem, '; ') FROM (
    SELECT format('%s is owned by %s, not %s', tablename, tableowner, current_user) AS problem
      FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user
    UNION ALL
    SELECT format('copro_runtime cannot read and write %s', c.relname)
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT IN ('audit_events', '__ef_migrations_history')
       AND NOT has_table_privilege('copro_runtime', c.oid, 'SELECT, INSERT, UPDATE, DELETE')
    UNION ALL
    SELECT 'copro_runtime cannot add to the audit trail'
     WHERE NOT has_table_privilege('copro_runtime', to_regclass('public.audit_events'), 'SELECT, INSERT')
    UNION ALL
    SELECT 'copro_runtime may change or remove audit events'
     WHERE has_table_privilege('copro_runtime', to_regclass('public.audit_events'), 'UPDATE, DELETE, TRUNCATE')
  ) p")"
[[ -z "$problems" ]] || die "restored, but the roles are not as the app needs them: $problems"

echo "restore.sh: restored $database; tables owned by $owner, copro_runtime may use them and only add to the audit trail"
