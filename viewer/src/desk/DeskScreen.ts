// The desk screen: the map with its controls, a search box and a breadcrumb over it, the unit card
// (drilling county → township → village), a button to planner mode, replay "as of" a moment, and a
// status bar with the connection state, the alert filter and the ticker.
import { UnitPicker } from "../map/UnitPicker";
import { UnitCard } from "../card/UnitCard";
import { PlannerLink } from "../controls/PlannerLink";
import { Breadcrumb } from "../controls/Breadcrumb";
import { UnitSearchBox } from "../search/UnitSearchBox";
import { Themes } from "../layers/palette";
import { el } from "../dom";
import { startDeskMap, type ScreenContext } from "../screen";
import { UnitFocus } from "./UnitFocus";
import { ReplayControl } from "../replay/ReplayControl";

export async function startDesk(ctx: ScreenContext): Promise<void> {
  const { i18n } = ctx;
  document.body.classList.add("desk");
  // The legend takes the top right: fit the scope beside it, not under it.
  const riskMap = await startDeskMap(ctx, { top: 40, bottom: 40, left: 60, right: 320 });
  const { map } = riskMap;
  map.addControl(new PlannerLink(i18n), "top-left");
  const replay = new ReplayControl(ctx.scope.code, riskMap.live.updates, riskMap.live.places, i18n, ctx.options.asOf);
  map.addControl(replay, "top-left");
  const card = new UnitCard(document.getElementById("card") as HTMLElement, i18n);
  replay.onMoment((moment) => card.setReplay(moment));
  // A focused unit is fitted between the card (left) and the legend (right), under the search bar.
  const breadcrumb = new Breadcrumb(i18n, (code) => void focus.open(code, true));
  const focus = new UnitFocus(map, card, breadcrumb, ctx.scope, riskMap.sources, Themes.light, { top: 70, bottom: 40, left: 350, right: 320 });
  const search = new UnitSearchBox(i18n, (hit) => void focus.open(hit.code, true, hit.name));
  const nav = el("div", "desk-nav");
  nav.append(search.element, breadcrumb.element);
  document.body.append(nav);
  new UnitPicker(map, (picked) => focus.pick(picked)).attach();
}
