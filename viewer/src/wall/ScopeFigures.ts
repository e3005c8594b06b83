// The scope unit as the API reads it (figures, zones below it, key against other counties), read
// again shortly after live changes under it so the derived counts follow; on failure (server away)
// the last reading stays.
import { fetchUnit } from "../api";
import type { LiveStore } from "../live/LiveStore";
import type { Unit } from "../types";

/** Changes come in bursts (a flood report): read once after the burst. */
const ReadAfterMs = 1500;

export class ScopeFigures {
  private readonly listeners = new Set<(unit: Unit) => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private reading = false;
  private again = false;

  constructor(private current: Unit, store: LiveStore) {
    store.on("stats", (s) => {
      if (s.kind === "unit" && s.id === current.code) this.emit();
      this.schedule();
    });
    store.on("reset", () => this.schedule());
  }

  get unit(): Unit {
    return this.current;
  }

  onChange(listener: (unit: Unit) => void): void {
    this.listeners.add(listener);
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.read(), ReadAfterMs);
  }

  private async read(): Promise<void> {
    this.timer = null;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    try {
      this.current = await fetchUnit(this.current.code);
      this.emit();
    } catch {
      // keep the last reading; the next change or the resume after a reconnect reads again
    } finally {
      this.reading = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }

  private emit(): void {
    for (const l of [...this.listeners]) l(this.current);
  }
}
