// The wall's KPI tiles, re-rendered when the scope's figures, the open alerts or the language change.
import type { LiveStore } from "../live/LiveStore";
import type { I18n } from "../i18n/i18n";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import { wallKpis } from "./kpis";
import type { ScopeFigures } from "./ScopeFigures";

export class KpiPanel {
  readonly element = el("section", "kpis");

  constructor(private readonly scope: ScopeFigures, private readonly store: LiveStore, private readonly i18n: I18n) {
    scope.onChange(() => this.render());
    store.on("alert", () => this.render());
    store.on("reset", () => this.render());
    i18n.onChange(() => this.render());
    this.render();
  }

  private render(): void {
    const unit = this.scope.unit;
    const kpis = wallKpis(unit, this.store.figuresOf("unit", unit.code), this.store.openAlerts(), this.i18n);
    this.element.replaceChildren(...kpis.map((k) => {
      const tile = testId(el("div", `kpi kpi-${k.id} tone-${k.tone}`), `kpi-${k.id}`);
      tile.append(el("div", "kpi-label", k.label), testId(el("div", "kpi-value", k.value), TestIds.kpiValue), el("div", "kpi-detail", k.detail));
      return tile;
    }));
  }
}
