// Fan-out latency on the real server: N SignalR connections subscribed to one township; the
// driver changes `rate` households a second there through the ingest API (PATCH of their risk
// types, which moves the village's figures); each change reaches every connection as one Changes
// frame (the village's and the township's figures and the tile areas). Latency is the time from the
// server saving the figures (updatedAt, in the write's transaction) to the frame arriving at the
// client; all processes are on the server's host, so both times come from one clock.
//
// `procs` spreads the connections over that many client processes (forked from this one, which then
// only drives the writes): with one process, a tick's N frames are parsed one after another and the
// median connection waits for half of them. `--procs 1` keeps the clients in the driver's process,
// as before. Latencies of all processes are merged before the percentiles.
//   node fanout.mjs --base http://127.0.0.1:8093 --connections 5000 --township 513431100000 --ids ids.txt --rate 2 --seconds 60 [--procs 4] [--first 0]
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { args, authHeaders, signalRConnections, summary, sleep } from "./common.mjs";

const a = args();
const base = a.base ?? "http://127.0.0.1:8093";
const connections = Number(a.connections ?? 5000);

/**
 * Opens `count` connections on the township and records, while measuring, every village figures'
 * latency as [version, ms]; frames counts WebSocket frames, delivered the messages in them.
 */
async function clients(count) {
  const state = { latencies: [], delivered: 0, frames: 0, measuring: false };
  let inFrame = false;
  const onMessage = (_, name, data) => {
    if (!state.measuring) return;
    state.delivered++;
    if (!inFrame) state.frames++;
    if (name === "UnitStatsChanged" && data.level === "village") state.latencies.push([data.version, Date.now() - Date.parse(data.updatedAt)]);
  };
  const onFrame = () => { if (state.measuring) state.frames++; inFrame = true; queueMicrotask(() => { inFrame = false; }); };
  const opened = await signalRConnections(base + "/hubs/risk?frames=1", count, onMessage, 100, onFrame);
  await Promise.all(opened.map((c) => c.invoke("Subscribe", a.township)));
  return { state, stop: () => Promise.all(opened.map((c) => c.stop())) };
}

if (a.role === "clients") {
  // A client process: opens its share, then measures between the driver's "measure" and "stop".
  const { state, stop } = await clients(connections);
  process.on("message", async (m) => {
    if (m === "measure") state.measuring = true;
    if (m === "stop") {
      state.measuring = false;
      process.send({ latencies: state.latencies, delivered: state.delivered, frames: state.frames }, async () => { await stop(); process.exit(0); });
    }
  });
  process.send("ready");
} else {
  await drive();
}

async function drive() {
  const rate = Number(a.rate ?? 2);
  const seconds = Number(a.seconds ?? 60);
  const procs = Math.max(1, Number(a.procs ?? 1));
  const first = Number(a.first ?? 0);
  const ids = readFileSync(a.ids, "utf8").split("\n").map((l) => l.split(",")).filter((r) => r.length === 2 && r[0]);

  // Each group of clients: start() opens and subscribes; measure() and stop() → { latencies, delivered, frames }.
  let groups;
  if (procs === 1) {
    const local = await clients(connections);
    groups = [{ measure: () => { local.state.measuring = true; }, stop: async () => { local.state.measuring = false; await local.stop(); return local.state; } }];
  } else {
    const self = fileURLToPath(import.meta.url);
    groups = await Promise.all(Array.from({ length: procs }, (_, i) => {
      const share = Math.floor(connections / procs) + (i < connections % procs ? 1 : 0);
      const child = fork(self, ["--role", "clients", "--base", base, "--connections", String(share), "--township", a.township]);
      const replied = new Promise((resolve) => child.on("message", (m) => { if (m !== "ready") resolve(m); }));
      return new Promise((ready, failed) => {
        child.on("message", (m) => { if (m === "ready") ready({ measure: () => child.send("measure"), stop: () => { child.send("stop"); return replied; } }); });
        child.on("exit", (code) => failed(new Error(`client process ${i} exited with ${code} before it was ready`)));
      });
    }));
  }
  await sleep(1000);

  for (const g of groups) g.measure();
  const started = Date.now();
  let sent = 0, failed = 0;
  while (Date.now() - started < seconds * 1000) {
    const due = started + (sent * 1000) / rate;
    if (Date.now() < due) { await sleep(due - Date.now()); continue; }
    // Alternately give and take the risk type "accident" (when a pass over the ids ends). `first`
    // starts a run further on, so runs of one session change households the earlier ones did not.
    const n = first + sent;
    const [id] = ids[n % ids.length];
    const riskTypes = Math.floor(n / ids.length) % 2 === 0 ? ["accident"] : [];
    const r = await fetch(`${base}/api/households/${encodeURIComponent(id)}`, {
      method: "PATCH", headers: { "content-type": "application/json", "idempotency-key": `bench-fanout-${started}-${sent}`, ...authHeaders() },
      body: JSON.stringify({ riskTypes }),
    });
    if (!r.ok) failed++;
    sent++;
  }
  await sleep(2000);
  const results = await Promise.all(groups.map((g) => g.stop()));

  const pairs = results.flatMap((r) => r.latencies);
  const delivered = results.reduce((n, r) => n + r.delivered, 0);
  const frames = results.reduce((n, r) => n + r.frames, 0);
  // The first connection of each change to hear of it: the server's and the socket's share, with
  // the least client-side queueing.
  const earliest = new Map();
  for (const [version, ms] of pairs) earliest.set(version, Math.min(earliest.get(version) ?? Infinity, ms));
  console.log(JSON.stringify({
    connections, procs, rate, seconds, writes: sent, failedWrites: failed, changes: earliest.size, delivered, deliveredPerSecond: Math.round(delivered / seconds),
    frames, framesPerSecond: Math.round(frames / seconds),
    villageMessageLatencyMs: summary(pairs.map(([, ms]) => ms)),
    firstArrivalPerChangeMs: summary([...earliest.values()]),
  }, null, 2));
  process.exit(0);
}
