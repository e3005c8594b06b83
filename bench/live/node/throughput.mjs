// SignalR against a raw WebSocket broadcast, in the same run, from the same host process
// (bench/RiskMap.Bench `broadcast`): N connections each receive `messages` copies of a
// UnitStatsChanged-sized message sent as fast as the server can; deliveries per second at the
// clients, per mode and run, and the ratio SignalR / raw.
//   node throughput.mjs --base http://127.0.0.1:8094 --connections 5000 --messages 100 --runs 3
import { args, signalRConnections, rawConnections, sleep } from "./common.mjs";

const a = args();
const base = a.base ?? "http://127.0.0.1:8094";
const connections = Number(a.connections ?? 5000);
const messages = Number(a.messages ?? 100);
const runs = Number(a.runs ?? 3);

async function run(mode) {
  let received = 0, first = 0, last = 0;
  const onMessage = () => { const now = performance.now(); if (received === 0) first = now; received++; last = now; };
  const opened = mode === "signalr"
    ? await signalRConnections(base + "/hubs/bench", connections, onMessage)
    : await rawConnections(base.replace(/^http/, "ws") + "/ws", connections, onMessage);
  await sleep(500);
  const expected = connections * messages;
  const started = performance.now();
  const response = await fetch(`${base}/broadcast/${mode}?count=${messages}`, { method: "POST" });
  const server = await response.json();
  while (received < expected && performance.now() - started < 120_000) await sleep(20);
  const seconds = (last - first) / 1000;
  if (mode === "signalr") await Promise.all(opened.map((c) => c.stop()));
  else for (const s of opened) s.terminate();
  await sleep(1000);
  return { mode, connections, messages, received, expected, seconds: Math.round(seconds * 1000) / 1000, deliveriesPerSecond: Math.round(received / seconds), serverSendMs: server.elapsedMs };
}

const results = [];
for (let i = 0; i < runs; i++) for (const mode of i % 2 === 0 ? ["ws", "signalr"] : ["signalr", "ws"]) results.push(await run(mode));
const best = (mode) => Math.max(...results.filter((r) => r.mode === mode).map((r) => r.deliveriesPerSecond));
const median = (mode) => { const v = results.filter((r) => r.mode === mode).map((r) => r.deliveriesPerSecond).sort((x, y) => x - y); return v[Math.floor(v.length / 2)]; };
console.log(JSON.stringify({ results, medianSignalR: median("signalr"), medianRaw: median("ws"), ratioOfMedians: Math.round((median("signalr") / median("ws")) * 100) / 100, ratioOfBest: Math.round((best("signalr") / best("ws")) * 100) / 100 }, null, 2));
process.exit(0);
