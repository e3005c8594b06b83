#!/usr/bin/env bash
# Soak (issue 9): MINUTES (30) of mixed load on the demo data (凉山州, ./riskmap demo's database) —
# ingest at RATE (1000) households/s through POST /api/households/batch with a data officer's token,
# CLIENTS (1000) @microsoft/signalr screens subscribed across units (half a planner's token, half a
# wall's device token), TILES (10) tile requests/s with a planner's token and REGIONS (1) region
# queries/s with a country planner's token (random rectangles may cross the prefecture's outline) — recording every minute the server's memory (working set, GC heap: GET /api/admin/runtime),
# the p50/p99 of ingest answers, tiles, region queries and live delivery, and errors.
# Writes $OUT/soak.csv, soak.md, soak.json (artifacts/bench-soak). Wrap it in `flock -o /work/bench.lock` (-o: the managed PostgreSQL it may start must not inherit the lock).
# Env: MINUTES, RATE, BATCH (250 households a request, 4 at a time), CLIENTS, TILES, REGIONS, PORT (8093), OUT.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
MINUTES=${MINUTES:-30}; RATE=${RATE:-1000}; BATCH=${BATCH:-250}; CLIENTS=${CLIENTS:-1000}; TILES=${TILES:-10}; REGIONS=${REGIONS:-1}
PORT=${PORT:-8093}
OUT=${OUT:-$ROOT/artifacts/bench-soak}; mkdir -p "$OUT"
ulimit -n 65536 2>/dev/null || true
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done; }
trap cleanup EXIT

dotnet build server/RiskMap.Server.csproj -c Release -nologo -v q >/dev/null
(cd bench/soak/node && [ -d node_modules ] || npm install --no-audit --no-fund >/dev/null)
# The server runs from a copy, so a build in the work tree during the run changes nothing under it.
rm -rf "$OUT/server" && cp -r server/bin/Release/net10.0 "$OUT/server"
DLL=$OUT/server/RiskMap.Server.dll
BASE=http://127.0.0.1:$PORT
# Rate limits out of the way: one data officer's token does a whole prefecture's survey work.
(cd server && exec env Logging__LogLevel__Default=Warning dotnet "$DLL" --urls "$BASE" --Demo:Enabled=true \
   --Demo:Feed:Enabled=false --RateLimits:PermitsPerSecond=10000000 --RateLimits:Burst=10000000) >"$OUT/server.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 600); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.5; done
curl -sf "$BASE/health" >/dev/null || { echo "the server did not start; see $OUT/server.log" >&2; exit 1; }

# Accounts of the soak's own, as a deployment would have them: a data officer, a planner and an
# administrator over the prefecture, and a wall's device token.
token() { dotnet "$DLL" users token "$@" 2>/dev/null | tail -n 1; }
for u in "soak-officer data-officer" "soak-planner planner" "soak-admin administrator"; do
  set -- $u; dotnet "$DLL" users add "$1" --role "$2" --scope 513400000000 --no-password >/dev/null 2>&1 || true
done
export SOAK_OFFICER_TOKEN=$(token soak-officer --label bench/soak) SOAK_PLANNER_TOKEN=$(token soak-planner --label bench/soak)
export SOAK_ADMIN_TOKEN=$(token soak-admin --label bench/soak) SOAK_DEVICE_TOKEN=$(token soak-planner --device --label bench/soak-wall)
dotnet "$DLL" users add soak-country-planner --role planner --scope all --no-password >/dev/null 2>&1 || true
export SOAK_REGION_TOKEN=$(token soak-country-planner --label bench/soak)

psql_() { ./riskmap psql -At -F, -c "$1" 2>/dev/null | grep -v " info: "; }
[ -f "$OUT/export/households.csv" ] || ./riskmap export --out "$OUT/export" >/dev/null
# Screens across units: the prefecture (5 entries), every county, 100 townships and 300 villages.
{
  for _ in 1 2 3 4 5; do echo 513400000000; done
  psql_ "SELECT code FROM admin_unit WHERE level = 3 ORDER BY code"
  psql_ "SELECT code FROM admin_unit WHERE level = 4 ORDER BY md5(code::text) LIMIT 100"
  psql_ "SELECT code FROM admin_unit WHERE level = 5 ORDER BY md5(code::text) LIMIT 300"
} >"$OUT/units.txt"

echo "== soak: $MINUTES min, ingest $RATE households/s, $CLIENTS screens on $(wc -l <"$OUT/units.txt") units, $TILES tiles/s, $REGIONS regions/s; load $(cut -d' ' -f1-3 /proc/loadavg)"
node bench/soak/node/soak.mjs --base "$BASE" --csv "$OUT/export/households.csv" --units "$OUT/units.txt" --out "$OUT" \
  --minutes "$MINUTES" --rate "$RATE" --batch "$BATCH" --clients "$CLIENTS" --tiles "$TILES" --regions "$REGIONS" | tee "$OUT/summary.json"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
