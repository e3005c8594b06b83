// The desk screen: the map with its controls, the unit card on click, a button to planner mode,
// and a status bar with the connection state and the alert ticker.
import { UnitPicker } from "../map/UnitPicker";
import { UnitCard } from "../card/UnitCard";
import { PlannerLink } from "../controls/PlannerLink";
import { startDeskMap, type ScreenContext } from "../screen";

export async function startDesk(ctx: ScreenContext): Promise<void> {
  document.body.classList.add("desk");
  // The legend takes the top right: fit the scope beside it, not under it.
  const { map } = await startDeskMap(ctx, { top: 40, bottom: 40, left: 60, right: 320 });
  map.addControl(new PlannerLink(ctx.i18n), "top-left");
  new UnitPicker(map, new UnitCard(document.getElementById("card") as HTMLElement, ctx.i18n)).attach();
}
