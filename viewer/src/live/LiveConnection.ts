// The one module that owns the hub connection (style.md): /hubs/risk, subscribed to the screen's
// scope. SignalR reconnects by itself (forever, see retryDelay); after a reconnect the screen
// resumes after the last version it applied and applies the catch-up, or the snapshot on reset.
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import type { LiveStore } from "./LiveStore";
import { currentToken } from "../auth";
import type { CatchUp, Changes, Snapshot } from "./messages";
import { initialState, nextState, retryDelay, syncCall, type ConnectionEvent, type ConnectionState } from "./connectionState";

// With frames: a tick's changes for the subscription in one Changes message (docs/live.md).
export const HubPath = "hubs/risk?frames=1";

export class LiveConnection {
  private readonly connection: HubConnection;
  private state: ConnectionState = initialState;
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(private readonly unitCode: string, private readonly store: LiveStore, private readonly now: () => number = Date.now) {
    this.connection = new HubConnectionBuilder()
      // The token rides in the WebSocket's URL (browsers cannot set headers there); read at each (re)connect.
      .withUrl(HubPath, { accessTokenFactory: () => currentToken() ?? "" })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => retryDelay(ctx.previousRetryCount) })
      .configureLogging(LogLevel.None)
      .build();
    // One frame per relay tick: the figures, alert transitions and tile areas under the scope.
    this.connection.on("Changes", (m: Changes) => store.applyChanges(m));
    this.connection.onreconnecting(() => this.dispatch({ type: "lost", at: this.now() }));
    this.connection.onreconnected(() => void this.sync());
    // Only when SignalR stops for good (a failed sync stops it too): start again ourselves.
    this.connection.onclose(() => {
      this.dispatch({ type: "lost", at: this.now() });
      this.scheduleStart();
    });
  }

  get current(): ConnectionState {
    return this.state;
  }

  /** Calls `listener` now and on every change of state. */
  onState(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.connection.stop();
  }

  private async connect(): Promise<void> {
    this.retryTimer = null;
    if (this.stopped || this.connection.state !== HubConnectionState.Disconnected) return;
    try {
      await this.connection.start();
    } catch {
      this.dispatch({ type: "attemptFailed", at: this.now() });
      this.scheduleStart();
      return;
    }
    await this.sync();
  }

  /** Subscribe (first time) or Resume (after a reconnect) and apply the answer; on failure start over. */
  private async sync(): Promise<void> {
    const call = syncCall(this.store.version);
    try {
      if (call.method === "Subscribe") {
        this.store.applySnapshot(await this.connection.invoke<Snapshot>("Subscribe", this.unitCode));
      } else {
        this.store.applyCatchUp(await this.connection.invoke<CatchUp>("Resume", this.unitCode, call.afterVersion));
      }
      this.dispatch({ type: "synced", at: this.now() });
    } catch {
      // Not caught up means not live: drop the connection; onclose starts a new one.
      await this.connection.stop();
    }
  }

  private scheduleStart(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => void this.connect(), Math.max(retryDelay(this.state.attempts), 1000));
  }

  private dispatch(event: ConnectionEvent): void {
    const next = nextState(this.state, event);
    if (next === this.state) return;
    this.state = next;
    for (const l of [...this.listeners]) l(next);
  }
}
