// Planner mode (?mode=planner): the desk's map with a drawing toolbar and a side panel for the
// drawn region: its figures, units and sites, the households to visit, save and export.
import "./planner.css";
import type { I18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import { startDeskMap, type ScreenContext } from "../screen";
import { RegionDraw, Shapes, type Shape } from "./RegionDraw";
import { RegionPanel } from "./RegionPanel";
import { RegionActions } from "./RegionActions";
import { regionBody } from "./regionRequest";
import { modeUrl } from "../viewerOptions";

const ShapeKeys: Record<Shape, MessageKey> = { polygon: "drawPolygon", rectangle: "drawRectangle", circle: "drawCircle" };

export async function startPlanner(ctx: ScreenContext): Promise<void> {
  const { i18n } = ctx;
  document.body.classList.add("desk", "planner-mode");
  const aside = testId(el("aside", "planner"), TestIds.planner);
  document.body.append(aside);
  const riskMap = await startDeskMap(ctx, { top: 40, bottom: 40, left: 60, right: 60 });

  const panel = new RegionPanel(i18n, (allowed) => actions.allowHouseholds(allowed));
  const actions = new RegionActions(i18n);
  const draw = new RegionDraw(riskMap.map, (ring) => {
    const region = regionBody(ring);
    actions.use(region);
    if (region) void panel.show(region);
    else panel.clear();
  });
  const toolbar = new DrawToolbar(i18n, draw, () => {
    panel.clear();
    actions.use(null);
  });
  const header = el("header", "planner-header");
  const renderHeader = () => {
    const back = el("a", "planner-back", `← ${i18n.t("backToDesk")}`);
    back.href = modeUrl(window.location.href, "desk");
    back.addEventListener("click", () => { back.href = modeUrl(window.location.href, "desk"); });
    header.replaceChildren(el("h2", "card-title", i18n.t("plannerTitle")), back, el("p", "card-meta", i18n.t("plannerHint")));
  };
  renderHeader();
  i18n.onChange(renderHeader);
  aside.append(header, toolbar.element, panel.element, actions.element);
  draw.attach();
}

/** The shape buttons (one pressed) and "clear". */
class DrawToolbar {
  readonly element = el("div", "planner-toolbar");
  private shape: Shape = "polygon";

  constructor(private readonly i18n: I18n, private readonly draw: RegionDraw, private readonly onClear: () => void) {
    i18n.onChange(() => this.render());
    this.render();
  }

  private render(): void {
    const { t } = this.i18n;
    const buttons = Shapes.map((shape) => {
      const b = testId(el("button", "planner-button", t(ShapeKeys[shape])), `draw-${shape}`);
      b.type = "button";
      b.setAttribute("aria-pressed", String(shape === this.shape));
      b.addEventListener("click", () => {
        this.shape = shape;
        this.draw.use(shape);
        this.render();
      });
      return b;
    });
    const clear = testId(el("button", "planner-button", t("drawClear")), TestIds.drawClear);
    clear.type = "button";
    clear.addEventListener("click", () => {
      this.draw.clear();
      this.onClear();
    });
    this.element.replaceChildren(...buttons, clear);
  }
}
