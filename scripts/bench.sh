#!/usr/bin/env bash
# Benchmark the key pages (docs/benchmarks.md): builds Release, starts PostgreSQL and the app as it runs live
# (Production, behind a TLS proxy on loopback, logging at Warning), seeds the benchmark data set at each scale,
# and runs wrk against each key page as the right person, beside a ceiling page measured in the same run.
#   scripts/bench.sh                      scale 1 and scale 100, 10 s a page after 15 s of warm-up, 16 connections
#   scripts/bench.sh --check              the same, then exits 1 when a target is missed at scale 100
#   scripts/bench.sh --scale 1 --duration 3
#   scripts/bench.sh --smoke              scale 1, 1 s a page, no targets: every page must answer 200 (scripts/test.sh runs it)
# Options: --scale N (repeatable), --duration S, --warmup S (load on each page before it is measured), --connections N, --check, --smoke, --no-build (use the last Release
# build), --reseed (seed again even when a seeded template for this code exists).
# Settings: BENCH_PAGES (page names as in the table, separated by commas: only those are measured), BENCH_REUSE_SEED=1
# (measure on the template seeded last at each scale even when the code changed since: only for comparing a change that
# does not change what is seeded; a scale with no template is seeded as usual), PG_PORT (as
# scripts/pg.sh; started and stopped here when it is not already running), BENCH_PORT (5181,
# or the next free port). Seeded data sets are kept as template databases (copro_bench_tpl_s<scale>_<hash of the
# seeder, domain and data code>), so only the first run at a scale seeds; each run measures a fresh copy (copro_bench).
# Output: the table on stdout and in artifacts/bench/latest.md; raw results in artifacts/bench/result-s<scale>.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
OUT=artifacts/bench
BENCH_DB=copro_bench
T0=$SECONDS

die() { echo "bench.sh: $*" >&2; exit 2; }
step() { echo "== [$((SECONDS - T0))s] $*" >&2; }

scales=() duration=10 warmup=15 connections=16 check=0 smoke=0 build=1 reseed=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scale) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--scale takes a whole number from 1"; scales+=("$2"); shift 2 ;;
    --duration) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--duration takes seconds"; duration=$2; shift 2 ;;
    --warmup) [[ "${2:-}" =~ ^[0-9]+$ ]] || die "--warmup takes seconds"; warmup=$2; shift 2 ;;
    --connections) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--connections takes a number"; connections=$2; shift 2 ;;
    --check) check=1; shift ;;
    --smoke) smoke=1; shift ;;
    --no-build) build=0; shift ;;
    --reseed) reseed=1; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
if [[ $smoke == 1 ]]; then
  [[ $check == 0 ]] || die "--smoke checks no targets; leave out --check"
  scales=(1) duration=1
