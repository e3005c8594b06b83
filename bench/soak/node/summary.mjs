// The soak's summary from its soak.csv (one row a minute): memory slopes (MB a minute, over the whole
// run and over its second half, past warm-up), totals, the median and worst of the minutes' p50/p99.
// Writes soak.json and soak.md beside the CSV. On its own, for a run's CSV:
//   node summary.mjs DIR
import { readFileSync, writeFileSync } from "node:fs";
import { slope } from "./stats.mjs";

export function summarise(dir, run = {}, errorSamples = []) {
  const [head, ...lines] = readFileSync(`${dir}/soak.csv`, "utf8").trim().split("\n");
  const columns = head.split(",");
  const rows = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [columns[i], v === "" ? null : i === 1 ? v : Number(v)])));
  const minutes = rows.length;
  const fit = (key, from = 0) => { const pts = rows.filter((r) => r.minute > from && r[key] != null); return round2(slope(pts.map((r) => r.minute), pts.map((r) => r[key]))); };
  const total = (key) => rows.reduce((n, r) => n + (r[key] ?? 0), 0);
  const worst = (key) => Math.max(...rows.map((r) => r[key] ?? 0));
  const median = (key) => { const v = rows.map((r) => r[key]).filter((x) => x != null).sort((p, q) => p - q); return v.length ? v[Math.floor(v.length / 2)] : null; };
  const first = (key) => rows[0]?.[key] ?? null, last = (key) => rows[rows.length - 1]?.[key] ?? null;
  const result = {
    minutes, ...run,
    memoryMb: { workingSetFirst: first("working_set_mb"), workingSetLast: last("working_set_mb"), workingSetMax: worst("working_set_mb"), gcHeapFirst: first("gc_heap_mb"), gcHeapLast: last("gc_heap_mb"), gcHeapMedian: median("gc_heap_mb"), retainedFirst: first("gc_retained_mb"), retainedLast: last("gc_retained_mb"), tileCacheLast: last("tile_cache_mb") },
    slopesMbPerMinute: { workingSet: fit("working_set_mb"), gcHeap: fit("gc_heap_mb"), workingSetSecondHalf: fit("working_set_mb", minutes / 2), gcHeapSecondHalf: fit("gc_heap_mb", minutes / 2),
      retained: fit("gc_retained_mb"), retainedSecondHalf: fit("gc_retained_mb", minutes / 2), tileCache: fit("tile_cache_mb") },
    totals: {
      ingestHouseholds: total("ingest_households"), ingestPerSecond: Math.round(total("ingest_households") / (minutes * 60)), ingestBatches: total("ingest_batches"),
      ingestErrors: total("ingest_errors"), ingestRejected: total("ingest_rejected"), tiles: total("tiles"), tileErrors: total("tile_errors"),
      regions: total("regions"), regionErrors: total("region_errors"), liveMessages: total("live_messages"), liveFrames: total("live_frames"),
      screensDropped: total("screens_dropped"), screenFailures: total("screen_failures"),
    },
    medianOfMinuteP50: { ingest: median("ingest_p50_ms"), tiles: median("tile_p50_ms"), regions: median("region_p50_ms"), live: median("live_p50_ms") },
    medianOfMinuteP99: { ingest: median("ingest_p99_ms"), tiles: median("tile_p99_ms"), tilesZ10to12: median("tile_z10_12_p99_ms"), regions: median("region_p99_ms"), live: median("live_p99_ms") },
    worstMinuteP99: { ingest: worst("ingest_p99_ms"), tiles: worst("tile_p99_ms"), tilesZ10to12: worst("tile_z10_12_p99_ms"), regions: worst("region_p99_ms"), live: worst("live_p99_ms") },
    loadAverage: { median: median("load1"), max: worst("load1") },
    errorSamples,
  };
  writeFileSync(`${dir}/soak.json`, JSON.stringify({ ...result, rows }, null, 2));
  writeFileSync(`${dir}/soak.md`, [
    `# Soak${run.startedAt ? ` of ${run.startedAt}` : ""}: ${minutes} min`, "",
    `| ${columns.join(" | ")} |`, `|${columns.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${columns.map((c) => r[c] ?? "").join(" | ")} |`), "",
    "```json", JSON.stringify(result, null, 2), "```", "",
  ].join("\n"));
  return result;
}

function round2(v) { return v == null ? null : Math.round(v * 100) / 100; }

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(summarise(process.argv[2]), null, 2));
