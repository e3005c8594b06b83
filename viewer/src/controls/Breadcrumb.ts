// Where the desk is in the hierarchy: 凉山州 › 昭觉县 › 新城镇. Each step above the last goes back up.
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import type { I18n } from "../i18n/i18n";

export interface BreadcrumbStep {
  code: string;
  name: string;
}

export class Breadcrumb {
  readonly element = testId(el("nav", "breadcrumb"), TestIds.breadcrumb);
  private steps: BreadcrumbStep[] = [];

  constructor(private readonly i18n: I18n, private readonly onChoose: (code: string) => void) {
    i18n.onChange(() => this.render());
  }

  set(steps: BreadcrumbStep[]): void {
    this.steps = steps;
    this.render();
  }

  private render(): void {
    this.element.setAttribute("aria-label", this.i18n.t("breadcrumbLabel"));
    const list = el("ol", "breadcrumb-list");
    this.steps.forEach((step, i) => {
      const li = el("li", "breadcrumb-step");
      if (i < this.steps.length - 1) {
        const button = testId(el("button", "breadcrumb-link", step.name), TestIds.breadcrumbStep);
        button.type = "button";
        button.dataset.code = step.code;
        button.addEventListener("click", () => this.onChoose(step.code));
        li.append(button);
      } else {
        const current = testId(el("span", "breadcrumb-current", step.name), TestIds.breadcrumbStep);
        current.dataset.code = step.code;
        current.setAttribute("aria-current", "location");
        li.append(current);
      }
      list.append(li);
    });
    this.element.replaceChildren(list);
    this.element.hidden = this.steps.length === 0;
  }
}
