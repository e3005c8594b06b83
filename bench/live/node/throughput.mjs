// SignalR against a raw WebSocket broadcast, in the same run, from the same host process
// (bench/RiskMap.Bench `broadcast`): N connections each receive `messages` units' figures (~600 bytes
// of JSON each) sent as fast as the server can, `per-frame` units to a frame:
//   signalr       Changes frames, as the live relay sends them (one frame a tick and group)
//   ws            the same JSON (the frame's arguments) written to each raw WebSocket
//   signalr-unit  one UnitStatsChanged a unit, as the relay sent before frames
//   ws-unit       the same JSON, one unit a raw WebSocket message
// Units' figures delivered per second at the clients (every client parses every frame), per mode
// and run (modes alternate in order between runs), and the ratios SignalR / raw.
//   node throughput.mjs --base http://127.0.0.1:8094 --connections 5000 --messages 100 --runs 3 --per-frame 2 [--modes ws,signalr,ws-unit,signalr-unit]
import { args, signalRConnections, rawConnections, sleep } from "./common.mjs";

const a = args();
const base = a.base ?? "http://127.0.0.1:8094";
const connections = Number(a.connections ?? 5000);
const messages = Number(a.messages ?? 100);
const runs = Number(a.runs ?? 3);
const perFrame = Number(a["per-frame"] ?? 2);
const modes = (a.modes ?? "ws,signalr,ws-unit,signalr-unit").split(",");

async function run(mode) {
  let received = 0, frames = 0, first = 0, last = 0;
  const arrived = (units) => { const now = performance.now(); if (received === 0) first = now; received += units; frames++; last = now; };
  const signalr = mode.startsWith("signalr");
  const opened = signalr
    ? await signalRConnections(base + "/hubs/bench", connections, (_, name) => { if (name === "UnitStatsChanged" && mode === "signalr-unit") arrived(1); }, 100,
      (_, frame) => arrived(frame.stats.length))
    : await rawConnections(base.replace(/^http/, "ws") + "/ws", connections, (_, __, data) => arrived(data.stats ? data.stats.length : 1));
  await sleep(500);
  const expected = connections * messages;
  const started = performance.now();
  const response = await fetch(`${base}/broadcast/${mode}?count=${messages}&perFrame=${perFrame}`, { method: "POST" });
  const server = await response.json();
  while (received < expected && performance.now() - started < 120_000) await sleep(20);
  const seconds = (last - first) / 1000;
  if (signalr) await Promise.all(opened.map((c) => c.stop()));
  else for (const s of opened) s.terminate();
  await sleep(1000);
  return { mode, connections, messages, perFrame: server.perFrame, frames, received, expected, seconds: Math.round(seconds * 1000) / 1000, deliveriesPerSecond: Math.round(received / seconds), serverSendMs: server.elapsedMs };
}

const results = [];
for (let i = 0; i < runs; i++) for (const mode of i % 2 === 0 ? modes : [...modes].reverse()) {
  const r = await run(mode);
  console.error(JSON.stringify(r));
  results.push(r);
}
const of = (mode) => results.filter((r) => r.mode === mode).map((r) => r.deliveriesPerSecond).sort((x, y) => x - y);
const median = (mode) => { const v = of(mode); return v.length ? v[Math.floor(v.length / 2)] : null; };
const best = (mode) => Math.max(...of(mode));
const ratio = (x, y) => (x && y ? Math.round((x / y) * 100) / 100 : null);
const medians = Object.fromEntries(modes.map((m) => [m, median(m)]));
console.log(JSON.stringify({
  results, perFrame, medians,
  ratioOfMedians: { frames: ratio(medians.signalr, medians.ws), perUnit: ratio(medians["signalr-unit"], medians["ws-unit"]), framesVsPerUnitSignalR: ratio(medians.signalr, medians["signalr-unit"]) },
  ratioOfBest: { frames: ratio(best("signalr"), best("ws")), perUnit: ratio(best("signalr-unit"), best("ws-unit")) },
}, null, 2));
process.exit(0);
