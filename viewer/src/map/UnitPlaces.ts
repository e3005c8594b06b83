// Where units are (label point and extent), from /api/units/{code}, fetched once per unit and a
// few at a time: a burst of alerts must not become a burst of requests.
import { fetchUnit } from "../api";

export interface UnitPlace {
  labelPoint: [number, number] | null;
  bbox: [number, number, number, number] | null;
}

const Parallel = 4;

export class UnitPlaces {
  private readonly known = new Map<string, Promise<UnitPlace | null>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  get(code: string): Promise<UnitPlace | null> {
    let place = this.known.get(code);
    if (!place) {
      place = this.load(code);
      this.known.set(code, place);
      // A failure (server away) is not remembered: the next asker tries again.
      void place.then((p) => p === null && this.known.delete(code));
    }
    return place;
  }

  private async load(code: string): Promise<UnitPlace | null> {
    if (this.running >= Parallel) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      const unit = await fetchUnit(code);
      return { labelPoint: unit.labelPoint ?? null, bbox: unit.bbox ?? null };
    } catch {
      return null;
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