fi
[[ ${#scales[@]} -gt 0 ]] || scales=(1 100)

if ! command -v dotnet >/dev/null 2>&1; then
  if [[ -x "$HOME/.dotnet/dotnet" ]]; then export PATH="$HOME/.dotnet:$PATH"
  else die "dotnet is not on PATH: install the .NET 10 SDK"; fi
fi
command -v python3 >/dev/null 2>&1 || die "python3 is needed (standard library only)"
command -v curl >/dev/null 2>&1 || die "curl is needed"

apt_install() {   # apt_install PKG...: only called when something is missing (as scripts/test.sh does for chromium)
  local sudo=()
  if [[ $EUID -ne 0 ]]; then
    sudo -n true 2>/dev/null || die "$* missing, and installing it needs root (no passwordless sudo): apt-get install $*"
    sudo=(sudo -n)
  fi
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
if ! command -v wrk >/dev/null 2>&1; then
  step "installing wrk"
  apt_install wrk
fi

if [[ $build == 1 ]]; then
  step "build (Release)"
  dotnet build tools/CoproCommissioning.Benchmark/CoproCommissioning.Benchmark.csproj -c Release -warnaserror -v quiet -nologo >&2
fi
WEB_DLL=src/CoproCommissioning.Web/bin/Release/net10.0/CoproCommissioning.Web.dll
SEED_DLL=tools/CoproCommissioning.Benchmark/bin/Release/net10.0/CoproCommissioning.Benchmark.dll
[[ -f $WEB_DLL && -f $SEED_DLL ]] || die "no Release build: run without --no-build"

step "postgres"
if scripts/pg.sh status >/dev/null 2>&1; then pg_was_running=1; else pg_was_running=0; fi
scripts/pg.sh start >/dev/null
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [[ "$pg_was_running" == 0 ]]; then scripts/pg.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
sql() { scripts/pg.sh psql -v ON_ERROR_STOP=1 -qAt "$@"; }
# The postmaster's process id, for PostgreSQL's CPU time a request (bench.py reads /proc).
pg_pid=$(head -n1 "$(sql -c 'SHOW data_directory')/postmaster.pid" 2>/dev/null || echo 0)
connection() { PG_DB="$2" scripts/pg.sh env | sed -n "s/^export $1=//p" | tr -d "'"; }

# The seeded data depends on the seeder, the domain's rules and the schema: a change to any of them seeds again.
seed_hash=$(find tools/CoproCommissioning.Benchmark src/CoproCommissioning.Domain src/CoproCommissioning.Data \
  -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' | LC_ALL=C sort | xargs cat | sha1sum | cut -c1-10)

port=${BENCH_PORT:-5181}
while timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null; do
  port=$((port + 1))
  (( port < ${BENCH_PORT:-5181} + 100 )) || die "no free port for the app from ${BENCH_PORT:-5181}: set BENCH_PORT"
done
base="http://127.0.0.1:$port"

mkdir -p "$OUT"
results=()
measure_failed=0
for scale in "${scales[@]}"; do
  scale_start=$SECONDS
  template="copro_bench_tpl_s${scale}_${seed_hash}"
  manifest=""
  if [[ $reseed == 0 && "${BENCH_REUSE_SEED:-0}" == 1 ]]; then
    last=$(sql -c "SELECT datname FROM pg_database WHERE datname LIKE 'copro\_bench\_tpl\_s${scale}\_%' AND shobj_description(oid, 'pg_database') IS NOT NULL LIMIT 1")
    if [[ -n "$last" ]]; then
      [[ "$last" == "$template" ]] || step "scale $scale: BENCH_REUSE_SEED: measuring on $last, seeded by other code"
      template=$last
    fi
  fi
  if [[ $reseed == 0 ]]; then
    manifest=$(sql -c "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$template'")
  fi
  if [[ -z "$manifest" ]]; then
    step "scale $scale: seeding $template"
    for old in $(sql -c "SELECT datname FROM pg_database WHERE datname LIKE 'copro\_bench\_tpl\_s${scale}\_%'"); do
      sql -c "DROP DATABASE IF EXISTS \"$old\" WITH (FORCE)"
    done
    sql -c "CREATE DATABASE \"$template\" OWNER copro"
    seed_start=$SECONDS
    ConnectionStrings__Default=$(connection ConnectionStrings__Default "$template") \
    ConnectionStrings__Migrations=$(connection ConnectionStrings__Migrations "$template") \
      dotnet "$SEED_DLL" --scale "$scale" --manifest "$OUT/manifest-s$scale.json" >&2
    # A live database has had autovacuum's statistics and visibility map for a while; a minute-old one has not, and
    # PostgreSQL would plan (and skip index-only scans) as if the tables were empty. INDEX_CLEANUP ON: with few dead
    # rows (the seeder updates each answered contribution once) VACUUM skips cleaning the indexes and leaves those pages
    # not all-visible, so the sign-off facts' index-only scans read the table after all (4x slower at scale 100).
    sql -d "$template" -c "VACUUM (ANALYZE, INDEX_CLEANUP ON)"
    # The manifest (accounts, ids, the authenticator key) travels with the template it describes.
    sql -v manifest="$(cat "$OUT/manifest-s$scale.json")" <<<"COMMENT ON DATABASE \"$template\" IS :'manifest';"
    manifest=$(cat "$OUT/manifest-s$scale.json")
    step "scale $scale: seeded in $((SECONDS - seed_start)) s"
  fi

  step "scale $scale: a fresh copy ($BENCH_DB) and the app on $base"
  sql -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)"
  sql -c "CREATE DATABASE $BENCH_DB TEMPLATE \"$template\" OWNER copro"
  # The copy's visibility map is the template's. A VACUUM of the template that could not mark its pages all-visible (an
  # older snapshot open somewhere at the time) left every index-only scan reading the table: the tenth round measured
  # twice the PostgreSQL time on the workspaces that way. This one is quick when the template's was complete.
  sql -d "$BENCH_DB" -c "VACUUM (ANALYZE, INDEX_CLEANUP ON)"
  visible=$(sql -d "$BENCH_DB" -c "SELECT coalesce(round(100.0 * sum(relallvisible) / nullif(sum(relpages), 0)), 100) FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace")
  (( visible >= 90 )) || echo "bench: only ${visible}% of the copy's table pages are all-visible after VACUUM; index-only scans will read the tables" >&2
  # Production as it runs live, but on plain http behind a "TLS proxy" on loopback: the requests say
  # X-Forwarded-Proto: https, which the app believes from loopback only (docs/benchmarks.md).
  (
    cd src/CoproCommissioning.Web
    exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" App__PublicBaseUrl="$base" \
      ConnectionStrings__Default="$(cd ../.. && connection ConnectionStrings__Default $BENCH_DB)" \
      Database__MigrateOnStartup=false DemoData__Seed=false Email__Delivery=Smtp Email__SmtpHost=127.0.0.1 \
      Benchmark__Enabled=true Benchmark__NotALiveInstall=true Serilog__MinimumLevel__Default=Warning \
      dotnet "bin/Release/net10.0/CoproCommissioning.Web.dll"
  ) >"$OUT/app-s$scale.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-Proto: https' "$base/health" || true)" == 200 ]]; then break; fi
    kill -0 "$app_pid" 2>/dev/null || { tail -n 30 "$OUT/app-s$scale.log" >&2; die "the app stopped during start-up (log: $OUT/app-s$scale.log)"; }
    sleep 0.5
  done

  step "scale $scale: measuring ($duration s a page after $warmup s of warm-up, $connections connections)"
  set +e
  python3 scripts/bench.py measure --base "$base" --manifest "$manifest" --app-pid "$app_pid" --pg-pid "$pg_pid" --duration "$duration" \
    --warmup "$warmup" --connections "$connections" --out "$OUT/result-s$scale.json" $([[ $smoke == 1 ]] && echo --smoke)
  rc=$?
  set -e
  [[ $rc == 0 ]] || measure_failed=1
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  [[ -f "$OUT/result-s$scale.json" ]] && results+=("$OUT/result-s$scale.json")
  step "scale $scale: done in $((SECONDS - scale_start)) s"
done

[[ ${#results[@]} -gt 0 ]] || die "no results"
set +e
python3 scripts/bench.py report --out "$OUT/latest.md" $([[ $check == 1 ]] && echo --check) "${results[@]}"
report_rc=$?
set -e
step "done in $((SECONDS - T0)) s ($(git rev-parse --short HEAD 2>/dev/null || echo 'no commit'), $(nproc) cores)"
if [[ $measure_failed == 1 ]]; then
  echo "bench.sh: some pages did not answer 200, or the sign-off POST failed (see above)" >&2
  exit 1
fi
exit "$report_rc"
