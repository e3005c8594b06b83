#!/usr/bin/env bash
# Live benchmark (issue 6): on the demo data (凉山州, ./riskmap demo's database),
#  1. ingest → screen: households CSV batches at RATE households/s through POST /api/households/batch,
#     latency from each HTTP response to the message at a subscribed @microsoft/signalr client;
#  2. fan-out: CONNECTIONS SignalR clients on one township, 2 household changes a second there,
#     latency from the figures being saved to each client;
#  3. throughput: SignalR (RiskMap's client contract, sent as the relay sends: Changes frames of
#     PER_FRAME units) against a raw WebSocket broadcast of the same JSON, and the same one unit a
#     frame (the contract before frames), same host process, same run.
# Env: RATE (10000), BATCH (500), DURATION (60 s), CONNECTIONS (5000), MESSAGES (100), RUNS (3), PARTS ("ingest fanout throughput"),
#      PORT (8093, the server), BROADCAST_PORT (8094, the throughput host), PER_FRAME (2: a village's and its
#      township's figures, the fan-out's tick), FANOUT_PROCS (4: client processes for the fan-out's connections; a
#      list such as "1 4" runs the fan-out once with each, in that order, on the same server), MODES ("ws,signalr,ws-unit,signalr-unit"), SERVER_DLL (another
#      build of the server to run, e.g. a copy of an earlier one: same database, same clients), BROADCAST_HOSTS
#      ("default"; e.g. "default inline buffer": throughput host variants, every mode on each, alternating).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
RATE=${RATE:-10000}; BATCH=${BATCH:-500}; SECONDS_=${DURATION:-60}; CONNECTIONS=${CONNECTIONS:-5000}
MESSAGES=${MESSAGES:-100}; RUNS=${RUNS:-3}; PARTS=${PARTS:-"ingest fanout throughput"}
PORT=${PORT:-8093}; BROADCAST_PORT=${BROADCAST_PORT:-8094}
OUT=${OUT:-$ROOT/artifacts/bench-live}; mkdir -p "$OUT"
ulimit -n 65536 2>/dev/null || true
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done; }
trap cleanup EXIT

dotnet build server/RiskMap.Server.csproj -c Release -nologo -v q >/dev/null
dotnet build bench/RiskMap.Bench/RiskMap.Bench.csproj -c Release -nologo -v q >/dev/null
(cd bench/live/node && [ -d node_modules ] || npm install --no-audit --no-fund >/dev/null)
DLL=${SERVER_DLL:-$ROOT/server/bin/Release/net10.0/RiskMap.Server.dll}
BASE=http://127.0.0.1:$PORT
# Rate limits out of the way: the benchmark is one token doing the work of a whole province.
# The relay's debug lines time the server's share of each change's delivery (relaylog.mjs).
(cd server && exec env Logging__LogLevel__Default=Warning dotnet "$DLL" --urls "$BASE" --Demo:Enabled=true \
   --Logging:LogLevel:RiskMap.Server.Live.LiveRelay=Debug \
   --Demo:Feed:Enabled=false --RateLimits:PermitsPerSecond=10000000 --RateLimits:Burst=10000000) >"$OUT/server.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 600); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.5; done
curl -sf "$BASE/health" >/dev/null || { echo "the server did not start; see $OUT/server.log" >&2; exit 1; }
# The benchmark signs in as clients do: an administrator account of its own and a token for this run.
dotnet "$DLL" users add bench --role administrator --scope all --no-password >/dev/null 2>&1 || true
RISKMAP_TOKEN=$(dotnet "$DLL" users token bench --label "bench/live" 2>/dev/null | tail -n 1); export RISKMAP_TOKEN
psql_() { ./riskmap psql -At -F, -c "$1" 2>/dev/null | grep -v " info: "; }

if [[ " $PARTS " == *" ingest "* ]]; then
  # Exported afresh each run: each pass toggles what the database holds, so a run started from an
  # earlier run's export would send many households back to their stored state (no figure moves).
  rm -rf "$OUT/export"; ./riskmap export --out "$OUT/export" >/dev/null
  echo "== ingest at $RATE households/s, batches of $BATCH, ${SECONDS_} s"
  node bench/live/node/ingest.mjs --base "$BASE" --csv "$OUT/export/households.csv" --unit 513400000000 \
    --rate "$RATE" --batch "$BATCH" --seconds "$SECONDS_" | tee "$OUT/ingest.json"
fi

if [[ " $PARTS " == *" fanout "* ]]; then
  TOWNSHIP=$(psql_ "SELECT subject_id FROM region_stats s JOIN admin_unit u ON u.code = s.subject_id WHERE s.subject_kind = 'unit' AND u.level = 4 ORDER BY s.households DESC LIMIT 1")
  psql_ "SELECT household_id, income_per_capita FROM household WHERE village_code BETWEEN $TOWNSHIP AND $TOWNSHIP + 999 ORDER BY random() LIMIT 2000" >"$OUT/fanout-ids.csv"
  FIRST=0; RUN=0
  for PROCS in ${FANOUT_PROCS:-4}; do
    RUN=$((RUN + 1))
    echo "== fan-out: $CONNECTIONS connections in $PROCS client processes on township $TOWNSHIP, 2 changes/s, ${SECONDS_} s (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    FROM=$(($(wc -l <"$OUT/server.log") + 1))
    node bench/live/node/fanout.mjs --base "$BASE" --connections "$CONNECTIONS" --township "$TOWNSHIP" \
      --ids "$OUT/fanout-ids.csv" --rate 2 --seconds "$SECONDS_" --procs "$PROCS" --first "$FIRST" | tee "$OUT/fanout-$RUN-p$PROCS.json"
    FIRST=$((FIRST + 2 * SECONDS_))
    echo "-- the server's share (relay log), load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    node bench/live/node/relaylog.mjs "$OUT/server.log" "$FROM" | tee "$OUT/fanout-$RUN-p$PROCS-server.json"
  done
fi

if [[ " $PARTS " == *" throughput "* ]]; then
  # One host process per variant, on BROADCAST_PORT, BROADCAST_PORT + 1, …: default; inline (Kestrel's
  # UnsafePreferInlineScheduling); buffer (SignalR's pipe thresholds at 1 MB instead of 64 KB).
  HOSTS=(); P=$BROADCAST_PORT
  for V in ${BROADCAST_HOSTS:-default}; do
    case $V in default) FLAGS=();; inline) FLAGS=(--inline);; buffer) FLAGS=(--buffer 1048576);; *) echo "unknown host variant $V" >&2; exit 2;; esac
    dotnet bench/RiskMap.Bench/bin/Release/net10.0/RiskMap.Bench.dll broadcast --port "$P" "${FLAGS[@]}" >"$OUT/broadcast-$V.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$P/broadcast/none?count=0" -X POST && break; sleep 0.5; done
    HOSTS+=("$V=http://127.0.0.1:$P"); P=$((P + 1))
  done
  echo "== throughput: SignalR vs raw WebSocket, $CONNECTIONS connections × $MESSAGES units' figures, ${PER_FRAME:-2} a frame, $RUNS runs each, hosts ${BROADCAST_HOSTS:-default} (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  node bench/live/node/throughput.mjs --base "http://127.0.0.1:$BROADCAST_PORT" --connections "$CONNECTIONS" --messages "$MESSAGES" --runs "$RUNS" \
    --per-frame "${PER_FRAME:-2}" --modes "${MODES:-ws,signalr,ws-unit,signalr-unit}" --hosts "$(IFS=,; echo "${HOSTS[*]}")" | tee "$OUT/throughput.json"
  echo "-- load after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
