#!/usr/bin/env bash
# First-screen benchmark (issue 8): desk and wall mode on the demo data (凉山州), headless Chromium,
# navigation start → the map's first data-map-state="idle" (every tile in view drawn); cold (server
# restarted) and warm, beside a static page of the same bytes in the same run. Results: docs/benchmarks.md.
# Needs the demo database (./riskmap demo once, or the first server start loads it) and no other
# server on PORT. Env: RUNS (5), PORT (8097).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
RUNS=${RUNS:-5}; PORT=${PORT:-8097}
OUT=${OUT:-$ROOT/artifacts/bench-viewer}; mkdir -p "$OUT"
(cd viewer && [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; npm run build >/dev/null 2>&1)
dotnet build server/RiskMap.Server.csproj -c Release -nologo -v q >/dev/null
dotnet build bench/RiskMap.Bench/RiskMap.Bench.csproj -c Release -nologo -v q >/dev/null
{ echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
  dotnet bench/RiskMap.Bench/bin/Release/net10.0/RiskMap.Bench.dll firstscreen --runs "$RUNS" --port "$PORT" --root "$ROOT"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"; } | tee "$OUT/firstscreen.txt"
