#!/usr/bin/env python3
"""The HTTP side of scripts/bench.sh (python3 standard library only).

  bench.py measure --base URL --manifest JSON --app-pid PID [--pg-pid PID] --duration S --warmup S --connections N --out FILE [--smoke]
      signs in as the benchmark's commissioner (password, then a TOTP code from the seeded authenticator key), a
      panel member and a lived-experience evaluator of the procurement cycle, then for each key page: one request asking for the SQL counts (X-Bench-Count), then wrk.
      The ceiling page is measured before each page and after the last, and each page is compared with the ceiling
      runs around it. Then real sign-off POSTs on the stage the seed left ready (sign off, reopen, sign off again:
      the second is timed), and the app's memory (RSS). Writes the results of this scale to FILE as JSON.
  bench.py report --out FILE.md [--check] RESULTS.json...
      prints the table (and writes it to FILE.md); with --check, checks the targets at scale 100 and exits 1 on a miss.

Requests say X-Forwarded-Proto: https, as the TLS proxy in front of a live install does: the app then treats them as
HTTPS (no redirect, Secure cookies), as it trusts forwarded headers from loopback (docs/architecture.md). Cookies are
kept here rather than by curl, which refuses Secure cookies over plain http.
"""
import argparse
import base64
import hashlib
import hmac
import html
import http.client
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse

# Targets checked by --check at scale 100 (docs/benchmarks.md says why these numbers).
MIN_RATIO_TO_CEILING = 0.40
MAX_P95_MS = 50.0
MAX_SIGN_OFF_MS = 100.0
MAX_RSS_MB = 400.0
# Rows read per request, per page: a page shows a page of things, so what it reads must not grow with the data.
ROW_BOUNDS = {
    "dashboard": 200,
    "overview": 200,
    "workspace: needs assessment": 200,
    "workspace: co-design": 200,
    "workspace: specification": 200,
    "workspace: procurement": 200,
    "workspace: monitoring": 200,
    "sign-off": 200,
    "specification": 200,
    "compare": 200,
    "section with comments": 200,
    "members": 200,
    "my input": 200,
    # The procurement pages list bids: the scoring page every bid the evaluator scores (with the others' scores once
    # their own are submitted), moderation every bid's every score. At scale 100 that is 40 bids and 3,200 scores, so
    # they meet the bound only by showing a page of bids, as the stage workspaces show a page of input.
    "scoring": 200,
    "scoring: one bid": 200,
    "moderation": 200,
    # Monitoring: the overview and the outcomes over time show every period of the contract (eight at scale 100) with the
    # providers' and the panel's ratings summed up; a review shows its own periods.
    "monitoring overview": 200,
    "outcomes over time": 200,
    "monitoring review": 200,
}
STAGES = [("needs assessment", "needs-assessment"), ("co-design", "co-design"), ("specification", "specification"),
          ("procurement", "procurement"), ("monitoring", "monitoring")]
STAGE_SLUGS = {"NeedsAssessment": "needs-assessment", "CoDesign": "co-design", "Specification": "specification",
               "Procurement": "procurement", "Monitoring": "monitoring"}

WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d status_errors=%d socket_errors=%d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
"""


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


class Session:
    """One signed-in person: their cookies, sent by hand with every request."""

    def __init__(self, base):
        parsed = urllib.parse.urlparse(base)
        self.host, self.port = parsed.hostname, parsed.port
        self.cookies = {}

    def cookie_header(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def request(self, method, path, form=None, headers=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        sent = {"X-Forwarded-Proto": "https", "Host": f"{self.host}:{self.port}"}
        if self.cookies:
            sent["Cookie"] = self.cookie_header()
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        sent.update(headers or {})
        started = time.perf_counter()
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        content = response.read()
        elapsed_ms = (time.perf_counter() - started) * 1000
        received = response.getheaders()
        connection.close()
        for name, value in received:
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, cookie = pair.partition("=")
                if cookie == "" or "expires=thu, 01 jan 1970" in value.lower():
                    self.cookies.pop(key.strip(), None)
                else:
                    self.cookies[key.strip()] = cookie.strip()
        return response.status, {k.lower(): v for k, v in received}, content.decode("utf-8", "replace"), elapsed_ms

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)


def hidden_value(page, name):
    for tag in re.findall(r"<input[^>]*>", page):
        if f'name="{name}"' in tag:
            found = re.search(r'value="([^"]*)"', tag)
            if found:
                return html.unescape(found.group(1))
    raise RuntimeError(f"no hidden input {name} on the page")


def totp(key, at=None):
    """RFC 6238 (HMAC-SHA1, 30-second steps, 6 digits), what an authenticator app shows."""
    secret = base64.b32decode(key.replace(" ", "").upper() + "=" * (-len(key.replace(" ", "")) % 8))
    counter = struct.pack(">Q", int((at or time.time()) // 30))
    digest = hmac.new(secret, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def sign_in(base, email, password, authenticator_key=None):
    session = Session(base)
    status, _, page, _ = session.get("/Identity/Account/Login")
    if status != 200:
        raise RuntimeError(f"GET the sign-in page: {status}")
    status, headers, _, _ = session.request("POST", "/Identity/Account/Login", form={
        "Input.Email": email, "Input.Password": password,
        "__RequestVerificationToken": hidden_value(page, "__RequestVerificationToken")})
    location = headers.get("location", "")
    if status != 302:
        raise RuntimeError(f"signing in as {email}: {status}, not a redirect (wrong password, or rate limited?)")
    if "LoginWith2fa" in location:
        if not authenticator_key:
            raise RuntimeError(f"{email} is asked for a code but no authenticator key was seeded")
        status, _, page, _ = session.get(location)
        # A code is accepted once; wait for a fresh 30-second step if this one is about to end.
        if 30 - time.time() % 30 < 3:
            time.sleep(30 - time.time() % 30 + 0.5)
        status, headers, _, _ = session.request("POST", location, form={
            "Input.TwoFactorCode": totp(authenticator_key),
            "__RequestVerificationToken": hidden_value(page, "__RequestVerificationToken")})
        if status != 302:
            raise RuntimeError(f"the authenticator code for {email} was refused: {status}")
    status, headers, _, _ = session.get("/cycles")
    if status != 200:
        raise RuntimeError(f"signed in as {email}, but /cycles answered {status} {headers.get('location', '')}")
    return session


def counts(session, path):
    """(status, SQL commands, rows read) of one request, counted by the app (benchmark mode only)."""
    session.get(path)  # a warm request first: the first one after start-up reads the key ring and more
    status, headers, _, elapsed_ms = session.get(path, headers={"X-Bench-Count": "1"})
    if "x-bench-sql-commands" not in headers:
        raise RuntimeError(f"{path} sent no SQL counts: is Benchmark:Enabled on?")
    return status, int(headers["x-bench-sql-commands"]), int(headers["x-bench-sql-rows"]), elapsed_ms


def run_wrk(base, session, path, seconds, connections, script):
    # A long timeout: wrk counts a slower answer as an error, not as a latency, and at scale 100 some pages are that slow.
    command = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "--latency", "-s", script,
               "-H", f"Cookie: {session.cookie_header()}", "-H", "X-Forwarded-Proto: https", base + path]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next((l for l in output.splitlines() if l.startswith("BENCH ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no summary for {path}:\n{output}")
    values = dict(pair.split("=") for pair in line.split()[1:])
    requests, duration = int(values["requests"]), int(values["duration_us"])
    # No request finished within the run (each took longer than it): there is no latency to report, only that.
    latency = (lambda key: int(values[key]) / 1000) if requests else (lambda key: None)
    return {
        "rps": requests / (duration / 1e6) if duration else 0.0,
        "requests": requests,
        "p50_ms": latency("p50_us"), "p95_ms": latency("p95_us"), "p99_ms": latency("p99_us"),
        "errors": int(values["status_errors"]) + int(values["socket_errors"]),
    }


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid, children=False):
    """User and system CPU time of a process (all its threads) from /proc; with children=True also what its reaped
    children used (a PostgreSQL backend that exits is added to the postmaster's)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    # After the command name: state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based, man proc).
    ticks = int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if children else 0)
    return ticks / CLOCK_TICKS


def postgres_cpu_seconds(postmaster_pid):
    """CPU time of this project's PostgreSQL: the postmaster, its reaped children and every live backend."""
    if not postmaster_pid:
        return None
    total = cpu_seconds(postmaster_pid, children=True)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
        if parent == postmaster_pid:
            total += cpu_seconds(int(entry))
    return total


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return None


