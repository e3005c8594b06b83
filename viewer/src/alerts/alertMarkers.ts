// Which units carry an alert marker on the map: one per unit (a village's household alerts
// share it), the worst severity, pulsing while a live alert there waits for acknowledgement. Pure.
import type { Alert } from "../live/messages";

export interface AlertMarkerSpec {
  unitCode: string;
  severity: "red" | "yellow";
  /** A raised alert that arrived while the screen watched: it pulses until acknowledged. */
  pulse: boolean;
  alerts: number;
}

/** `open` newest first (LiveStore.openAlerts); at most `cap` units, those with the newest alerts. */
export function alertMarkers(open: readonly Alert[], arrivedLive: ReadonlySet<number>, cap: number): AlertMarkerSpec[] {
  const byUnit = new Map<string, AlertMarkerSpec>();
  for (const a of open) {
    let spec = byUnit.get(a.unitCode);
    if (!spec) {
      if (byUnit.size >= cap) continue;
      byUnit.set(a.unitCode, (spec = { unitCode: a.unitCode, severity: a.severity, pulse: false, alerts: 0 }));
    }
    spec.alerts++;
    if (a.severity === "red") spec.severity = "red";
    if (a.state === "raised" && arrivedLive.has(a.alertId)) spec.pulse = true;
  }
  return [...byUnit.values()];
}
