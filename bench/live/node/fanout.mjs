// Fan-out latency on the real server: N SignalR connections subscribed to one township; the
// driver changes `rate` households a second there through the ingest API (PATCH of their risk
// types, which moves the village's figures); each change
// reaches every connection as the village's and the township's figures (and the tile areas): three
// messages before frames, one Changes frame now. Latency is
// the time from the server saving the figures (updatedAt, in the write's transaction) to the
// message arriving at the client.
//   node fanout.mjs --base http://127.0.0.1:8093 --connections 5000 --township 513431100000 --ids ids.txt --rate 2 --seconds 60
import { readFileSync } from "node:fs";
import { args, authHeaders, signalRConnections, summary, sleep } from "./common.mjs";

const a = args();
const base = a.base ?? "http://127.0.0.1:8093";
const connections = Number(a.connections ?? 5000);
const rate = Number(a.rate ?? 2);
const seconds = Number(a.seconds ?? 60);
const ids = readFileSync(a.ids, "utf8").split("\n").map((l) => l.split(",")).filter((r) => r.length === 2 && r[0]);

const latencies = [];
// delivered: messages (parts of frames); frames: WebSocket frames (a Changes frame, or one per-unit message).
let delivered = 0, frames = 0, inFrame = false, measuring = false;
const onMessage = (_, name, data) => {
  if (!measuring) return;
  delivered++;
  if (!inFrame) frames++;
  if (name === "UnitStatsChanged" && data.level === "village") latencies.push(Date.now() - Date.parse(data.updatedAt));
};
const onFrame = () => { if (measuring) frames++; inFrame = true; queueMicrotask(() => { inFrame = false; }); };
const opened = await signalRConnections(base + "/hubs/risk", connections, onMessage, 100, onFrame);
await Promise.all(opened.map((c) => c.invoke("Subscribe", a.township)));
await sleep(1000);

measuring = true;
const started = Date.now();
let sent = 0, failed = 0;
while (Date.now() - started < seconds * 1000) {
  const due = started + (sent * 1000) / rate;
  if (Date.now() < due) { await sleep(due - Date.now()); continue; }
  // Alternately give and take the risk type "accident": the village's figures (risk type counts) change every time.
  const [id] = ids[sent % ids.length];
  const riskTypes = Math.floor(sent / ids.length) % 2 === 0 ? ["accident"] : [];
  const r = await fetch(`${base}/api/households/${encodeURIComponent(id)}`, {
    method: "PATCH", headers: { "content-type": "application/json", "idempotency-key": `bench-fanout-${started}-${sent}`, ...authHeaders() },
    body: JSON.stringify({ riskTypes }),
  });
  if (!r.ok) failed++;
  sent++;
}
await sleep(2000);
measuring = false;
console.log(JSON.stringify({ connections, rate, seconds, writes: sent, failedWrites: failed, delivered, deliveredPerSecond: Math.round(delivered / seconds), frames, framesPerSecond: Math.round(frames / seconds), villageMessageLatencyMs: summary(latencies) }, null, 2));
await Promise.all(opened.map((c) => c.stop()));
process.exit(0);