def sign_off(session, cycle_id, stage_slug):
    """A real sign-off POST of the stage the seed left ready, timed from here (loopback, a new connection).

    The first sign-off after start-up also pays for compiling the save path (the JIT), which says nothing about the
    page: so the stage is signed off, reopened with a reason, and signed off again, and the second sign-off is the one
    timed and counted. The first one's time is kept beside it."""
    path = f"/cycles/{cycle_id}/stages/{stage_slug}/sign-off"

    def sign(counted):
        status, _, page, _ = session.get(path)
        if status != 200:
            return {"ok": False, "status": status, "ms": None, "note": f"GET {path} answered {status}"}
        form = {"__RequestVerificationToken": hidden_value(page, "__RequestVerificationToken"),
                "Form.Version": hidden_value(page, "Form.Version"),
                "Form.Statement": "Signed off by the benchmark: every rule met."}
        status, headers, _, ms = session.request("POST", path, form=form, headers={"X-Bench-Count": "1"} if counted else None)
        ok = status == 302 and headers.get("location", "").rstrip("/") == f"/cycles/{cycle_id}"
        return {"ok": ok, "status": status, "ms": ms,
                "commands": int(headers.get("x-bench-sql-commands", "0")), "rows": int(headers.get("x-bench-sql-rows", "0")),
                "note": "" if ok else "the page came back: the stage is not ready (it lists what is missing)" if status == 200
                else f"HTTP {status}: see the app's log in artifacts/bench"}

    first = sign(False)
    if not first["ok"]:
        return first
    status, _, page, _ = session.get(path)
    status, headers, _, _ = session.request("POST", f"{path}?handler=Reopen", form={
        "__RequestVerificationToken": hidden_value(page, "__RequestVerificationToken"),
        "ReopenForm.Version": hidden_value(page, "ReopenForm.Version"),
        "ReopenForm.Reason": "Reopened by the benchmark, to time a second sign-off."})
    if status != 302:
        return {"ok": False, "status": status, "ms": None, "note": f"reopening after the first sign-off answered {status}"}
    second = sign(True)
    second["first_ms"] = first["ms"]
    return second


