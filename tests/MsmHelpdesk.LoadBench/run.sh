#!/usr/bin/env bash
# Scripted load benchmark (not a test, not in CI). Publishes a Release copy of the app from SRC (default: this repo) as
# deploy/Dockerfile does (the build output serves blazor.web.js and MudBlazor's assets empty in Production, so no
# circuit would start), starts it on Kestrel over a temporary data directory, seeds demo tickets through the CLI and prints one JSON line per
# step plus a summary table: ticket creation at 1 and 8 connections (throughput, p50/p95, server CPU per ticket),
# list and search p50 at each size, SQL commands per creation (EF's command log over 20 creations), idle PSS and the
# PSS an open /tickets tab costs (Chromium via Playwright). Loopback only; every step is bounded by -n and a time limit.
#
#   tests/MsmHelpdesk.LoadBench/run.sh                      # this tree, 10k and 1M tickets
#   SRC=/tmp/main-copy SIZES="10000 200000" tests/MsmHelpdesk.LoadBench/run.sh
# Env: SRC, SIZES, OUT (results dir), PORT, TABS (40), SEED_CACHE (reuse seeded databases by size),
#      WEB_DIR (the published web app; default $OUT/web), CLI (command that runs the CLI), SKIP_BUILD=1 (WEB_DIR already published, CLI and tool built),
#      IDLE_TRIM (seconds of quiet before the app gives memory back, default 20; the app's own default is 60; 0 = off),
#      ONLY_MEMORY=1 (skip the SQL count, list, search and creation rounds: a short warm-up, then idle PSS and tabs),
#      STEPS=create (only the SQL count and the creation rounds: no list, search, idle memory or tabs),
#      HOLD (seconds the tabs stay open after their figures, for a heap dump or counters of that state; default 0;
#      the first tab's page is saved as $OUT/tab.html to compare markup),
#      READY_TO_RUN=0 (the web host with DOTNET_ReadyToRun=0: the framework JIT-compiled; default: its precompiled code),
#      PERF=1 (perf record -g of the web process during each second creation round, with the JIT's perf map:
#      $OUT/perf-<label>.data; costs some CPU itself, so not for the figures). `perf report` cannot name the JIT's code
#      (W^X runs it from a memfd): read it with `perfsym.py $OUT/perf-<label>.data [--breakdown | --stacks]` while the
#      /tmp/perf-<pid>.map the run left is still there.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=${SRC:-$(cd "$HERE/../.." && pwd)}
SIZES=${SIZES:-"10000 1000000"}
PORT=${PORT:-5911}
TABS=${TABS:-40}
IDLE_TRIM=${IDLE_TRIM:-20}
STEPS=${STEPS:-all}
OUT=${OUT:-$(mktemp -d /tmp/loadbench.XXXX)}
SEED_CACHE=${SEED_CACHE:-$OUT/seed-cache}
WEB_DIR=${WEB_DIR:-$OUT/web}
mkdir -p "$OUT" "$SEED_CACHE"
J=$OUT/results.jsonl
U=http://127.0.0.1:$PORT
LG="python3 $HERE/loadgen.py"
PM="python3 $HERE/procmem.py"
log() { echo "[bench $(date +%T)] $*" | tee -a "$OUT/bench.log" >&2; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "publishing Release from $SRC to $WEB_DIR"
  dotnet publish "$SRC/src/MsmHelpdesk.Web" -c Release -o "$WEB_DIR" -v q -nologo >"$OUT/build.log"
  dotnet build "$SRC/src/MsmHelpdesk.Cli" -c Release -v q -nologo >>"$OUT/build.log"
  dotnet build "$HERE" -c Release -v q -nologo >>"$OUT/build.log"
fi
[ -s "$WEB_DIR/wwwroot/_framework/blazor.web.js" ] || { log "no published blazor.web.js in $WEB_DIR"; exit 1; }
CLI=${CLI:-"dotnet $SRC/src/MsmHelpdesk.Cli/bin/Release/net10.0/msmhelpdesk.dll"}
TABS_TOOL="dotnet $HERE/bin/Release/net10.0/MsmHelpdesk.LoadBench.dll"

# A seeded database per size, made once (seed-demo's bulk path) and copied for each run, so before and after start equal.
seeded() {
  local n=$1 dir=$SEED_CACHE/$1
  if [ ! -f "$dir/done" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    log "seeding $n tickets"
    local t0=$SECONDS
    export Helpdesk__DataDirectory=$dir
    $CLI migrate >/dev/null
    printf 'Bench-Passw0rd!\n' | $CLI users add --email agent@bench.example --name "Agen Bench" --role Consultant >/dev/null
    $CLI seed-demo --clients 1000 --tickets "$n" >/dev/null 2>"$dir/seed.log"
    unset Helpdesk__DataDirectory
    log "seeded $n in $((SECONDS - t0)) s"
    touch "$dir/done"
  fi
  echo "$dir"
}

WEB_PID=
start_web() { # $1 data dir, $2 extra log level for EF commands (optional)
  local data=$1
  local extra=()
  [ -n "${2:-}" ] && extra=("Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information")
  # The API's per-key rate limit (300/min) would answer 429 to the creation steps: the bench lifts it.
  [ "${PERF:-0}" = 1 ] && extra+=("DOTNET_PerfMapEnabled=1")
  # READY_TO_RUN=0 measures the framework JIT-compiled instead of its precompiled code (decisions 0202, 0203: not shipped).
  [ "${READY_TO_RUN:-1}" = 0 ] && extra+=("DOTNET_ReadyToRun=0")
  (cd "$WEB_DIR" && exec env ASPNETCORE_URLS=$U ASPNETCORE_ENVIRONMENT=Production Helpdesk__DataDirectory=$data Limits__ApiRequestsPerMinute=1000000 Performance__IdleTrimAfterSeconds=$IDLE_TRIM "${extra[@]}" \
    dotnet MsmHelpdesk.Web.dll >"$OUT/web.out" 2>"$OUT/web.err") &
  WEB_PID=$!
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "$U/health" && return 0
    sleep 0.5
  done
  log "web did not start"; cat "$OUT/web.err" >&2; return 1
}
stop_web() { [ -n "$WEB_PID" ] && kill "$WEB_PID" 2>/dev/null && wait "$WEB_PID" 2>/dev/null; WEB_PID=; }
trap stop_web EXIT
PERF_PID=
perf_start() { [ "${PERF:-0}" = 1 ] || return 0; perf record -g -F 499 -p "$WEB_PID" -o "$OUT/perf-$1.data" 2>>"$OUT/perf.log" & PERF_PID=$!; sleep 1; }
perf_stop() { [ -n "$PERF_PID" ] || return 0; kill -INT "$PERF_PID"; wait "$PERF_PID" 2>/dev/null || true; PERF_PID=; }

login() { # curl cookie jar for the bench agent (static SSR sign-in form)
  local cj=$OUT/agent.cookies page token
  rm -f "$cj"
  page=$(curl -s -c "$cj" -b "$cj" "$U/account/login")
  token=$(echo "$page" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -c "$cj" -b "$cj" -o /dev/null "$U/account/login" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "_handler=sign-in" --data-urlencode "Input.Email=agent@bench.example" --data-urlencode 'Input.Password=Bench-Passw0rd!'
  echo "$cj"
}

for n in $SIZES; do
  base=$(seeded "$n")
  data=$OUT/data-$n; rm -rf "$data"; cp -r "$base" "$data"
  export Helpdesk__DataDirectory=$data
  KEY=$($CLI apikeys create --name "bench-$n" --role Consultant | grep -o '^msm_[A-Za-z0-9_-]*' | head -1)
  unset Helpdesk__DataDirectory
  sqlite3 "$data/helpdesk.db" "SELECT Npwp FROM Clients ORDER BY Npwp LIMIT 1000" >"$OUT/npwps.txt"
  TAG=$(( n / 1000 ))k
  API=(--url "$U/api/v1/tickets" --json-template "$HERE/ticket.json.tmpl" --npwp-file "$OUT/npwps.txt" -H "X-Api-Key: $KEY" --expect 201 --json-out "$J")

  if [ "$n" = "$(echo $SIZES | cut -d' ' -f1)" ] && [ "${ONLY_MEMORY:-0}" != 1 ]; then
    # SQL commands per creation: EF's command log over 20 sequential creations, nothing else running.
    start_web "$data" ef-log
    $LG post "${API[@]}" -n 5 -c 1 --seed-offset 900000 --max-seconds 60 --label warm >/dev/null
    sleep 1; before=$(grep -c 'Executed DbCommand' "$OUT/web.out" || true)
    $LG post "${API[@]}" -n 20 -c 1 --seed-offset 900010 --max-seconds 60 --label "sql_count" >/dev/null
    sleep 1; after=$(grep -c 'Executed DbCommand' "$OUT/web.out" || true)
    echo "{\"label\": \"sql_commands_per_creation\", \"value\": $(python3 -c "print(round(($after - $before) / 20, 1))")}" | tee -a "$J"
    stop_web
  fi

  start_web "$data"
  SR=(--server-root "$WEB_PID")
  CJ=$(login)
  AG=(--cookie-jar "$CJ" --expect 200 --expect-text Keluar --json-out "$J" "${SR[@]}")
  KY=(-H "X-Api-Key: $KEY" --expect 200 --json-out "$J" "${SR[@]}")
  log "[$TAG] warm-up"
  $LG post "${API[@]}" "${SR[@]}" -n 100 -c 8 --seed-offset 800000 --max-seconds 120 --label warm >/dev/null
  $LG get "${KY[@]}" --url "$U/api/v1/tickets?page=1&pageSize=25" -n 10 -c 1 --max-seconds 60 --label warm >/dev/null
  $LG get "${AG[@]}" --url "$U/tickets?q=AllOpen" -n 5 -c 1 --max-seconds 60 --label warm >/dev/null

  if [ "${ONLY_MEMORY:-0}" != 1 ]; then
  if [ "$STEPS" != create ]; then
  log "[$TAG] list and search"
  $LG get "${KY[@]}" --url "$U/api/v1/tickets?page=1&pageSize=25" -n 40 -c 1 --max-seconds 120 --label "${TAG}_api_list_p1"
  $LG get "${KY[@]}" --url "$U/api/v1/tickets?page=1&pageSize=25&status=New,Triaged,InProgress,WaitingOnClient,WaitingOnKpp" -n 40 -c 1 --max-seconds 120 --label "${TAG}_api_list_open_p1"
  $LG get "${AG[@]}" --url "$U/tickets?q=AllOpen" -n 40 -c 1 --max-seconds 120 --label "${TAG}_page_tickets"
  : >"$OUT/search-urls.txt"
  for w in sertifikat printer zq123 efaktur+gagal Tanaka nonexistentword; do
    echo "$U/api/v1/tickets?page=1&pageSize=25&search=${w//+/%20}" >>"$OUT/search-urls.txt"
  done
  $LG get "${KY[@]}" --url-file "$OUT/search-urls.txt" -n 60 -c 1 --max-seconds 180 --label "${TAG}_api_search_mix"
  fi

  log "[$TAG] creation"
  $LG post "${API[@]}" "${SR[@]}" -n 200 -c 1 --seed-offset 0 --max-seconds 180 --label "${TAG}_create_c1"
  $LG post "${API[@]}" "${SR[@]}" -n 800 -c 8 --seed-offset 1000 --max-seconds 300 --label "${TAG}_create_c8"
  perf_start "${TAG}_create_c1_r2"
  $LG post "${API[@]}" "${SR[@]}" -n 200 -c 1 --seed-offset 2000 --max-seconds 180 --label "${TAG}_create_c1_r2"
  perf_stop; perf_start "${TAG}_create_c8_r2"
  $LG post "${API[@]}" "${SR[@]}" -n 800 -c 8 --seed-offset 3000 --max-seconds 300 --label "${TAG}_create_c8_r2"
  perf_stop
  fi
  if [ "$STEPS" = create ]; then stop_web; rm -rf "$data"; continue; fi

  sleep 10
  $PM --root "$WEB_PID" --label "${TAG}_idle_pss" --json-out "$J" --mappings-out "$OUT/${TAG}_idle_mappings.json" >/dev/null
  if [ "$IDLE_TRIM" -gt 0 ]; then
    # After the quiet spell the app gives memory back (decision record 0164); the check runs every quarter of it.
    sleep $(( IDLE_TRIM + IDLE_TRIM / 4 + 2 ))
    grep -q "memory given back" "$OUT/web.out" || log "[$TAG] no idle trim logged"
    $PM --root "$WEB_PID" --label "${TAG}_idle_pss_trimmed" --json-out "$J" --mappings-out "$OUT/${TAG}_idle_trimmed_mappings.json" >/dev/null
    $LG get "${AG[@]}" --url "$U/tickets?q=AllOpen" -n 1 -c 1 --max-seconds 60 --label "${TAG}_page_tickets_after_trim"
  fi
  if [ "$n" = "$(echo $SIZES | cut -d' ' -f1)" ] && [ "$TABS" -gt 0 ]; then
    log "[$TAG] $TABS tabs of /tickets"
    # Each tab must start its circuit (the live grid replaces the server-rendered first page); with the tabs still open
    # the tool waits for the next idle trim and measures again: what the tabs hold rather than what opening them left.
    trim=()
    [ "$IDLE_TRIM" -gt 0 ] && trim=(--trim-log "$OUT/web.out" --trim-timeout-seconds $(( IDLE_TRIM * 3 + 60 )))
    [ "${HOLD:-0}" -gt 0 ] && trim+=(--hold-seconds "$HOLD")
    trim+=(--html-out "$OUT/tab.html")
    $TABS_TOOL tabs --url "$U/tickets?q=AllOpen" --cookies "$CJ" --count "$TABS" --pid "$WEB_PID" --wait-for ".ticket-row" \
      --gone-when-live "#ticket-grid-first" "${trim[@]}" | tee -a "$J"
  fi
  stop_web
  rm -rf "$data"
done

python3 "$HERE/summarize.py" "$J" | tee "$OUT/summary.md"
log "results in $OUT"
