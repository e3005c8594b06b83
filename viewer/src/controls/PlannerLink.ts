// The desk's way into planner mode: a link to the same address with ?mode=planner.
import type { I18n } from "../i18n/i18n";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import { modeUrl } from "../viewerOptions";
import { TranslatedControl } from "./TranslatedControl";

export class PlannerLink extends TranslatedControl {
  constructor(i18n: I18n) {
    super(i18n, "planner-link");
  }

  protected build() {
    const link = testId(el("a", "planner-link-button"), TestIds.openPlanner);
    link.href = modeUrl(window.location.href, "planner");
    // The view moves (the hash follows it): take the address as it is at the click.
    link.addEventListener("click", () => { link.href = modeUrl(window.location.href, "planner"); });
    const render = () => {
      link.textContent = this.i18n.t("openPlanner");
      link.title = this.i18n.t("openPlannerTitle");
    };
    return { element: link, render };
  }
}
