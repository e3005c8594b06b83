// The desk screen: the map with its controls, the unit card on click, and a status bar with the
// connection state and the alert ticker.
import maplibregl from "maplibre-gl";
import { createMap } from "../map/createMap";
import { UnitPicker } from "../map/UnitPicker";
import { UnitCard } from "../card/UnitCard";
import { LegendControl } from "../controls/LegendControl";
import { NoticeControl } from "../controls/NoticeControl";
import { LanguageSwitch } from "../controls/LanguageSwitch";
import { ConnectionBadge } from "../controls/ConnectionBadge";
import { AlertTicker } from "../alerts/AlertTicker";
import { Themes } from "../layers/palette";
import { el } from "../dom";
import { attachLiveMap, type ScreenContext } from "../screen";

export async function startDesk(ctx: ScreenContext): Promise<void> {
  const { container, i18n, store, connection } = ctx;
  document.body.classList.add("desk");
  const bar = el("footer", "status-bar");
  bar.append(new ConnectionBadge(connection, i18n).element, new AlertTicker(store, i18n, 8).element);
  document.body.append(bar);

  // The legend takes the top right: fit the scope beside it, not under it.
  const riskMap = await createMap(container, {
    theme: Themes.light, scopeBounds: ctx.scope.bbox ?? null, padding: { top: 40, bottom: 40, left: 60, right: 320 }, interactive: true,
  });
  const map = riskMap.map;
  ctx.readiness.attach(map);
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-left");
  map.addControl(new maplibregl.ScaleControl({}), "bottom-left");
  map.addControl(new LanguageSwitch(i18n), "top-right");
  map.addControl(new LegendControl(i18n), "top-right");
  map.addControl(new NoticeControl(i18n), "bottom-right");
  attachLiveMap(riskMap, store);
  new UnitPicker(map, new UnitCard(document.getElementById("card") as HTMLElement, i18n)).attach();
}
