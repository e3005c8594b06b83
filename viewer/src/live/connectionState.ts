// The live connection's state as a screen shows it, as a pure state machine: "connecting" until the
// first snapshot, "live" while the hub delivers and the screen is caught up, "offline" from the
// moment the connection drops until a reconnect has resumed (caught up). While offline the screen
// keeps its last state and says since when; the connection retries forever, by itself.

export type Phase = "connecting" | "live" | "offline";

export interface ConnectionState {
  phase: Phase;
  /** Since when the screen is live; null unless live. */
  liveSince: number | null;
  /** The last moment the data shown was known current (the drop); null while live or before the first sync. */
  dataAsOf: number | null;
  /** Failed attempts since the last sync (for the retry delay). */
  attempts: number;
}

export type ConnectionEvent =
  /** Subscribe or Resume answered and was applied: the screen is current. */
  | { type: "synced"; at: number }
  /** The connection dropped (SignalR reconnecting, closed, or a start or sync call failed). */
  | { type: "lost"; at: number }
  /** Another attempt to connect failed. */
  | { type: "attemptFailed"; at: number };

export const initialState: ConnectionState = { phase: "connecting", liveSince: null, dataAsOf: null, attempts: 0 };

export function nextState(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case "synced":
      return { phase: "live", liveSince: event.at, dataAsOf: null, attempts: 0 };
    case "lost":
      if (state.phase === "live") return { phase: "offline", liveSince: null, dataAsOf: event.at, attempts: 0 };
      return { ...state, phase: state.phase === "connecting" ? "connecting" : "offline", attempts: state.attempts + 1 };
    case "attemptFailed":
      return { ...state, attempts: state.attempts + 1 };
  }
}

/** What to call once the transport is (re)connected: the first time Subscribe, afterwards Resume after the last version seen. */
export function syncCall(lastVersion: number | null): { method: "Subscribe" } | { method: "Resume"; afterVersion: number } {
  return lastVersion === null ? { method: "Subscribe" } : { method: "Resume", afterVersion: lastVersion };
}

/**
 * Milliseconds before reconnect attempt `attempt` (0-based): at once, then 1, 2 and 5 s, then every
 * 5 s forever — a wall screen must come back by itself however long the server was away.
 */
export function retryDelay(attempt: number): number {
  const delays = [0, 1000, 2000, 5000];
  return delays[Math.min(Math.max(attempt, 0), delays.length - 1)];
}

/** The time the data on screen is from: now while live, else the moment it was last known current. */
export function dataTime(state: ConnectionState, now: number): number | null {
  return state.phase === "live" ? now : state.dataAsOf;
}
