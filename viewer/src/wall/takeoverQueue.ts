// Red alerts that take over part of the wall: one raised while the screen watches stays until it is
// acknowledged (anywhere: AlertUpdated) or resolved. Newest first. Pure.
import type { Alert } from "../live/messages";

/** The queue after an alert transition. */
export function nextTakeovers(queue: readonly Alert[], alert: Alert): Alert[] {
  const rest = queue.filter((a) => a.alertId !== alert.alertId);
  if (alert.severity === "red" && alert.state === "raised") return [alert, ...rest];
  return rest;
}

/** After a reset snapshot: keep only those still raised, as the snapshot has them. */
export function keepStillRaised(queue: readonly Alert[], lookup: (id: number) => Alert | undefined): Alert[] {
  return queue.flatMap((a) => {
    const now = lookup(a.alertId);
    return now && now.state === "raised" ? [now] : [];
  });
}
