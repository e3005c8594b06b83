#!/usr/bin/env bash
# Tile benchmark: RiskMap (uncached, cached, 304) against, in the same run and at the same
# concurrency, pgbench running the same SQL, a minimal Node.js pg+http server on the same SQL, and
# nginx serving the same gzip bytes as static files; and the cache hits of a recorded pan-and-zoom
# session (session.json, made by session.py; replay.py). Needs wrk, nginx, pgbench, node (apt/npm).
#   SEED=1 bench/tiles/run.sh      # (re)load the synthetic prefecture first (HOUSEHOLDS=500000)
# Env: C connections (16), D duration per run (10s), ZOOMS ("10 11 12"), PORT_BASE (8090: uses it and the next 3 ports).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
C=${C:-16}; D=${D:-10s}; ZOOMS=${ZOOMS:-"10 11 12"}; THREADS=${THREADS:-2}
P=${PORT_BASE:-8090}; CACHED_PORT=$P; UNCACHED_PORT=$((P + 1)); NODE_PORT=$((P + 2)); NGINX_PORT=$((P + 3))
OUT=${OUT:-$ROOT/artifacts/bench-tiles}; mkdir -p "$OUT"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done; }
trap cleanup EXIT

dotnet build server/RiskMap.Server.csproj -c Release -nologo -v q >/dev/null
DLL=$ROOT/server/bin/Release/net10.0/RiskMap.Server.dll
start_server() { # port, extra env…
  local port=$1; shift
  (cd server && exec env ASPNETCORE_URLS=http://127.0.0.1:$port Logging__LogLevel__Default=Warning \
     RateLimits__PermitsPerSecond=10000000 RateLimits__Burst=10000000 "$@" dotnet "$DLL") >"$OUT/server-$port.log" 2>&1 &
  PIDS+=($!)
  curl -s -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null && { echo "port $port is already taken" >&2; exit 1; }
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && return; sleep 0.5; done
  echo "server on $port did not start" >&2; exit 1
}
# Tiles need a token, as for any client: an administrator account of the benchmark's own, made
# (with the data, the first time) before the servers start, as a deployment's accounts are: the
# cached server warms its low zooms for the accounts it finds (docs/architecture.md, Warming).
dotnet "$DLL" users add bench --role administrator --scope all --no-password >/dev/null 2>&1 || true
RISKMAP_TOKEN=$(dotnet "$DLL" users token bench --label "bench/tiles" 2>/dev/null | tail -n 1); export RISKMAP_TOKEN
[ "${SEED:-0}" = 1 ] && ./riskmap psql -v households="${HOUSEHOLDS:-500000}" -q -f bench/tiles/seed.sql
WARM_START=$(date +%s.%N)
start_server $CACHED_PORT                       # cached (default options); owns the managed cluster
start_server $UNCACHED_PORT Tiles__CacheBytes=0   # uncached: every request runs the SQL

PGPORT=$(sed -n 4p .riskmap/pg/data/postmaster.pid); export PGPASSWORD; PGPASSWORD=$(cat .riskmap/pg/password)
PGURL="postgres://riskmap:$PGPASSWORD@127.0.0.1:$PGPORT/riskmap"
(cd bench/tiles/node && [ -d node_modules ] || npm install --no-audit --no-fund >/dev/null)
PGURL=$PGURL PORT=$NODE_PORT POOL=$C node bench/tiles/node/server.mjs >"$OUT/node.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 40); do curl -s -o /dev/null "http://127.0.0.1:$NODE_PORT/" && break; sleep 0.25; done

row() { # name, wrk output file → "| name | req/s | p50 | p99 |"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$2"); p50=$(awk '$1=="50%" {print $2}' "$2"); p99=$(awk '$1=="99%" {print $2}' "$2")
  local errs; errs=$(awk '/Non-2xx or 3xx/ {print $5}' "$2"); errs=${errs:-0}
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99" "$errs" | tee -a "$OUT/results.md"
}
bench_wrk() { # name, port, env… → row
  local name=$1 port=$2; shift 2
  env "$@" wrk -t"$THREADS" -c"$C" -d"$D" --latency -s "$ROOT/bench/tiles/random_tile.lua" "http://127.0.0.1:$port" >"$OUT/$name.txt"
  row "$name" "$OUT/$name.txt"
}

