#!/usr/bin/env bash
# Server CPU per tile request, for two builds of the server side by side (e.g. before and after a
# change): the server process's user + system CPU (/proc/PID/stat) over a wrk run divided by the
# requests wrk completed. Unlike req/s, this barely moves with what else the machine is running.
#   bench/tiles/cpu.sh A_DLL B_DLL      # B: this repository's build; after run.sh (the seeded data, the bench account)
#   A_ENV="NAME=value …" B_ENV="…" bench/tiles/cpu.sh X_DLL X_DLL   # one build, two settings side by side
# Env: D (8s) per measurement, ROUNDS (2; A and B alternate), PORT_BASE (8284: uses 4 ports), A_ENV and
#      B_ENV (extra environment of each side's servers, e.g. runtime or Kestrel settings).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD; A=$1; B=$2; D=${D:-8s}; ROUNDS=${ROUNDS:-2}; P=${PORT_BASE:-8284}
OUT=${OUT:-$ROOT/artifacts/bench-tiles-cpu}; mkdir -p "$OUT"
PIDS=()
# Waits for the servers to exit: the one that started the managed cluster stops it on the way out,
# and a benchmark started right after must not find it still running and share it.
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done; }
trap cleanup EXIT
start() { # name dll port extra-env… → sets PID_<name>
  local name=$1 dll=$2 port=$3; shift 3
  (cd "$(dirname "$dll")" && exec env ASPNETCORE_URLS=http://127.0.0.1:$port Logging__LogLevel__Default=Warning \
     RateLimits__PermitsPerSecond=10000000 RateLimits__Burst=10000000 "$@" dotnet "$dll") >"$OUT/server-$name.log" 2>&1 &
  PIDS+=($!); eval "PID_$name=$!"
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && return; sleep 0.5; done
  echo "server $name did not start" >&2; exit 1
}
# B (this repository's build) starts or shares the managed cluster of .riskmap/pg; A is pointed at it.
read -ra AENV <<<"${A_ENV:-}"; read -ra BENV <<<"${B_ENV:-}"
start B_cached "$B" $((P + 2)) "${BENV[@]}"; start B_uncached "$B" $((P + 3)) Tiles__CacheBytes=0 "${BENV[@]}"
CONN="Host=127.0.0.1;Port=$(sed -n 4p .riskmap/pg/data/postmaster.pid);Username=riskmap;Password=$(cat .riskmap/pg/password);Database=riskmap"
start A_cached "$A" "$P" ConnectionStrings__RiskMap="$CONN" "${AENV[@]}"
start A_uncached "$A" $((P + 1)) ConnectionStrings__RiskMap="$CONN" Tiles__CacheBytes=0 "${AENV[@]}"
RISKMAP_TOKEN=$(dotnet "$B" users token bench --label "bench/tiles cpu" 2>/dev/null | tail -n 1); export RISKMAP_TOKEN

measure() { # label pid port env… → "| label | req/s | µs CPU/request |"
  local label=$1 pid=$2 port=$3; shift 3
  local hz t0 t1 out n rps
  hz=$(getconf CLK_TCK); t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  out=$(env "$@" wrk -t2 -c16 -d"$D" -s "$ROOT/bench/tiles/random_tile.lua" "http://127.0.0.1:$port")
  t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  n=$(awk '/requests in/ {print $1}' <<<"$out"); rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  printf '| %s | %s | %s |\n' "$label" "$rps" "$(awk -v t=$((t1 - t0)) -v hz="$hz" -v n="$n" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')" | tee -a "$OUT/results.md"
}
etag_of() { curl -sI -H 'Accept-Encoding: gzip' -H "Authorization: Bearer $RISKMAP_TOKEN" "http://127.0.0.1:$1$2" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r'; }

read -r x0 x1 y0 y1 < <(python3 bench/tiles/tile_ranges.py 12)
read -r _ hx _ hy < <(python3 bench/tiles/tile_ranges.py 8)
for port in "$P" $((P + 2)); do # fill both caches with every z12 tile and the heat tile
  for x in $(seq "$x0" "$x1"); do for y in $(seq "$y0" "$y1"); do
    printf 'url = "http://127.0.0.1:%s/tiles/villages/12/%s/%s"\noutput = "/dev/null"\n' "$port" "$x" "$y"; done; done >"$OUT/fill-$port.cfg"
  curl -s -H 'Accept-Encoding: gzip' -H "Authorization: Bearer $RISKMAP_TOKEN" -K "$OUT/fill-$port.cfg"
  curl -s -o /dev/null -H 'Accept-Encoding: gzip' -H "Authorization: Bearer $RISKMAP_TOKEN" "http://127.0.0.1:$port/tiles/risk-heat/8/$hx/$hy"
done

echo "# bench/tiles/cpu.sh $(date -u +%FT%TZ): A=$A ${A_ENV:-} B=$B ${B_ENV:-}, D=$D, load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/results.md"
echo "| run | req/s | server CPU µs/request |" | tee -a "$OUT/results.md"
echo "|---|---|---|" | tee -a "$OUT/results.md"
for round in $(seq 1 "$ROUNDS"); do
  for s in A B; do
    cached=PID_${s}_cached; uncached=PID_${s}_uncached
    port=$P; [ $s = B ] && port=$((P + 2))
    measure "$s uncached z12" "${!uncached}" $((port + 1)) Z=12
    measure "$s cached z12" "${!cached}" "$port" Z=12
    measure "$s heat z8 200" "${!cached}" "$port" LAYER=risk-heat Z=8 FIXED=1 X="$hx" Y="$hy"
    measure "$s heat z8 304" "${!cached}" "$port" LAYER=risk-heat Z=8 FIXED=1 X="$hx" Y="$hy" ETAG="$(etag_of "$port" "/tiles/risk-heat/8/$hx/$hy")"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/results.md"
