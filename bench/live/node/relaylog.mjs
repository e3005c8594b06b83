// The server's share of fan-out latency, from the relay's debug lines in the server's log
// (LiveRelay: "… saved +A ms read, +B ms sending, +C ms written to every connection"): per tick, from
// the oldest figures being saved to the relay having read them from the log, to it starting to send,
// and to the tick's frames being written to every connection. Reads the log from line `from` (1-based) on.
//   node relaylog.mjs server.log [from]
import { readFileSync } from "node:fs";
import { summary } from "./common.mjs";

const [file, from = "1"] = process.argv.slice(2);
const lines = readFileSync(file, "utf8").split("\n").slice(Number(from) - 1);
const read = [], sending = [], written = [];
for (const line of lines) {
  const m = /Live relay sent version \d+: \d+ frames, \d+ figures; saved \+(-?[\d.]+) ms read, \+(-?[\d.]+) ms sending, \+(-?[\d.]+) ms written/.exec(line);
  if (!m) continue;
  read.push(Number(m[1]));
  sending.push(Number(m[2]));
  written.push(Number(m[3]));
}
console.log(JSON.stringify({ ticks: written.length, savedToReadMs: summary(read), savedToSendingMs: summary(sending), savedToWrittenMs: summary(written) }, null, 2));
