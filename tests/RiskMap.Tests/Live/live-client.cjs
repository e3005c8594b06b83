// A real @microsoft/signalr client for the live tests, driven over stdin/stdout with JSON lines.
//   node live-client.cjs <hub url> [token|-] [events|frames]      (NODE_PATH must reach viewer/node_modules)
// stdin:  {"id":1,"op":"subscribe","unit":"513431"} | {"id":2,"op":"resume","unit":"513431","after":7}
//         {"id":3,"op":"unsubscribe","unit":"513431"} | {"id":4,"op":"stop"} | {"id":5,"op":"start"}
// stdout: {"type":"ready"} | {"type":"result","id":1,"ok":true,"value":...} | {"type":"result","id":1,"ok":false,"error":"..."}
//         {"type":"message","name":"AlertRaised","data":{...},"frame":3,"receivedAt":1700000000000} | {"type":"closed"}
"use strict";
const signalR = require("@microsoft/signalr");
const readline = require("node:readline");

const token = process.argv[3] && process.argv[3] !== "-" ? process.argv[3] : undefined;
// events: the hub's named events (its contract by default); frames: one Changes frame a tick, as the viewer asks for.
const frames = process.argv[4] === "frames";
const url = frames ? `${process.argv[2]}?frames=1` : process.argv[2];
const write = (o) => process.stdout.write(JSON.stringify(o) + "\n");
// The token travels as the viewer sends it: accessTokenFactory (access_token in the WebSocket URL).
const options = { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true };
if (token) options.accessTokenFactory = () => token;
const connection = new signalR.HubConnectionBuilder()
  .withUrl(url, options)
  .configureLogging(signalR.LogLevel.None)
  .build();
// Named events arrive as they are (frame 0). A Changes frame (docs/live.md) is reported part by part,
// each numbered with the frame it came in: the figures of a unit or site as "UnitStatsChanged", an
// alert transition as "AlertRaised", "AlertUpdated" or "AlertResolved" (by its event), the frame's
// tile areas as "TilesInvalidated" ({ version, areas }) — the named events' own payloads.
const alertNames = { raised: "AlertRaised", resolved: "AlertResolved" };
if (frames) {
  let count = 0;
  connection.on("Changes", (frame) => {
    const receivedAt = Date.now();
    const f = ++count;
    const message = (name, data) => write({ type: "message", name, data, frame: f, receivedAt });
    for (const stats of frame.stats) message("UnitStatsChanged", stats);
    for (const alert of frame.alerts) message(alertNames[alert.event] ?? "AlertUpdated", alert);
    if (frame.tiles.length > 0) message("TilesInvalidated", { version: frame.version, areas: frame.tiles });
  });
} else {
  for (const name of ["UnitStatsChanged", "AlertRaised", "AlertUpdated", "AlertResolved", "TilesInvalidated"])
    connection.on(name, (data) => write({ type: "message", name, data, frame: 0, receivedAt: Date.now() }));
}
connection.onclose(() => write({ type: "closed" }));

async function run(command) {
  switch (command.op) {
    case "subscribe": return connection.invoke("Subscribe", command.unit);
    case "resume": return connection.invoke("Resume", command.unit, command.after);
    case "unsubscribe": return connection.invoke("Unsubscribe", command.unit);
    case "stop": return connection.stop();
    case "start": return connection.start();
    default: throw new Error(`unknown op ${command.op}`);
  }
}

readline.createInterface({ input: process.stdin }).on("line", async (line) => {
  if (!line.trim()) return;
  const command = JSON.parse(line);
  try {
    write({ type: "result", id: command.id, ok: true, value: (await run(command)) ?? null });
  } catch (e) {
    write({ type: "result", id: command.id, ok: false, error: String(e && e.message ? e.message : e) });
  }
}).on("close", async () => {
  await connection.stop();
  process.exit(0);
});

connection.start().then(() => write({ type: "ready" }), (e) => {
  write({ type: "failed", error: String(e && e.message ? e.message : e) });
  process.exit(1);
});
