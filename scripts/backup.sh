#!/usr/bin/env bash
# Back up the app's database with pg_dump, in its custom format (compressed; pg_restore reads it, table by table).
#
#   scripts/backup.sh                          -> backups/copro-YYYYMMDD-HHMMSSZ.dump, from the project-local server (scripts/pg.sh)
#   scripts/backup.sh /srv/backups/copro.dump  -> that file
#   scripts/backup.sh --dbname 'postgresql://copro@db.example:5432/copro' [FILE]
#   PGHOST=db.example PGUSER=copro PGDATABASE=copro scripts/backup.sh [FILE]   (password: PGPASSWORD or ~/.pgpass)
#
# Which database: --dbname (a libpq connection string or URI) if given; otherwise the standard PG* environment
# variables if PGHOST, PGDATABASE or PGSERVICE is set; otherwise the project-local server of scripts/pg.sh (its PG_PORT,
# PG_DB, PG_USER, PG_PASSWORD settings). Connect as the role that owns the tables (docs/decisions/0011): the app's
# runtime role may not read everything, e.g. the migration history's privileges.
#
# The dump holds the schema, every row (the audit trail and the Data Protection key ring included: keep backups as
# safe as the database, see docs/operations.md) and the grants to copro_runtime. scripts/restore.sh restores it.
# The file is written next to its final name and renamed when complete, so a failed backup never leaves a
# truncated file under the final name. Nothing secret is printed.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

die() { echo "backup.sh: $*" >&2; exit 1; }
usage() { echo "usage: $0 [--dbname CONNINFO] [FILE]" >&2; exit 2; }

dbname=""
file=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dbname) [[ $# -ge 2 ]] || usage; dbname="$2"; shift 2 ;;
    --dbname=*) dbname="${1#--dbname=}"; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    -*) usage ;;
    *) [[ -z "$file" ]] || usage; file="$1"; shift ;;
  esac
done

# shellcheck source=scripts/pg-client.sh disable=SC1091
source "$REPO_ROOT/scripts/pg-client.sh"
pg_client_target "$dbname"

if [[ -z "$file" ]]; then
  mkdir -p "$REPO_ROOT/backups"
  file="$REPO_ROOT/backups/copro-$(date -u +%Y%m%d-%H%M%SZ).dump"
fi
mkdir -p "$(dirname "$file")"
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

# Dumps are personal data: readable by their owner only.
umask 077
"$PG_BIN/pg_dump" --format=custom --compress=6 --no-password --file="$partial" "${PG_TARGET[@]}" \
  || die "pg_dump failed (see its message above); nothing was written to $file"
mv -f "$partial" "$file"
trap - EXIT
echo "backup.sh: wrote $file ($(du -h "$file" | cut -f1))"
