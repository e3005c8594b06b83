import { describe, expect, it } from "vitest";
import { dataTime, initialState, nextState, retryDelay, syncCall, type ConnectionEvent } from "../../src/live/connectionState";

const run = (...events: ConnectionEvent[]) => events.reduce(nextState, initialState);

describe("connection state", () => {
  it("is connecting until the first snapshot, then live", () => {
    expect(initialState.phase).toBe("connecting");
    expect(run({ type: "lost", at: 5 }).phase).toBe("connecting");
    expect(run({ type: "synced", at: 10 })).toMatchObject({ phase: "live", liveSince: 10, dataAsOf: null });
  });

  it("goes offline on a drop, keeping the moment its data was last current through every failed attempt", () => {
    const offline = run({ type: "synced", at: 10 }, { type: "lost", at: 50 }, { type: "attemptFailed", at: 60 }, { type: "lost", at: 70 });
    expect(offline).toMatchObject({ phase: "offline", dataAsOf: 50, attempts: 2 });
  });

  it("is live again only when the resume has been applied", () => {
    const back = run({ type: "synced", at: 10 }, { type: "lost", at: 50 }, { type: "synced", at: 90 });
    expect(back).toMatchObject({ phase: "live", liveSince: 90, dataAsOf: null, attempts: 0 });
  });

  it("shows the time of its data: now while live, the drop while offline, none before any", () => {
    expect(dataTime(run({ type: "synced", at: 10 }), 1000)).toBe(1000);
    expect(dataTime(run({ type: "synced", at: 10 }, { type: "lost", at: 50 }), 1000)).toBe(50);
    expect(dataTime(initialState, 1000)).toBeNull();
  });

  it("subscribes the first time and resumes after the last version afterwards", () => {
    expect(syncCall(null)).toEqual({ method: "Subscribe" });
    expect(syncCall(0)).toEqual({ method: "Resume", afterVersion: 0 });
    expect(syncCall(4711)).toEqual({ method: "Resume", afterVersion: 4711 });
  });

  it("retries at once, then backs off to every 5 seconds, and never gives up", () => {
    expect([0, 1, 2, 3, 4, 100].map(retryDelay)).toEqual([0, 1000, 2000, 5000, 5000, 5000]);
  });
});
