#!/usr/bin/env bash
# Build and test everything, as CI does (.ci/run calls this), from a fresh clone:
#   system packages -> PostgreSQL -> tools -> restore -> build -> migrations check -> tests -> benchmark smoke
#   scripts/test.sh                          all tests
#   scripts/test.sh --filter-class 'Ns.Cls'  extra arguments go to dotnet test (every step still runs)
# Settings: KEEP_PG=1 leaves the database running afterwards (it is left running anyway when it was
# already running before), PG_PORT (55432, or the next free port when another server holds it),
# CONFIG (Release), CHROMIUM_PATH (found or installed).
# The last line printed is 'N passed, N failed, N skipped', for readers that only look at that line.
# Output of the tests: artifacts/test.log, screenshots of the browser tests in artifacts/test/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
CONFIG="${CONFIG:-Release}"
SLN=CoproCommissioning.sln
LOG=artifacts/test.log
T0=$SECONDS

step() { echo "== [$((SECONDS - T0))s] $*"; }
die() { echo "test.sh: $*" >&2; exit 1; }

if ! command -v dotnet >/dev/null 2>&1; then
  if [[ -x "$HOME/.dotnet/dotnet" ]]; then export PATH="$HOME/.dotnet:$PATH"
  else die "dotnet is not on PATH: install the .NET 10 SDK"; fi
fi

apt_install() {   # apt_install PKG...: only called when something is missing
  local sudo=()
  if [[ $EUID -ne 0 ]]; then
    sudo -n true 2>/dev/null || die "$* missing, and installing it needs root (no passwordless sudo): apt-get install $*"
    sudo=(sudo -n)
  fi
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

step "system packages (chromium for the browser tests)"
# The browser tests drive the system's Chromium (Playwright cannot download its own here).
if [[ -z "${CHROMIUM_PATH:-}" || ! -x "${CHROMIUM_PATH}" ]]; then
  if ! command -v chromium >/dev/null 2>&1; then apt_install chromium; fi
  CHROMIUM_PATH="$(command -v chromium)"
fi
export CHROMIUM_PATH

step "postgres"
# Stop the database on exit only when this script started it and nobody asked to keep it.
if scripts/pg.sh status >/dev/null 2>&1; then pg_was_running=1; else pg_was_running=0; fi
# CI runs in a fresh clone on a machine where a developer's cluster (another checkout's .pg/) may
# still hold the default port. Nobody is there to read pg.sh's complaint, so take the next free port;
# an explicit PG_PORT is left alone.
if [[ "$pg_was_running" == 0 && -z "${PG_PORT:-}" ]]; then
  port=55432
  while timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null; do
    port=$((port + 1))
    (( port < 55532 )) || die "no free port for PostgreSQL in 55432-55531: set PG_PORT"
  done
  if [[ $port != 55432 ]]; then echo "port 55432 is taken (by another checkout's PostgreSQL?): using $port"; fi
  export PG_PORT=$port
fi
scripts/pg.sh start >/dev/null
eval "$(scripts/pg.sh env)"
if [[ "$pg_was_running" == 0 && "${KEEP_PG:-0}" != 1 ]]; then
  # silenced, so that the summary stays the last line printed
  trap 'scripts/pg.sh stop >/dev/null 2>&1 || true' EXIT
fi

step "tools (dotnet-ef)"
dotnet tool restore >/dev/null

step "restore"
dotnet restore "$SLN"

step "build"
dotnet build "$SLN" -c "$CONFIG" --no-restore -warnaserror

step "migrations up to date? (dotnet ef)"
# --configuration, not -c: in dotnet ef, -c is --context.
dotnet ef migrations has-pending-model-changes -p src/CoproCommissioning.Data -s src/CoproCommissioning.Web \
  --configuration "$CONFIG" --no-build

step "test"
rm -rf artifacts/test
mkdir -p artifacts/test
export TEST_ARTIFACTS="$PWD/artifacts/test"
set +e
dotnet test --solution "$SLN" -c "$CONFIG" --no-build "$@" 2>&1 | tee "$LOG"
rc=${PIPESTATUS[0]}
set -e

# dotnet test on Microsoft.Testing.Platform ends with ONE combined summary for the whole solution
# (checked with two test projects: 'Test run summary: ...' then indented 'total: 9', 'failed: 1',
# 'succeeded: 5', 'skipped: 3'), so read the last such block rather than summing per project.
read -r passed failed skipped total < <(
  sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' "$LOG" | awk '
    /^Test run summary:/ { seen = 1; t = f = p = s = ""; next }
    seen && NF == 2 && $2 ~ /^[0-9]+$/ {
      if ($1 == "total:") t = $2; else if ($1 == "failed:") f = $2
      else if ($1 == "succeeded:") p = $2; else if ($1 == "skipped:") s = $2
    }
    END { if (p != "") print p, f + 0, s + 0, t + 0; else print "" }'
) || true

if [[ -z "${passed:-}" ]]; then
  step "done: no test summary found in $LOG (dotnet test exit code $rc)"
  exit $(( rc == 0 ? 1 : rc ))
fi

# The benchmark itself is too slow for every run (scripts/bench.sh, docs/benchmarks.md), but a smoke run of it keeps it
# from rotting: scale 1, one second a page, no targets; every key page must answer 200 and the table must print.
# It counts as one test. A filtered run (extra arguments) skips it.
if [[ $# -gt 0 ]]; then
  skipped=$((skipped + 1)) total=$((total + 1))
else
  step "benchmark smoke (scripts/bench.sh --smoke)"
  bench_args=(--smoke)
  if [[ "$CONFIG" == Release ]]; then bench_args+=(--no-build); fi
  set +e
  scripts/bench.sh "${bench_args[@]}" >artifacts/bench-smoke.log 2>&1
  bench_rc=$?
  set -e
  total=$((total + 1))
  if [[ $bench_rc == 0 ]]; then
    passed=$((passed + 1))
    grep -E '^\| (page|ceiling|dashboard|my input)' artifacts/bench-smoke.log || true
    echo "benchmark smoke: passed (artifacts/bench-smoke.log)"
  else
    failed=$((failed + 1))
    tail -n 40 artifacts/bench-smoke.log
    echo "benchmark smoke: FAILED with exit code $bench_rc (artifacts/bench-smoke.log)"
  fi
fi

# Exit code 8 means 'zero tests ran' in some test project. With a filter that is expected for the
# projects it does not match, so accept it then, as long as some test did run.
if [[ $rc == 8 && $# -gt 0 && $total -gt 0 && $failed == 0 ]]; then
  echo "(exit code 8 ignored: the filter matched no test in some projects)"
  rc=0
fi
if [[ $rc == 0 && $failed -gt 0 ]]; then rc=1; fi

step "done (exit code $rc)"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
