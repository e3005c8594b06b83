// The wall screen (?mode=wall): dark, full screen, read from metres away. Header with the scope and
// the connection state; the map with the tour; KPI tiles and trends beside it; the alert ticker
// below; a new red alert over the map until acknowledged.
import "./wall.css";
import { createMap } from "../map/createMap";
import { Legend } from "../controls/LegendControl";
import { Notice } from "../controls/NoticeControl";
import { ConnectionBadge } from "../controls/ConnectionBadge";
import { AlertTicker } from "../alerts/AlertTicker";
import { Themes } from "../layers/palette";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import { attachLiveMap, type ScreenContext } from "../screen";
import { ScopeFigures } from "./ScopeFigures";
import { KpiPanel } from "./KpiPanel";
import { TrendChart } from "./TrendChart";
import { AlertTakeover } from "./AlertTakeover";
import { WallTour } from "./WallTour";

export async function startWall(ctx: ScreenContext): Promise<void> {
  const { container, i18n, store, connection, scope } = ctx;
  document.body.classList.add("wall");
  const root = testId(el("div", "wall-root"), TestIds.wall);

  const header = el("header", "wall-header");
  const title = testId(el("h1", "wall-title"), TestIds.wallTitle);
  const renderTitle = () => (title.textContent = i18n.t("wallTitle", { unit: scope.name }));
  renderTitle();
  i18n.onChange(renderTitle);
  header.append(title, new ConnectionBadge(connection, i18n).element);

  const figures = new ScopeFigures(scope, store);
  const trends = new TrendChart(scope.code, store, i18n);
  const panel = el("aside", "wall-panel");
  panel.append(new KpiPanel(figures, store, i18n).element, trends.element);

  const footer = el("footer", "wall-footer");
  footer.append(new AlertTicker(store, i18n, 6).element);

  // Legend and notice in a strip under the map, not over it: nothing covers a unit on the wall.
  const mapFrame = el("main", "wall-map");
  const mapArea = el("div", "wall-map-area");
  const takeover = new AlertTakeover(store, i18n);
  mapArea.append(container, takeover.element);
  const strip = el("div", "wall-legend");
  const notice = new Notice(i18n);
  strip.append(new Legend(i18n).element, notice.element);
  mapFrame.append(mapArea, strip);
  root.append(header, mapFrame, panel, footer);
  document.body.prepend(root);
  void trends.load();

  const riskMap = await createMap(container, {
    theme: Themes.dark, scopeBounds: scope.bbox ?? null, padding: { top: 40, bottom: 40, left: 40, right: 40 }, interactive: false,
  });
  const map = riskMap.map;
  notice.setBasemapAttribution(riskMap.basemapAttribution);
  ctx.readiness.attach(map);
  const { places } = attachLiveMap(riskMap, store);

  const tour = new WallTour(map, () => figures.unit, i18n, ctx.options.tourSeconds);
  mapArea.append(tour.element);
  connection.onState((s) => tour.setLive(s.phase === "live"));
  // A red alert taking over shows its place below it, and holds the tour there until dismissed.
  takeover.onShown((alert) => {
    if (!alert) return tour.hold(null);
    void places.get(alert.unitCode).then((p) => {
      if (takeover.element.dataset.alertId === String(alert.alertId)) tour.hold(p?.bbox ?? null, takeover.element.offsetHeight);
    });
  });
  map.once("idle", () => tour.start());
}
