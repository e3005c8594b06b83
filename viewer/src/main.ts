// Wires the viewer together; nothing else lives here (style.md).
import "maplibre-gl/dist/maplibre-gl.css";
// Noto Sans SC regular and bold, as ~100 unicode-range subsets each: a page loads only the subsets
// of the characters it shows (600 and 800 in the styles use the bold).
import "@fontsource/noto-sans-sc/400.css";
import "@fontsource/noto-sans-sc/700.css";
import "./viewer.css";
import { TestIds } from "./testIds";
import { parseViewerOptions } from "./viewerOptions";
import { I18n, followLanguage, resolveLang, storedLang } from "./i18n/i18n";
import { resolveScope } from "./scope";
import { LiveStore } from "./live/LiveStore";
import { LiveConnection } from "./live/LiveConnection";
import { MapReadiness } from "./map/MapReadiness";
import { startDesk } from "./desk/DeskScreen";
import { el, testId } from "./dom";
import { adoptTokenFromAddress } from "./auth";

/** A wall that started while the server was away tries again by itself. */
const WallRetryMs = 10_000;

adoptTokenFromAddress();
const options = parseViewerOptions(window.location.search);
const i18n = new I18n(resolveLang(options.lang, storedLang()));
followLanguage(i18n);
const container = document.getElementById("map") as HTMLElement;
const readiness = new MapReadiness(container);

resolveScope(options.unit)
  .then((scope) => {
    const store = new LiveStore();
    const connection = new LiveConnection(scope.code, store);
    connection.start();
    const ctx = { container, readiness, i18n, options, scope, store, connection };
    // The wall (uPlot) and the planner (terra-draw) are separate chunks: the desk's first load does not carry them.
    if (options.mode === "wall") return import("./wall/WallScreen").then((m) => m.startWall(ctx));
    if (options.mode === "planner") return import("./planner/PlannerScreen").then((m) => m.startPlanner(ctx));
    return startDesk(ctx);
  })
  .catch((err: unknown) => {
    readiness.set("error");
    const message = err instanceof Error ? err.message : String(err);
    container.append(testId(el("p", "load-error", i18n.t("mapLoadError", { message })), TestIds.loadError));
    if (options.mode === "wall") setTimeout(() => window.location.reload(), WallRetryMs);
  });
