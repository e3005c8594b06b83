// The desk's way into planner mode: a link to the same address with ?mode=planner.
import type { IControl } from "maplibre-gl";
import type { I18n } from "../i18n/i18n";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import { modeUrl } from "../viewerOptions";

export class PlannerLink implements IControl {
  private container: HTMLElement | null = null;
  private stopListening: (() => void) | null = null;

  constructor(private readonly i18n: I18n) {}

  onAdd(): HTMLElement {
    const box = el("div", "maplibregl-ctrl maplibregl-ctrl-group planner-link");
    const link = testId(el("a", "planner-link-button"), TestIds.openPlanner);
    link.href = modeUrl(window.location.href, "planner");
    // The view moves (the hash follows it): take the address as it is at the click.
    link.addEventListener("click", () => { link.href = modeUrl(window.location.href, "planner"); });
    const render = () => {
      link.textContent = this.i18n.t("openPlanner");
      link.title = this.i18n.t("openPlannerTitle");
    };
    render();
    this.stopListening = this.i18n.onChange(render);
    box.append(link);
    this.container = box;
    return box;
  }

  onRemove(): void {
    this.stopListening?.();
    this.container?.remove();
    this.container = null;
  }
}
