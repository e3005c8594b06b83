// Ingest-to-screen latency: one SignalR client subscribed to the prefecture; the driver posts
// households CSV batches (the export's own rows, incomes nudged) to POST /api/households/batch
// at `rate` households a second. Each batch holds whole villages; its latency is from the HTTP
// response to the first UnitStatsChanged of one of its villages saved after the batch was sent
// (0 when that message came before the response: the commit precedes the answer).
//   node ingest.mjs --base http://127.0.0.1:8093 --csv households.csv --unit 513400000000 --rate 10000 --batch 500 --seconds 60
import { readFileSync } from "node:fs";
import { args, authHeaders, signalRConnections, summary, sleep } from "./common.mjs";

const a = args();
const base = a.base ?? "http://127.0.0.1:8093";
const rate = Number(a.rate ?? 10000);
const batchSize = Number(a.batch ?? 500);
const seconds = Number(a.seconds ?? 60);
const concurrency = Number(a.concurrency ?? 4);

const lines = readFileSync(a.csv, "utf8").replace(/^\uFEFF/, "").split("\n").filter((l) => l.length > 0);
const header = lines[0];
const columns = header.split(",");
const village = columns.indexOf("village_code");
const income = columns.indexOf("income_per_capita");
const riskTypes = columns.indexOf("risk_types");
if (village < 0 || income < 0 || riskTypes < 0) throw new Error(`the CSV needs village_code, income_per_capita and risk_types columns: ${header}`);
// Rows grouped by village, villages in order, cut into batches of whole villages.
const byVillage = new Map();
for (const line of lines.slice(1)) {
  const v = line.split(",")[village];
  if (!byVillage.has(v)) byVillage.set(v, []);
  byVillage.get(v).push(line);
}
const batches = [];
let current = { villages: [], rows: [] };
for (const [v, rows] of byVillage) {
  current.villages.push(v); current.rows.push(...rows);
  if (current.rows.length >= batchSize) { batches.push(current); current = { villages: [], rows: [] }; }
}

const arrivals = new Map(); // village → [{ updatedAt, receivedAt }]
const onMessage = (_, name, data) => {
  if (name !== "UnitStatsChanged" || data.level !== "village") return;
  if (!arrivals.has(data.id)) arrivals.set(data.id, []);
  arrivals.get(data.id).push({ updatedAt: Date.parse(data.updatedAt), receivedAt: Date.now() });
};
const [client] = await signalRConnections(base + "/hubs/risk?frames=1", 1, onMessage);
await client.invoke("Subscribe", a.unit ?? "513400000000");

// Each pass over a batch nudges incomes and adds or removes the risk type "accident" (因意外事故),
// so every village's figures change (its risk type counts) and every batch is told to clients.
const nudge = (line, k) => {
  const f = line.split(",");
  f[income] = String(Number(f[income]) + 1 + (k % 5));
  const types = f[riskTypes] ? f[riskTypes].split(";") : [];
  const without = types.filter((t) => t !== "accident");
  f[riskTypes] = (without.length < types.length || without.length >= 5 ? without : [...without, "accident"]).join(";");
  return f.join(",");
};
const sentBatches = [];
let next = 0, households = 0, failed = 0;
const started = Date.now();
async function worker() {
  while (Date.now() - started < seconds * 1000) {
    const due = started + (households * 1000) / rate;
    if (Date.now() < due) { await sleep(Math.min(50, due - Date.now())); continue; }
    const b = batches[next++ % batches.length];
    households += b.rows.length;
    const body = header + "\n" + b.rows.map((l) => nudge(l, next)).join("\n") + "\n";
    b.rows = body.trim().split("\n").slice(1); // the next pass toggles back
    const sentAt = Date.now();
    const r = await fetch(`${base}/api/households/batch`, {
      method: "POST", headers: { "content-type": "text/csv", "idempotency-key": `bench-ingest-${started}-${next}`, ...authHeaders() }, body,
    });
    await r.arrayBuffer();
    if (!r.ok) { failed++; continue; }
    sentBatches.push({ villages: b.villages, sentAt, answeredAt: Date.now(), rows: b.rows.length });
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
const elapsed = (Date.now() - started) / 1000;
await sleep(3000);

const latencies = [], responseTimes = [];
let missing = 0;
for (const b of sentBatches) {
  responseTimes.push(b.answeredAt - b.sentAt);
  let firstArrival = Infinity;
  for (const v of b.villages)
    for (const m of arrivals.get(v) ?? []) if (m.updatedAt >= b.sentAt - 5 && m.receivedAt < firstArrival) firstArrival = m.receivedAt;
  if (firstArrival === Infinity) { missing++; continue; }
  latencies.push(Math.max(0, firstArrival - b.answeredAt));
}
console.log(JSON.stringify({
  targetRate: rate, batchSize, concurrency, seconds: elapsed, batches: sentBatches.length, failedBatches: failed,
  householdsPerSecond: Math.round(sentBatches.reduce((n, b) => n + b.rows, 0) / elapsed),
  responseMs: summary(responseTimes), latencyFromResponseMs: summary(latencies), batchesWithoutMessage: missing,
}, null, 2));
await client.stop();
process.exit(0);
