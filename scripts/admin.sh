#!/usr/bin/env bash
# Administration commands of the app, run with the app's own services instead of its web server:
#   scripts/admin.sh create --email lee.chen@nhs.example --name "Lee Chen"
# makes an administrator (no demo data needed) and prints a one-time link with which they choose a password and
# set up an authenticator app. Refused, with exit code 1, when an account with that email already exists.
#
# Without ConnectionStrings__Default in the environment it uses the project-local PostgreSQL (scripts/pg.sh, started
# if needed) and applies migrations first, as scripts/run.sh does. App__PublicBaseUrl is the address the link is on
# (default http://127.0.0.1:$PORT, as run.sh serves it). Builds the app first (quick when nothing changed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

die() { echo "admin.sh: $*" >&2; exit 2; }

if ! command -v dotnet >/dev/null 2>&1; then
  if [[ -x "$HOME/.dotnet/dotnet" ]]; then
    export PATH="$HOME/.dotnet:$PATH"
  else
    die "dotnet is not on PATH: install the .NET 10 SDK (https://dotnet.microsoft.com/download) and try again"
  fi
fi

[[ $# -gt 0 ]] || die 'say what to do, e.g. scripts/admin.sh create --email lee.chen@nhs.example --name "Lee Chen"'

if [[ -z "${ConnectionStrings__Default:-}" ]]; then
  scripts/pg.sh start >/dev/null
  eval "$(scripts/pg.sh env)"
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
fi
if [[ -n "${ConnectionStrings__Migrations:-}" ]]; then
  export Database__MigrateOnStartup="${Database__MigrateOnStartup:-true}"
fi
export App__PublicBaseUrl="${App__PublicBaseUrl:-http://127.0.0.1:${PORT:-5080}}"
# The command's output is the link; the app's start-up chatter goes only where something is wrong.
export Serilog__MinimumLevel__Default="${Serilog__MinimumLevel__Default:-Warning}"

dotnet build src/CoproCommissioning.Web -c Release -nologo -v quiet >/dev/null || die "the build failed: run  dotnet build src/CoproCommissioning.Web -c Release  to see why"

# From the project folder, as dotnet run would: the app finds its settings there.
cd src/CoproCommissioning.Web
exec dotnet bin/Release/net10.0/CoproCommissioning.Web.dll admin "$@"
