#!/usr/bin/env bash
# Fault harness, first scenario (issue 17): the SQLite demo service is killed with SIGKILL KILLS
# times while a client posts keyed intakes, each retried with the same Idempotency-Key until it is
# answered. Afterwards every acknowledged case must be readable, no key may have opened two cases,
# a token issued before the first kill must still be accepted, and `lianhu audit verify` must pass.
#   bench/faults.sh            SQLite in a temp directory, 127.0.0.1 only
# Knobs: KILLS (20), INTAKES (200, the loader stops there), GAP (1.5 s between restart and kill).
# Last line: faults kills <K> lost <L> duplicates <D> signouts <S> audit <exit code>
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
KILLS=${KILLS:-20}; INTAKES=${INTAKES:-200}; GAP=${GAP:-1.5}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -v q -nologo src/Lianhu.Web >/dev/null
app="$root/src/Lianhu.Web/bin/Debug/net10.0/lianhu.dll"
work=$(mktemp -d /tmp/lianhu-faults-XXXXXX)
port=$((20000 + RANDOM % 20000)); base="http://127.0.0.1:$port"
pid=""; loader=""
cleanup() {
  [ -n "$loader" ] && kill "$loader" 2>/dev/null || true
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

start() {
  (cd "$work" && exec dotnet "$app" --demo --urls "$base" >>"$work/service.log" 2>&1) & pid=$!
  for _ in $(seq 1 240); do
    curl -fs -m 2 "$base/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "service did not become ready" >&2; exit 1
}

token() {
  curl -fs -m 10 -H 'Content-Type: application/json' \
    -d '{"username":"440300.linkage-centre.caseworker","password":"Lianhu-Demo-2026!"}' "$base/api/v1/auth/token" | jq -r .access_token
}

start
first_token=$(token)
before=$(curl -fs -H "Authorization: Bearer $first_token" "$base/api/v1/cases?pageSize=1" | jq .total)

# The loader: each intake is retried with its key until answered 201; a 401 means a sign-out.
(
  tok=$first_token
  for i in $(seq 1 "$INTAKES"); do
    key="faults-$i-$$"
    for attempt in $(seq 1 200); do
      code=$(curl -s -m 10 -o "$work/body" -w '%{http_code}' -H "Authorization: Bearer $tok" -H "Idempotency-Key: $key" \
        -H 'Content-Type: application/json' -d "{\"channel\":\"hotline\",\"summary\":\"faults $i\",\"divisionCode\":\"440306017001\"}" \
        "$base/api/v1/cases" 2>/dev/null || echo 000)
      if [ "$code" = 201 ]; then echo "$key $(jq -r .id "$work/body")" >>"$work/acked"; break; fi
      if [ "$code" = 401 ]; then echo "$key" >>"$work/signouts"; tok=$(token 2>/dev/null || echo "$tok"); fi
      sleep 0.2
    done
  done
) & loader=$!

kills=0
for k in $(seq 1 "$KILLS"); do
  sleep "$GAP"
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  kills=$((kills + 1))
  start
  # A token issued before the first kill must still be accepted after each restart.
  if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $first_token" "$base/api/v1/cases?pageSize=1")" = 401 ]; then
    echo "restart-$k" >>"$work/signouts"
  fi
done
wait "$loader"; loader=""

tok=$(token)
acked=$(wc -l <"$work/acked" | tr -d ' ')
lost=0
while read -r key id; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok" "$base/api/v1/cases/$id")" = 200 ] || lost=$((lost + 1))
done <"$work/acked"
distinct=$(cut -d' ' -f1 "$work/acked" | sort -u | wc -l | tr -d ' ')
after=$(curl -fs -H "Authorization: Bearer $tok" "$base/api/v1/cases?pageSize=1" | jq .total)
duplicates=$((after - before - distinct))
signouts=$( [ -f "$work/signouts" ] && wc -l <"$work/signouts" | tr -d ' ' || echo 0)
kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""
set +e; (cd "$work" && dotnet "$app" audit verify >"$work/verify.log" 2>&1); audit=$?; set -e
echo "acknowledged $acked distinct keys $distinct cases before $before after $after" >&2
echo "faults kills $kills lost $lost duplicates $duplicates signouts $signouts audit $audit"
