#!/usr/bin/env bash
# Intake benchmark: real HTTP intakes against the Release build on 127.0.0.1, then the raw write
# rate of the same database for the same rows with plain ADO.NET at the same concurrency.
#   bench/intake.sh              SQLite in a temp directory
#   bench/intake.sh --postgres   a throwaway PostgreSQL cluster (started like the tests' PostgresServer)
# Last line: intake <N>/s p50 <ms> p99 <ms> raw <M>/s ratio <N/M>
# Knobs (environment): CONCURRENCY (16), DURATION (20, closed loop), RATE (200), RATE_SECONDS (10),
# WARMUP (25), RAW_SECONDS (10). HTTP load runs WARMUP + DURATION + RATE_SECONDS <= 60 s. The warm-up
# is long because on two shared cores the JIT keeps re-compiling hot methods (tiered compilation)
# for about half a minute; the figures are for the steady state.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
provider=sqlite
[ "${1:-}" = "--postgres" ] && provider=postgres
CONCURRENCY=${CONCURRENCY:-16}; SECONDS_MAX=${DURATION:-20}; RATE=${RATE:-200}; RATE_SECONDS=${RATE_SECONDS:-10}; WARMUP=${WARMUP:-25}; RAW_SECONDS=${RAW_SECONDS:-10}
if [ $((WARMUP + SECONDS_MAX + RATE_SECONDS)) -gt 60 ]; then echo "HTTP load must stay within 60 s" >&2; exit 2; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "building Release…" >&2
dotnet build -c Release -v q -nologo src/Lianhu.Web >/dev/null
dotnet build -c Release -v q -nologo bench/Lianhu.Bench >/dev/null
app="$root/src/Lianhu.Web/bin/Release/net10.0/lianhu.dll"
gen="$root/bench/Lianhu.Bench/bin/Release/net10.0/Lianhu.Bench.dll"

work=$(mktemp -d /tmp/lianhu-bench-XXXXXX)
service_pid=""; pg_bin=""; pg_user=""; db_pid=0
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
  if [ -n "$pg_bin" ]; then
    if [ -n "$pg_user" ]; then runuser -u "$pg_user" -- "$pg_bin/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true
    else "$pg_bin/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true; fi
  fi
  if [ -n "${KEEP:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

if [ "$provider" = postgres ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL binaries not found (apt-get install -y postgresql)" >&2; exit 2; }
  pg_port=$(free_port)
  run_pg() { if [ -n "$pg_user" ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi; }
  if [ "$(id -u)" = 0 ]; then pg_user=postgres; chown postgres:postgres "$work"; fi
  # The same settings as tests/Lianhu.Web.Tests/Infrastructure/PostgresServer.cs.
  run_pg "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  run_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -t 60 \
    -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
  db_pid=$(head -1 "$work/pg/postmaster.pid")
  "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE lianhu_bench" postgres
  connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=lianhu_bench;Maximum Pool Size=100"
else
  connection="Data Source=$work/lianhu.db"
fi
keys="$work/keys"; mkdir -p "$keys"

echo "seeding the demo city ($provider)…" >&2
dotnet "$app" keys init --Lianhu:Encryption:KeyRingPath="$keys" >/dev/null
dotnet "$gen" seed --provider "$provider" --connection "$connection" --keys "$keys" >/dev/null

port=$(free_port)
url="http://127.0.0.1:$port"
Lianhu__Database__Provider=$provider Lianhu__Database__ConnectionString=$connection Lianhu__Encryption__KeyRingPath=$keys \
Lianhu__RateLimits__SignInPerMinute=1000 Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$app" serve --urls "$url" >"$work/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 100); do curl -fs "$url/health" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$url/health" >/dev/null || { cat "$work/service.log" >&2; exit 1; }

echo "HTTP: warm-up ${WARMUP}s, closed loop ${SECONDS_MAX}s at concurrency $CONCURRENCY, then ${RATE}/s for ${RATE_SECONDS}s…" >&2
dotnet "$gen" http --url "$url" --concurrency "$CONCURRENCY" --seconds "$SECONDS_MAX" --rate "$RATE" --rate-seconds "$RATE_SECONDS" \
  --warmup "$WARMUP" --service-pid "$service_pid" --db-pid "$db_pid" --out "$work/result" >&2

kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""

echo "raw ADO.NET: ${RAW_SECONDS}s at concurrency $CONCURRENCY…" >&2
dotnet "$gen" raw --provider "$provider" --connection "$connection" --concurrency "$CONCURRENCY" --seconds "$RAW_SECONDS" --db-pid "$db_pid" --out "$work/result" >&2

dotnet "$gen" report --provider "$provider" --out "$work/result"
