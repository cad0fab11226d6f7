#!/usr/bin/env bash
# Public-door flood (issue 16 item 6): junk at the public endpoints (/help pages, their form posts, the
# /api/v1/help API) from one address and from many loopback addresses (127.0.0.2–127.0.0.49: the app
# does not trust X-Forwarded-For unless Lianhu:Proxy names a proxy, so spoofing it would test nothing)
# for FLOOD seconds, while one signed-in caseworker reads a case page (/cases/{id}) in a loop; the same
# reading is timed first without the flood.
#   bench/public.sh            SQLite demo city in a temp directory, Release build, 127.0.0.1 only
# Knobs (environment): FLOOD (30 s), QUIET (15 s), WARMUP (10 s), FLOODERS (8 threads; half from one address).
# Last line: public flood <N>/s staff p99 <ms> quiet p99 <ms> ratio <flood/quiet>   (target ratio <= 1.5)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
FLOOD=${FLOOD:-30}; QUIET=${QUIET:-15}; WARMUP=${WARMUP:-10}; FLOODERS=${FLOODERS:-8}
if [ $((FLOOD + QUIET + WARMUP)) -gt 90 ]; then echo "keep FLOOD + QUIET + WARMUP within 90 s" >&2; exit 2; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v python3 >/dev/null || { echo "python3 is needed for the load" >&2; exit 2; }

echo "building Release…" >&2
dotnet build -c Release -v q -nologo src/Lianhu.Web >/dev/null
app="$root/src/Lianhu.Web/bin/Release/net10.0/lianhu.dll"
work=$(mktemp -d /tmp/lianhu-public-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

(cd "$work" && exec env Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production dotnet "$app" --demo --urls "$base" >>"$work/service.log" 2>&1) & pid=$!
for _ in $(seq 1 240); do curl -fs -m 2 "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.25; done
curl -fs -m 2 "$base/health/ready" >/dev/null || { echo "service did not become ready" >&2; tail -20 "$work/service.log" >&2; exit 1; }

echo "flood ${FLOOD}s with ${FLOODERS} senders after ${WARMUP}s warm-up and ${QUIET}s quiet…" >&2
cat >"$work/load.py" <<'PY'
import http.client, http.cookiejar, json, random, re, sys, threading, time, urllib.parse, urllib.request

mode, base, flood_s, quiet_s, warmup_s, flooders = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
host, port = urllib.parse.urlparse(base).hostname, urllib.parse.urlparse(base).port
user, password = "440300.linkage-centre.caseworker", "Lianhu-Demo-2026!"

def api(method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(), headers=headers)
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b"null")

if mode == "staff":
    # A case the caseworker leads (opened now, in a community of the picker), read through the staff case page
    # with the page's own cookie sign-in.
    token = api("POST", "/api/v1/auth/token", {"username": user, "password": password})["access_token"]
    community = re.search(r'<option value="(\d{12})"', urllib.request.urlopen(base + "/help/report", timeout=30).read().decode()).group(1)
    case_id = api("POST", "/api/v1/cases", {"channel": "walk-in", "summary": "bench: staff case page under a public flood", "divisionCode": community}, token=token)["id"]

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/signin", timeout=30).read().decode()
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page))
    fields.update({"Input.Username": user, "Input.Password": password})
    opener.open(base + "/signin", data=urllib.parse.urlencode(fields).encode(), timeout=30).read()
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    if "lianhu.auth" not in cookie:
        raise SystemExit("cookie sign-in failed")

def staff_loop(seconds):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    times, end = [], time.monotonic() + seconds
    while time.monotonic() < end:
        t = time.perf_counter()
        conn.request("GET", f"/cases/{case_id}", headers={"Cookie": cookie})
        r = conn.getresponse(); r.read()
        if r.status != 200:
            raise SystemExit(f"staff case page answered {r.status}")
        times.append((time.perf_counter() - t) * 1000)
    conn.close()
    return times

def p99(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * 0.99))]

junk = [
    ("GET", "/help", None, None), ("GET", "/help/report", None, None), ("GET", "/help/status", None, None),
    ("POST", "/help/report", "application/x-www-form-urlencoded", "_handler=help-report&Input.What=spam&Input.Community=440306001001"),
    ("POST", "/help/status", "application/x-www-form-urlencoded", "_handler=help-status&Input.Receipt=AAAAAAAA&Input.Secret=BBBBB-BBBBB"),
    ("POST", "/api/v1/help/status", "application/json", '{"receipt":"ABCDEFGH","secret":"22222-22222"}'),
    ("POST", "/api/v1/help/reports", "application/json", '{"what":"spam","community":"440306001001","formToken":"forged"}'),
    ("GET", "/api/v1/help/form-token", None, None),
]
sent = [0] * flooders
codes = {}
stop = threading.Event()

def flooder(i):
    many = i % 2 == 1  # odd senders rotate through 48 other loopback addresses, even ones stay on 127.0.0.1
    conn, requests_on_conn = None, 0
    while not stop.is_set():
        if conn is None or requests_on_conn >= 20:
            if conn: conn.close()
            source = f"127.0.0.{random.randint(2, 49)}" if many else "127.0.0.1"
            conn = http.client.HTTPConnection(host, port, timeout=10, source_address=(source, 0))
            requests_on_conn = 0
        method, path, ctype, body = random.choice(junk)
        try:
            conn.request(method, path, body=body, headers={"Content-Type": ctype} if ctype else {})
            r = conn.getresponse(); r.read()
            codes[r.status] = codes.get(r.status, 0) + 1
            sent[i] += 1
            requests_on_conn += 1
            if r.getheader("Connection", "").lower() == "close":
                conn.close(); conn = None
        except Exception:
            if conn: conn.close()
            conn = None

if mode == "flood":
    # The flood runs in its own niced process: on a shared two-core box the generator must not be what slows staff.
    threads = [threading.Thread(target=flooder, args=(i,), daemon=True) for i in range(flooders)]
    start = time.monotonic()
    for t in threads: t.start()
    time.sleep(flood_s)
    stop.set()
    elapsed = time.monotonic() - start
    for t in threads: t.join(timeout=15)
    print(json.dumps({"rate": sum(sent) / elapsed, "codes": codes}))
    raise SystemExit(0)

staff_loop(warmup_s)
quiet = staff_loop(quiet_s)
flood_file = sys.argv[7]
import subprocess
flood = subprocess.Popen(["nice", "-n", "10", sys.executable, __file__, "flood", base, str(flood_s), "0", "0", str(flooders)], stdout=open(flood_file, "w"))
time.sleep(1)  # let the flood reach speed
flooded = staff_loop(flood_s - 2)
flood.wait(timeout=60)
result = json.load(open(flood_file))
print(f"staff reads: quiet {len(quiet)}, flood {len(flooded)}; public answers by status: {dict(sorted(result['codes'].items()))}", file=sys.stderr)
q, f = p99(quiet), p99(flooded)
print(f"public flood {result['rate']:.0f}/s staff p99 {f:.1f} quiet p99 {q:.1f} ratio {f / q:.2f}")
PY
python3 "$work/load.py" staff "$base" "$FLOOD" "$QUIET" "$WARMUP" "$FLOODERS" "$work/flood.json"