def measure(args):
    manifest = json.loads(args.manifest)
    base = args.base.rstrip("/")
    cycle = manifest["cycleId"]
    seconds = 1 if args.smoke else args.duration
    load_before = os.getloadavg()[0]
    commissioner = sign_in(base, manifest["commissioner"]["email"], manifest["password"], manifest["commissioner"]["authenticatorKey"])
    panel = sign_in(base, manifest["panelMember"]["email"], manifest["password"])
    procurement = manifest["procurement"]
    # A lived-experience evaluator: a panel member, who signs in with their password as panel members do.
    evaluator = sign_in(base, procurement["evaluator"]["email"], manifest["password"])
    scoring = f"/cycles/{procurement['cycleId']}/procurement"
    pages = [("dashboard", "/cycles", commissioner), ("overview", f"/cycles/{cycle}", commissioner)]
    pages += [(f"workspace: {name}", f"/cycles/{cycle}/stages/{slug}", commissioner) for name, slug in STAGES]
    ready = STAGE_SLUGS[manifest["readyStage"]]
    pages += [
        ("sign-off", f"/cycles/{cycle}/stages/{ready}/sign-off", commissioner),
        ("specification", f"/cycles/{cycle}/specification", commissioner),
        ("compare", f"/cycles/{cycle}/specification/compare", commissioner),
        ("section with comments", f"/cycles/{cycle}/specification/sections/{manifest['commentedSectionId']}", commissioner),
        ("members", f"/cycles/{cycle}/members", commissioner),
        ("my input", "/my-input", panel),
        ("scoring", f"{scoring}/scoring", evaluator),
        ("scoring: one bid", f"{scoring}/scoring/{procurement['bidId']}", evaluator),
        ("moderation", f"{scoring}/moderation", commissioner),
    ]
    # Results seeded before the monitoring cycle have none.
    if "monitoring" in manifest:
        monitoring = f"/cycles/{manifest['monitoring']['cycleId']}/monitoring"
        pages += [
            ("monitoring overview", monitoring, commissioner),
            ("outcomes over time", f"{monitoring}/outcomes", commissioner),
            ("monitoring review", f"{monitoring}/reviews/{manifest['monitoring']['reviewId']}", commissioner),
        ]
    # BENCH_PAGES (names separated by commas) measures only those pages, for a quick look at one change.
    only = [name.strip() for name in os.environ.get("BENCH_PAGES", "").split(",") if name.strip()]
    if only:
        pages = [page for page in pages if page[0] in only]
    # The machine is shared, so throughput drifts during a run: the ceiling is measured before each page and after the
    # last, and each page is compared with the mean of the two ceiling runs around it (smoke runs: first and last only).
    ceiling_path = "/benchmark/ceiling"
    ceiling_seconds = max(1, seconds // 2)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_REPORT)
    results, ceilings = [], []
    try:
        status, commands, rows, ceiling_alone_ms = counts(commissioner, ceiling_path)
        ceiling = {"page": "ceiling", "path": ceiling_path, "status": status, "commands": commands, "rows": rows, "alone_ms": ceiling_alone_ms}
        if status != 200:
            raise RuntimeError(f"the ceiling page answered {status}")
        if not args.smoke and args.warmup:
            run_wrk(base, commissioner, ceiling_path, args.warmup, args.connections, script.name)  # warm-up, not recorded

        def settle():
            """wrk stops on time, but the app may still be working through the slow requests it was sent: wait until one
            ceiling request is about as quick as when the app was idle (at most 30 s), so the next run starts even."""
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                if commissioner.get(ceiling_path)[3] < max(100.0, 5 * ceiling_alone_ms):
                    return
                time.sleep(0.5)

        def measure_ceiling():
            settle()
            app_before, pg_before = cpu_seconds(args.app_pid), postgres_cpu_seconds(args.pg_pid)
            run = run_wrk(base, commissioner, ceiling_path, ceiling_seconds, args.connections, script.name)
            app_after, pg_after = cpu_seconds(args.app_pid), postgres_cpu_seconds(args.pg_pid)
            if run["requests"]:
                run["app_cpu_ms"] = (app_after - app_before) * 1000 / run["requests"]
                if pg_before is not None:
                    run["pg_cpu_ms"] = (pg_after - pg_before) * 1000 / run["requests"]
            ceilings.append(run)
            log(f"{'ceiling':28} 200  {run['rps']:8.1f} req/s  p95 {fmt(run['p95_ms'], '{:7.1f}')} ms  SQL {commands:3}  rows {rows}")
            return run["rps"]

        before = measure_ceiling()
        for index, (name, path, session) in enumerate(pages):
            status, commands_, rows_, alone_ms = counts(session, path)
            row = {"page": name, "path": path, "status": status, "commands": commands_, "rows": rows_, "alone_ms": alone_ms}
            if status == 200:
                if not args.smoke:
                    # Under load the runtime recompiles the page's hot code with optimisations for 10-20 s after it is
                    # first run (tiered compilation); a live install is past that within its first minute, so the
                    # measurement starts after it (docs/decisions/0036).
                    if args.warmup:
                        run_wrk(base, session, path, args.warmup, args.connections, script.name)  # warm-up, not recorded
                    settle()
                # CPU per request, for the app and for PostgreSQL, read from /proc around the run: steadier than
                # requests per second on a shared machine, since other work moves the clock but not these counters.
                app_before, pg_before = cpu_seconds(args.app_pid), postgres_cpu_seconds(args.pg_pid)
                row.update(run_wrk(base, session, path, seconds, args.connections, script.name))
                app_after, pg_after = cpu_seconds(args.app_pid), postgres_cpu_seconds(args.pg_pid)
                if row["requests"]:
                    row["app_cpu_ms"] = (app_after - app_before) * 1000 / row["requests"]
                    if pg_before is not None:
                        row["pg_cpu_ms"] = (pg_after - pg_before) * 1000 / row["requests"]
            log(f"{name:28} {status}  {row.get('rps', 0):8.1f} req/s  p95 {fmt(row.get('p95_ms'), '{:7.1f}')} ms  SQL {commands_:3}  rows {rows_}"
                f"  CPU app {fmt(row.get('app_cpu_ms'), '{:.1f}')} ms PG {fmt(row.get('pg_cpu_ms'), '{:.1f}')} ms a request")
            after = measure_ceiling() if not args.smoke or index == len(pages) - 1 else None
            row["ceiling_rps"] = None if after is None else (before + after) / 2
            before = after if after is not None else before
            results.append(row)
        if args.smoke:
            for row in results:
                row["ceiling_rps"] = sum(c["rps"] for c in ceilings) / len(ceilings)
    finally:
        os.unlink(script.name)
    ceiling.update({
        "rps": sum(c["rps"] for c in ceilings) / len(ceilings),
        "rps_min": min(c["rps"] for c in ceilings), "rps_max": max(c["rps"] for c in ceilings), "runs": len(ceilings),
        "p50_ms": median(c["p50_ms"] for c in ceilings),
        "p95_ms": median(c["p95_ms"] for c in ceilings),
        "p99_ms": median(c["p99_ms"] for c in ceilings),
        "errors": sum(c["errors"] for c in ceilings),
        "app_cpu_ms": median(c.get("app_cpu_ms") for c in ceilings),
        "pg_cpu_ms": median(c.get("pg_cpu_ms") for c in ceilings),
    })
    results.insert(0, ceiling)

    signed_off = sign_off(commissioner, cycle, ready)
    log(f"sign-off POST: {signed_off}")
    output = {
        "scale": manifest["scale"], "counts": manifest["counts"], "duration_s": seconds, "connections": args.connections,
        "warmup_s": 0 if args.smoke else args.warmup,
        "pages": results, "sign_off": signed_off, "rss_mb": rss_mb(args.app_pid),
        "load_average": [load_before, os.getloadavg()[0]], "cores": os.cpu_count(),
    }
    with open(args.out, "w") as out:
        json.dump(output, out, indent=2)
    failed = [r["page"] for r in results if r["status"] != 200 or r.get("errors", 0) > 0]
    if failed:
        log("pages that did not answer 200 every time: " + ", ".join(failed))
        return 1
    if not signed_off["ok"]:
        log("the sign-off POST did not sign the stage off")
        return 1
    return 0


def median(values):
    known = sorted(v for v in values if v is not None)
    return known[len(known) // 2] if known else None


def ratio_of(row):
    return row["rps"] / row["ceiling_rps"] if row.get("ceiling_rps") and "rps" in row else None


def fmt(value, pattern):
    return "n/a" if value is None else pattern.format(value)


def warmed(result):
    # Results from before the warm-up was an option had 2 s of it.
    return f"after {result.get('warmup_s', 2)} s of warm-up, "


def table(result):
    c = result["counts"]
    # Results measured before the procurement cycle was seeded have no procurement counts.
    procurement = (f", {c['bids']} bids × {c['criteria']} criteria × {c['evaluators']} evaluators ({c['scores']:,} scores, "
                   f"{c['moderated']} moderated)" if "bids" in c else "")
    procurement += (f", monitoring: {c['providers']} providers × {c['periods']} periods ({c['returns']} returns, {c['ratings']} panel ratings)"
                    if "ratings" in c else "")
    lines = [
        f"#### Scale {result['scale']}: {c['contributions']:,} contributions, {c['comments']:,} comments, {c['decisions']:,} decisions, "
        f"{c['versions']} versions of {c['sections']} sections, {c['members']} members, {c['cycles']} cycles{procurement} "
        f"({result['connections']} connections, {warmed(result)}{result['duration_s']} s a page; n/a: no request finished within the run)",
        "",
        "| page | req/s | ceiling req/s | × ceiling | p50 ms | p95 ms | p99 ms | alone ms | SQL/req | rows/req | app CPU ms/req | PG CPU ms/req |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in result["pages"]:
        status = "" if r["status"] == 200 else f" (HTTP {r['status']})"
        if r["page"] == "ceiling":
            name, ceiling, ratio = f"ceiling ({r['runs']} runs of {r['rps_min']:,.0f}–{r['rps_max']:,.0f} req/s: their mean, median latencies and CPU)", None, None
        else:
            name, ceiling, ratio = r["page"], r.get("ceiling_rps"), ratio_of(r)
        lines.append(f"| {name}{status} | {fmt(r.get('rps'), '{:,.0f}')} | {fmt(ceiling, '{:,.0f}')} | {fmt(ratio, '{:.2f}')} "
                     f"| {fmt(r.get('p50_ms'), '{:.1f}')} | {fmt(r.get('p95_ms'), '{:.1f}')} | {fmt(r.get('p99_ms'), '{:.1f}')} "
                     f"| {fmt(r.get('alone_ms'), '{:.0f}')} | {r['commands']} | {r['rows']:,} "
                     f"| {fmt(r.get('app_cpu_ms'), '{:.1f}')} | {fmt(r.get('pg_cpu_ms'), '{:.1f}')} |")
    s = result["sign_off"]
    load = result.get("load_average") or [None, None]
    lines += ["",
              f"Sign-off POST ({'signed off' if s['ok'] else 'NOT signed off: ' + s.get('note', '')}): "
              f"{fmt(s.get('ms'), '{:.0f}')} ms (the second sign-off, after a reopen; the first after start-up took "
              f"{fmt(s.get('first_ms'), '{:.0f}')} ms), {s.get('commands', 'n/a')} SQL commands, {s.get('rows', 0):,} rows read. "
              f"App memory (RSS) after the run: {fmt(result['rss_mb'], '{:.0f}')} MB.",
              "",
              f"The machine's load average (1 min) was {fmt(load[0], '{:.1f}')} when measuring began and {fmt(load[1], '{:.1f}')} "
              f"when it ended, on {result.get('cores', 'n/a')} cores (wrk and PostgreSQL run on the same cores as the app).", ""]
    return "\n".join(lines)


def check(results):
    by_scale = {r["scale"]: r for r in results}
    large, small = by_scale.get(100), by_scale.get(1)
    if large is None:
        return ["--check needs a measurement at scale 100 (and one at scale 1 to compare SQL counts)"]
    misses = []
    small_pages = {r["page"]: r for r in small["pages"]} if small else {}
    for r in large["pages"]:
        page = r["page"]
        if page == "ceiling":
            continue
        if r["status"] != 200:
            misses.append(f"{page}: answered HTTP {r['status']}")
            continue
        ratio = ratio_of(r) or 0.0
        if ratio < MIN_RATIO_TO_CEILING:
            misses.append(f"{page}: {ratio:.2f} of the ceiling's throughput, target at least {MIN_RATIO_TO_CEILING:.2f}")
        if r["p95_ms"] is None:
            misses.append(f"{page}: no request finished within the {large['duration_s']} s run, target p95 under {MAX_P95_MS:.0f} ms")
        elif r["p95_ms"] >= MAX_P95_MS:
            misses.append(f"{page}: p95 {r['p95_ms']:.1f} ms, target under {MAX_P95_MS:.0f} ms")
        if page not in small_pages:
            misses.append(f"{page}: no scale 1 measurement to compare its SQL commands with")
        elif r["commands"] != small_pages[page]["commands"]:
            misses.append(f"{page}: {r['commands']} SQL commands at scale 100, {small_pages[page]['commands']} at scale 1; target the same")
        bound = ROW_BOUNDS.get(page)
        if bound is not None and r["rows"] > bound:
            misses.append(f"{page}: reads {r['rows']:,} rows, target at most {bound}")
    s = large["sign_off"]
    if not s["ok"]:
        misses.append(f"sign-off POST: {s.get('note') or 'failed'} (HTTP {s['status']})")
    elif s["ms"] >= MAX_SIGN_OFF_MS:
        misses.append(f"sign-off POST: {s['ms']:.0f} ms, target under {MAX_SIGN_OFF_MS:.0f} ms")
    if large["rss_mb"] is None or large["rss_mb"] >= MAX_RSS_MB:
        misses.append(f"memory after the run: {fmt(large['rss_mb'], '{:.0f}')} MB, target under {MAX_RSS_MB:.0f} MB")
    return misses


def report(args):
    results = []
    for path in args.results:
        with open(path) as f:
            results.append(json.load(f))
    results.sort(key=lambda r: r["scale"])
    text = "\n".join(table(r) for r in results)
    print(text)
    if args.out:
        with open(args.out, "w") as out:
            out.write(text + "\n")
    if not args.check:
        return 0
    misses = check(results)
    if misses:
        print(f"--check: {len(misses)} target(s) missed at scale 100:")
        for miss in misses:
            print(f"  - {miss}")
        return 1
    print("--check: every target met at scale 100")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    m = commands.add_parser("measure")
    m.add_argument("--base", required=True)
    m.add_argument("--manifest", required=True)
    m.add_argument("--app-pid", type=int, required=True)
    m.add_argument("--pg-pid", type=int, default=0, help="the postmaster's process id, for PostgreSQL's CPU time")
    m.add_argument("--duration", type=int, default=10)
    m.add_argument("--warmup", type=int, default=15, help="seconds of load on each page before it is measured")
    m.add_argument("--connections", type=int, default=16)
    m.add_argument("--out", required=True)
    m.add_argument("--smoke", action="store_true")
    r = commands.add_parser("report")
    r.add_argument("--out")
    r.add_argument("--check", action="store_true")
    r.add_argument("results", nargs="+")
    args = parser.parse_args()
    return measure(args) if args.command == "measure" else report(args)


if __name__ == "__main__":
    sys.exit(main())
