// Shared helpers for the live benchmarks: argument parsing, connections, percentiles.
import * as signalR from "@microsoft/signalr";
import WebSocket from "ws";

export function args() {
  const out = {};
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 2) out[a[i].replace(/^--/, "")] = a[i + 1];
  return out;
}

/** The bearer token the benchmark signs in with (RISKMAP_TOKEN, set by run.sh), as request headers. */
export function authHeaders() {
  return process.env.RISKMAP_TOKEN ? { authorization: `Bearer ${process.env.RISKMAP_TOKEN}` } : {};
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function summary(values) {
  const s = [...values].sort((x, y) => x - y);
  const round = (v) => (v === null ? null : Math.round(v * 10) / 10);
  return { count: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s[s.length - 1] ?? null) };
}

/**
 * Opens `count` SignalR connections (WebSockets, no negotiation), `parallel` at a time; `onMessage`
 * gets every message (every part of a Changes frame), `onFrame` (optional) every Changes frame whole.
 */
export async function signalRConnections(url, count, onMessage, parallel = 100, onFrame = null) {
  const connections = [];
  for (let i = 0; i < count; i += parallel) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + parallel); j++) {
      const c = new signalR.HubConnectionBuilder()
        .withUrl(url, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true, accessTokenFactory: () => process.env.RISKMAP_TOKEN ?? "" })
        .configureLogging(signalR.LogLevel.None)
        .build();
      // A Changes frame (docs/live.md) is passed on part by part under the names of the per-unit
      // contract before it, so the same measurements run against either server.
      for (const name of ["UnitStatsChanged", "AlertRaised", "AlertUpdated", "AlertResolved", "TilesInvalidated"])
        c.on(name, (data) => onMessage(j, name, data));
      c.on("Changes", (frame) => {
        if (onFrame) onFrame(j, frame);
        for (const s of frame.stats) onMessage(j, "UnitStatsChanged", s);
        for (const a of frame.alerts) onMessage(j, a.event === "raised" ? "AlertRaised" : a.event === "resolved" ? "AlertResolved" : "AlertUpdated", a);
        if (frame.tiles.length > 0) onMessage(j, "TilesInvalidated", { version: frame.version, areas: frame.tiles });
      });
      connections.push(c);
      batch.push(c.start());
    }
    await Promise.all(batch);
  }
  return connections;
}

/** Opens `count` raw WebSocket connections. */
export async function rawConnections(url, count, onMessage, parallel = 100) {
  const sockets = [];
  for (let i = 0; i < count; i += parallel) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + parallel); j++) {
      const ws = new WebSocket(url);
      // Parsed like the SignalR client parses its messages, so both clients do the same work.
      ws.on("message", (data) => onMessage(j, "raw", JSON.parse(data.toString())));
      sockets.push(ws);
      batch.push(new Promise((resolve, reject) => { ws.once("open", resolve); ws.once("error", reject); }));
    }
    await Promise.all(batch);
  }
  return sockets;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
