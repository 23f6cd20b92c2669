#!/usr/bin/env bash
# Run the app locally with demo data, from a fresh clone:
#   scripts/run.sh            -> http://127.0.0.1:5080
#   PORT=5081 scripts/run.sh  -> another port
# Starts the project-local PostgreSQL (scripts/pg.sh) and leaves it running afterwards, so the next
# start is quick; stop it with scripts/pg.sh stop. Extra arguments are passed to the app.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

die() { echo "run.sh: $*" >&2; exit 1; }

# dotnet-install.sh puts the SDK in ~/.dotnet without touching PATH: accept that too.
if ! command -v dotnet >/dev/null 2>&1; then
  if [[ -x "$HOME/.dotnet/dotnet" ]]; then
    export PATH="$HOME/.dotnet:$PATH"
  else
    die "dotnet is not on PATH: install the .NET 10 SDK (https://dotnet.microsoft.com/download) and try again"
  fi
fi

PORT="${PORT:-5080}"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "PORT must be a number, got '$PORT'"
# Kestrel's own message for a taken port comes after the whole build and is easy to miss.
if timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT" 2>/dev/null; then
  die "port $PORT is already in use (another copy of the app?): stop it, or choose another, e.g. PORT=5081 scripts/run.sh"
fi

scripts/pg.sh start >/dev/null
eval "$(scripts/pg.sh env)"

# Development: the demo is served over plain http and shows detailed errors.
# The app migrates the database (as the owner, ConnectionStrings__Migrations) and seeds the demo accounts
# itself (as copro_app, ConnectionStrings__Default), idempotently, on every start.
export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://127.0.0.1:$PORT"
export App__PublicBaseUrl="${App__PublicBaseUrl:-http://127.0.0.1:$PORT}"
export Database__MigrateOnStartup=true
export DemoData__Seed=true

cat <<EOF

  CoproCommissioning will be at  http://127.0.0.1:$PORT
  (the first start builds the app first: allow a minute)

  Demo sign-ins, all with the password  CoproDemo-2026!
    commissioner@demo.copro.test   Commissioner
    champion@demo.copro.test       Co-production champion
    panel@demo.copro.test          Lived-experience panel member
    carer@demo.copro.test          Carer panel member
    provider@demo.copro.test       Provider
    clinician@demo.copro.test      Clinical adviser
    admin@demo.copro.test          Administrator
    panel2@demo.copro.test         Lived-experience panel member
    provider2@demo.copro.test      Provider (Harbour Lights Sanctuary)
    provider3@demo.copro.test      Provider (Northgate Community Trust)
    provider4@demo.copro.test      Provider (North Harbour Mental Health NHS Foundation Trust)

  Ctrl-C stops the app. The database keeps running: stop it with  scripts/pg.sh stop

EOF

# exec: Ctrl-C and kill reach dotnet directly, with no shell left behind to orphan it.
exec dotnet run --project src/CoproCommissioning.Web --no-launch-profile -- "$@"
