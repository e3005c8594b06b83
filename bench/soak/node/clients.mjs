// The soak's screens: N @microsoft/signalr connections in this process, each subscribed to one unit
// of a list (prefecture, counties, townships, villages) and signed in with one of two tokens (a
// planner's, who sees household data, and a wall's device token, who does not). Every minute of the
// run it prints one JSON line: the figures
// messages received, their delivery latency (arrival − updatedAt, the figures' save time in the
// write's transaction) p50/p99, and the connections closed and reconnected. It connects first, prints
// {"type":"ready"}, and starts counting minutes at the time (ms since the epoch) it reads on stdin.
//   node clients.mjs --base URL --units units.txt --clients 1000 --minutes 30
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import * as signalR from "@microsoft/signalr";
import { args, summary, sleep } from "./stats.mjs";

const a = args();
const count = Number(a.clients ?? 1000);
const minutes = Number(a.minutes ?? 30);
const units = readFileSync(a.units, "utf8").split("\n").map((l) => l.trim()).filter(Boolean);
const tokens = [process.env.SOAK_PLANNER_TOKEN, process.env.SOAK_DEVICE_TOKEN];

let latencies = [], messages = 0, frames = 0, closed = 0, failures = 0;
const onStats = (m) => { messages++; latencies.push(Date.now() - Date.parse(m.updatedAt)); };

function connect(i) {
  const unit = units[i % units.length];
  const c = new signalR.HubConnectionBuilder()
    .withUrl(a.base + "/hubs/risk?frames=1", { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true, accessTokenFactory: () => tokens[i % 2] ?? "" })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => 1000 })
    .configureLogging(signalR.LogLevel.None)
    .build();
  // A tick's figures, alerts and tile areas for the group, in one frame (docs/live.md).
  c.on("Changes", (frame) => { frames++; for (const m of frame.stats) onStats(m); });
  c.onreconnecting(() => { closed++; });
  c.onreconnected(() => c.invoke("Subscribe", unit).catch(() => { failures++; }));
  c.onclose(() => { closed++; });
  return c.start().then(() => c.invoke("Subscribe", unit)).then(() => c, (e) => { failures++; process.stderr.write(`client ${i}: ${e}\n`); return c; });
}

const connections = [];
for (let i = 0; i < count; i += 50) connections.push(...await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => connect(i + k))));
process.stdout.write(JSON.stringify({ type: "ready", clients: connections.length, failures }) + "\n");
const start = Number(await new Promise((resolve) => createInterface({ input: process.stdin }).once("line", resolve)));
latencies = []; messages = 0; frames = 0; closed = 0; failures = 0;

for (let minute = 1; minute <= minutes; minute++) {
  const due = start + minute * 60_000;
  while (Date.now() < due) await sleep(Math.min(1000, due - Date.now()));
  const taken = latencies; latencies = [];
  const open = connections.filter((c) => c.state === signalR.HubConnectionState.Connected).length;
  process.stdout.write(JSON.stringify({ type: "minute", minute, messages, frames, live: summary(taken), connected: open, closed, failures }) + "\n");
  messages = 0; frames = 0; closed = 0; failures = 0;
}
await Promise.all(connections.map((c) => c.stop()));
process.exit(0);