# First, once the cached server has warmed its low zooms (and before any request of ours has filled
# its cache): the recorded pan-and-zoom session, its X-Cache hits.
runtime() { curl -sf -H "Authorization: Bearer $RISKMAP_TOKEN" "http://127.0.0.1:$CACHED_PORT/api/admin/runtime"; }
for _ in $(seq 1 600); do runtime | grep -q '"tileWarmerIdle":true' && break; sleep 0.5; done
WARMED=$(runtime | python3 -c 'import json,sys; r=json.load(sys.stdin); print("%d tiles, %.1f MB" % (r["warmedTiles"], r["cachedTileBytes"] / 1e6))')
WARM_SECONDS=$(python3 -c "print($(date +%s.%N) - $WARM_START)")
REPLAY=$(python3 bench/tiles/replay.py "http://127.0.0.1:$CACHED_PORT" "$RISKMAP_TOKEN" bench/tiles/session.json 2)

echo "# bench/tiles $(date -u +%FT%TZ): $(nproc) cores, C=$C, D=$D, load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/results.md"
echo "| run | req/s | p50 | p99 | non-2xx/3xx |" | tee -a "$OUT/results.md"
echo "|---|---|---|---|---|" | tee -a "$OUT/results.md"
for z in $ZOOMS; do
  bench_wrk "riskmap-uncached-z$z" $UNCACHED_PORT Z="$z"
  bench_wrk "node-z$z" $NODE_PORT Z="$z"
  python3 bench/tiles/pgbench_script.py "$z" >"$OUT/pgbench-z$z.sql"
  pgbench -n -M prepared -h 127.0.0.1 -p "$PGPORT" -U riskmap -c "$C" -j "$THREADS" -T "${D%s}" -f "$OUT/pgbench-z$z.sql" riskmap >"$OUT/pgbench-z$z.txt" 2>&1
  printf '| pgbench-z%s | %s | | avg %s ms | |\n' "$z" "$(awk '/^tps/ {print $3}' "$OUT/pgbench-z$z.txt")" \
    "$(awk '/latency average/ {print $4}' "$OUT/pgbench-z$z.txt")" | tee -a "$OUT/results.md"
done

# Cached: fill the cache with every z12 tile of the area, saving the same gzip bytes for nginx.
read -r x0 x1 y0 y1 < <(python3 bench/tiles/tile_ranges.py 12)
STATIC=$OUT/static; rm -rf "$STATIC"
for x in $(seq "$x0" "$x1"); do
  mkdir -p "$STATIC/tiles/villages/12/$x"
  for y in $(seq "$y0" "$y1"); do
    curl -s -H 'Accept-Encoding: gzip' -H "Authorization: Bearer $RISKMAP_TOKEN" -o "$STATIC/tiles/villages/12/$x/$y" "http://127.0.0.1:$CACHED_PORT/tiles/villages/12/$x/$y"
  done
done
cat >"$OUT/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location /tiles/ { root $STATIC; default_type application/vnd.mapbox-vector-tile; add_header Content-Encoding gzip; }
  }
}
NGINX
nginx -c "$OUT/nginx.conf" -p "$OUT" &
PIDS+=($!)
for _ in $(seq 1 40); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && break; sleep 0.25; done

bench_wrk "riskmap-cached-z12" $CACHED_PORT Z=12
bench_wrk "nginx-static-z12" $NGINX_PORT Z=12
# 200 against 304 on one tile: a small z12 villages tile (~0.5 KB gzipped) and a large one, the
# risk-heat tile at z8 over the middle of the area (~10 KB gzipped).
etag_of() { curl -sI -H 'Accept-Encoding: gzip' -H "Authorization: Bearer $RISKMAP_TOKEN" "http://127.0.0.1:$CACHED_PORT$1" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r'; }
read -r _ hx _ hy < <(python3 bench/tiles/tile_ranges.py 8)
for one in "villages 12 $((x0 + 2)) $((y0 + 2))" "risk-heat 8 $hx $hy"; do
  read -r layer z x y <<<"$one"
  tile="/tiles/$layer/$z/$x/$y"
  echo "one tile: $tile, $(curl -s -H 'Accept-Encoding: gzip' -H "Authorization: Bearer $RISKMAP_TOKEN" "http://127.0.0.1:$CACHED_PORT$tile" | wc -c) bytes gzipped" | tee -a "$OUT/results.md"
  bench_wrk "riskmap-cached-one-tile-$layer-z$z-200" $CACHED_PORT LAYER=$layer Z=$z FIXED=1 X=$x Y=$y
  bench_wrk "riskmap-cached-one-tile-$layer-z$z-304" $CACHED_PORT LAYER=$layer Z=$z FIXED=1 X=$x Y=$y ETAG="$(etag_of "$tile")"
done
printf 'replay of bench/tiles/session.json after the start-up warming (%s, %.0f s from the servers'"'"' start):\n%s\n' "$WARMED" "$WARM_SECONDS" "$REPLAY" | tee -a "$OUT/results.md"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/results.md"
echo "results: $OUT/results.md"
