// SignalR against a raw WebSocket broadcast, in the same run, from the same host process
// (bench/RiskMap.Bench `broadcast`): N connections each receive `messages` units' figures (~600 bytes
// of JSON each) sent as fast as the server can, `per-frame` units to a frame:
//   signalr       Changes frames, as the live relay sends them (one frame a tick and group)
//   ws            the same JSON (the frame's arguments) written to each raw WebSocket
//   signalr-unit  one UnitStatsChanged a unit, as the relay sent before frames
//   ws-unit       the same JSON, one unit a raw WebSocket message
// Units' figures delivered per second at the clients (every client parses every frame), per mode
// and run (modes alternate in order between runs), and the ratios SignalR / raw; with each run the
// processor time the host and this client process spent on it (ms per 1,000 units delivered).
// `--hosts name=url,…` compares host variants (Kestrel or SignalR settings, see BroadcastBench): every
// mode runs on every host in turn, named mode@host, and the ratios are taken per host.
//   node throughput.mjs --base http://127.0.0.1:8094 --connections 5000 --messages 100 --runs 3 --per-frame 2 [--modes ws,signalr,ws-unit,signalr-unit] [--hosts default=http://127.0.0.1:8094,inline=http://127.0.0.1:8095]
import { args, signalRConnections, rawConnections, sleep } from "./common.mjs";

const a = args();
const base = a.base ?? "http://127.0.0.1:8094";
const connections = Number(a.connections ?? 5000);
const messages = Number(a.messages ?? 100);
const runs = Number(a.runs ?? 3);
const perFrame = Number(a["per-frame"] ?? 2);
const kinds = (a.modes ?? "ws,signalr,ws-unit,signalr-unit").split(",");
const hosts = a.hosts ? Object.fromEntries(a.hosts.split(",").map((h) => h.split("="))) : { "": base };
const named = Object.keys(hosts).length > 1;
const modes = Object.keys(hosts).flatMap((h) => kinds.map((k) => (named ? `${k}@${h}` : k)));
const cpuOf = async (url) => (await (await fetch(url + "/cpu")).json()).cpuMs;

async function run(name) {
  const [mode, host = ""] = name.split("@");
  const base = hosts[host] ?? Object.values(hosts)[0];
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
  const serverCpu = await cpuOf(base), clientCpu = process.cpuUsage();
  const response = await fetch(`${base}/broadcast/${mode}?count=${messages}&perFrame=${perFrame}`, { method: "POST" });
  const server = await response.json();
  while (received < expected && performance.now() - started < 120_000) await sleep(20);
  const seconds = (last - first) / 1000;
  const serverCpuMs = (await cpuOf(base)) - serverCpu, used = process.cpuUsage(clientCpu), clientCpuMs = (used.user + used.system) / 1000;
  const per1000 = (ms) => Math.round((ms / received) * 1000 * 10) / 10;
  if (signalr) await Promise.all(opened.map((c) => c.stop()));
  else for (const s of opened) s.terminate();
  await sleep(1000);
  return { mode: name, connections, messages, perFrame: server.perFrame, frames, received, expected, seconds: Math.round(seconds * 1000) / 1000, deliveriesPerSecond: Math.round(received / seconds), serverSendMs: server.elapsedMs,
    serverCpuMsPer1000: per1000(serverCpuMs), clientCpuMsPer1000: per1000(clientCpuMs) };
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
const medianOf = (mode, key) => { const v = results.filter((r) => r.mode === mode).map((r) => r[key]).sort((x, y) => x - y); return v.length ? v[Math.floor(v.length / 2)] : null; };
const cpu = Object.fromEntries(modes.map((m) => [m, { server: medianOf(m, "serverCpuMsPer1000"), client: medianOf(m, "clientCpuMsPer1000") }]));
const ratios = Object.fromEntries(Object.keys(hosts).map((h) => {
  const m = (k) => (named ? `${k}@${h}` : k);
  return [h, {
    ratioOfMedians: { frames: ratio(medians[m("signalr")], medians[m("ws")]), perUnit: ratio(medians[m("signalr-unit")], medians[m("ws-unit")]), framesVsPerUnitSignalR: ratio(medians[m("signalr")], medians[m("signalr-unit")]) },
    ratioOfBest: { frames: ratio(best(m("signalr")), best(m("ws"))), perUnit: ratio(best(m("signalr-unit")), best(m("ws-unit"))) },
  }];
}));
console.log(JSON.stringify({ results, perFrame, medians, cpuMsPer1000Units: cpu, ...(named ? { ratios } : Object.values(ratios)[0]) }, null, 2));
process.exit(0);
