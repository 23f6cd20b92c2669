#!/usr/bin/env bash
# Writes the secret files docker-compose.yml's production profile reads, in ./secrets (readable by you only):
#   db_owner_password, db_app_password        random passwords of the two database roles (decision 0011)
#   ConnectionStrings__Migrations             the owner's connection, for the one-shot 'migrate' service only
#   ConnectionStrings__Default                the app's connection, as copro_app
#   Email__SmtpPassword                       $SMTP_PASSWORD if set, else empty (an SMTP server without a password)
# Files that exist are kept, so running it again changes nothing; --rotate-app-password writes a new app password
# (then: docker compose --profile production up -d, which sets it in PostgreSQL and restarts the app with it).
# Nothing is printed but file names.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rotate=0
case "${1:-}" in
  "") ;;
  --rotate-app-password) rotate=1 ;;
  *) echo "usage: $0 [--rotate-app-password]" >&2; exit 2 ;;
esac

umask 077
mkdir -p secrets
# Hex: no character that means something in a connection string (; = ' ") or a URL.
random() { od -An -tx1 -N24 /dev/urandom | tr -d ' \n'; }
write() {   # write NAME VALUE: only when missing (or forced by the caller)
  printf '%s' "$2" > "secrets/$1.new" && mv -f "secrets/$1.new" "secrets/$1"
  echo "wrote secrets/$1"
}

[[ -s secrets/db_owner_password ]] || write db_owner_password "$(random)"
if [[ $rotate == 1 || ! -s secrets/db_app_password ]]; then write db_app_password "$(random)"; fi
owner="$(cat secrets/db_owner_password)"
app="$(cat secrets/db_app_password)"
[[ -s secrets/ConnectionStrings__Migrations ]] \
  || write ConnectionStrings__Migrations "Host=db;Port=5432;Database=copro;Username=copro;Password=$owner"
if [[ $rotate == 1 || ! -s secrets/ConnectionStrings__Default ]]; then
  write ConnectionStrings__Default "Host=db;Port=5432;Database=copro;Username=copro_app;Password=$app"
fi
[[ -e secrets/Email__SmtpPassword ]] || write Email__SmtpPassword "${SMTP_PASSWORD:-}"
