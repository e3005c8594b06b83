// The live state a screen shows, built from the hub's snapshot, catch-ups and messages. Pure (no
// DOM, no connection), so idempotency is tested directly. Delivery and catch-up overlap by design
// (docs/live.md), so every message may come twice: figures are kept by `figuresVersion`, alerts by
// `alertVersion`, and an older or repeated one changes nothing and tells no one.
import { isOpen, type Alert, type CatchUp, type Changes, type Snapshot, type TilesInvalidated, type UnitStats } from "./messages";

/** An alert transition that arrived after the screen had its snapshot, and what was held before. */
export interface AlertChange {
  alert: Alert;
  previous: Alert | null;
}

export interface LiveStoreEvents {
  /** Everything was replaced by a snapshot (first subscribe, or a catch-up that had to reset). */
  reset: () => void;
  stats: (stats: UnitStats) => void;
  alert: (change: AlertChange) => void;
  tiles: (message: TilesInvalidated) => void;
}

/** Resolved alerts kept so a late repeat of their raise cannot reopen them. */
const ResolvedKept = 500;

export class LiveStore {
  private lastVersion: number | null = null;
  private readonly figures = new Map<string, UnitStats>();
  private readonly alerts = new Map<number, Alert>();
  private readonly listeners: { [K in keyof LiveStoreEvents]: Set<LiveStoreEvents[K]> } = {
    reset: new Set(), stats: new Set(), alert: new Set(), tiles: new Set(),
  };

  /** The highest log version applied; null before the first snapshot. A reconnect resumes after it. */
  get version(): number | null {
    return this.lastVersion;
  }

  on<K extends keyof LiveStoreEvents>(event: K, listener: LiveStoreEvents[K]): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  /** The figures of a unit (by code) or site (by id), if the screen has received them. */
  figuresOf(kind: "unit" | "site", id: string): UnitStats | undefined {
    return this.figures.get(`${kind}:${id}`);
  }

  /** Every unit's and site's figures received since the snapshot. */
  allFigures(): UnitStats[] {
    return [...this.figures.values()];
  }

  /** Raised and acknowledged alerts, newest raise first. */
  openAlerts(): Alert[] {
    return [...this.alerts.values()].filter(isOpen).sort(byNewest);
  }

  alert(id: number): Alert | undefined {
    return this.alerts.get(id);
  }

  /** Replaces everything with a snapshot: figures of the scope, the open alerts, its version. */
  applySnapshot(snapshot: Snapshot): void {
    // A snapshot may come from a database that was replaced, with lower versions: take it as is.
    this.lastVersion = snapshot.version;
    this.figures.clear();
    this.alerts.clear();
    if (snapshot.figures) this.figures.set(key(snapshot.figures), snapshot.figures);
    for (const a of snapshot.openAlerts) this.alerts.set(a.alertId, a);
    this.emit("reset");
  }

  /** A Resume answer: the changes after the version the screen had, or a reset snapshot. */
  applyCatchUp(catchUp: CatchUp): void {
    if (catchUp.reset && catchUp.snapshot) {
      this.applySnapshot(catchUp.snapshot);
      return;
    }
    for (const s of catchUp.stats) this.applyStats(s);
    for (const a of catchUp.alerts) this.applyAlert(a);
    this.noteVersion(catchUp.version);
  }

  /** A Changes frame: its figures, then its alert transitions, then its tile areas (when any); then its version. */
  applyChanges(changes: Changes): void {
    for (const s of changes.stats) this.applyStats(s);
    for (const a of changes.alerts) this.applyAlert(a);
    if (changes.tiles.length > 0) this.applyTiles({ version: changes.version, areas: changes.tiles });
    this.noteVersion(changes.version);
  }

  /** Returns whether the figures were newer than those held. */
  applyStats(stats: UnitStats): boolean {
    this.noteVersion(stats.version);
    const held = this.figures.get(key(stats));
    if (held && held.figuresVersion >= stats.figuresVersion) return false;
    this.figures.set(key(stats), stats);
    this.emit("stats", stats);
    return true;
  }

  /** Returns whether the alert transition was newer than the one held. */
  applyAlert(alert: Alert): boolean {
    this.noteVersion(alert.version);
    const previous = this.alerts.get(alert.alertId) ?? null;
    if (previous && previous.alertVersion >= alert.alertVersion) return false;
    this.alerts.set(alert.alertId, alert);
    if (!isOpen(alert)) this.forgetOldResolved();
    this.emit("alert", { alert, previous });
    return true;
  }

  applyTiles(message: TilesInvalidated): void {
    this.noteVersion(message.version);
    this.emit("tiles", message);
  }

  private noteVersion(version: number): void {
    if (Number.isFinite(version) && (this.lastVersion === null || version > this.lastVersion)) this.lastVersion = version;
  }

  private forgetOldResolved(): void {
    const closed = [...this.alerts.values()].filter((a) => !isOpen(a));
    if (closed.length <= ResolvedKept) return;
    closed.sort((a, b) => a.alertVersion - b.alertVersion || a.alertId - b.alertId);
    for (const a of closed.slice(0, closed.length - ResolvedKept)) this.alerts.delete(a.alertId);
  }

  private emit<K extends keyof LiveStoreEvents>(event: K, ...args: Parameters<LiveStoreEvents[K]>): void {
    for (const l of [...this.listeners[event]]) (l as (...a: Parameters<LiveStoreEvents[K]>) => void)(...args);
  }
}

function key(s: UnitStats): string {
  return `${s.kind}:${s.id}`;
}

function byNewest(a: Alert, b: Alert): number {
  return Date.parse(b.raisedAt ?? b.openedAt) - Date.parse(a.raisedAt ?? a.openedAt) || b.alertId - a.alertId;
}
