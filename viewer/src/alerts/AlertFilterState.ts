// The desk's alert filter, remembered in localStorage; the ticker, the markers and the control
// follow its changes.
import { parseAlertFilter, type AlertFilter } from "./alertFilter";

export const AlertFilterStorageKey = "riskmap.alertFilter";

export class AlertFilterState {
  private filter: AlertFilter;
  private readonly listeners = new Set<() => void>();

  constructor(fallback: AlertFilter, private readonly remember: boolean) {
    this.filter = remember ? parseAlertFilter(readStored(), fallback) : fallback;
  }

  get(): AlertFilter {
    return this.filter;
  }

  set(next: AlertFilter): void {
    this.filter = next;
    if (this.remember) {
      try {
        localStorage.setItem(AlertFilterStorageKey, JSON.stringify(next));
      } catch {
        // storage full or refused: the filter still applies to this page
      }
    }
    for (const listener of this.listeners) listener();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function readStored(): string | null {
  try {
    return localStorage.getItem(AlertFilterStorageKey);
  } catch {
    return null;
  }
}
