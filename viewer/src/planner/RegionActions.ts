// What a planner does with a drawn region: save it as a watch region (name, optional rule) and
// export its figures and, when the role allows, its household list.
import { exportRegion, saveWatchRegion } from "../api";
import type { I18n, MessageKey } from "../i18n/i18n";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import { problemText } from "./RegionPanel";
import { watchRegionRequest, type WatchForm } from "./regionRequest";
import type { RegionBody, RuleMetric } from "./regionTypes";

const Metrics: { metric: RuleMetric | ""; key: MessageKey }[] = [
  { metric: "", key: "ruleNoneOption" },
  { metric: "shareAtLeastTwo", key: "metricShareAtLeastTwo" },
  { metric: "shareThree", key: "metricShareThree" },
  { metric: "householdsAtThree", key: "metricHouseholdsAtThree" },
];

/** The API's export (`/api/regions/<file>`), the button's label, the file saved, whether it lists households. */
const Exports: { file: string; key: MessageKey; saveAs: string; households: boolean }[] = [
  { file: "query.csv", key: "exportFiguresCsv", saveAs: "region-figures.csv", households: false },
  { file: "query.geojson", key: "exportFiguresGeoJson", saveAs: "region-figures.geojson", households: false },
  { file: "households.csv", key: "exportHouseholdsCsv", saveAs: "region-households.csv", households: true },
  { file: "households.geojson", key: "exportHouseholdsGeoJson", saveAs: "region-households.geojson", households: true },
];

export class RegionActions {
  readonly element = el("section", "planner-actions");
  private region: RegionBody | null = null;
  private householdsAllowed = true;
  private readonly name = testId(el("input", "planner-input"), TestIds.saveName);
  private readonly metric = el("select", "planner-input");
  private readonly raise = el("input", "planner-input planner-number");
  private readonly clear = el("input", "planner-input planner-number");
  private readonly minimum = el("input", "planner-input planner-number");
  private readonly saveStatus = testId(el("p", "card-status"), TestIds.saveStatus);
  private readonly exportStatus = el("p", "card-status card-error");

  constructor(private readonly i18n: I18n) {
    for (const input of [this.raise, this.clear, this.minimum]) {
      input.type = "number";
      input.min = "0";
      input.step = "any";
    }
    this.name.maxLength = 200;
    i18n.onChange(() => this.render());
    this.render();
  }

  /** The region the buttons act on; null hides them. */
  use(region: RegionBody | null): void {
    this.region = region;
    this.saveStatus.textContent = "";
    this.exportStatus.textContent = "";
    this.render();
  }

  /** Whether the household list (and so its exports) is allowed for the caller's role. */
  allowHouseholds(allowed: boolean): void {
    this.householdsAllowed = allowed;
    this.render();
  }

  private render(): void {
    const { t } = this.i18n;
    if (!this.region) {
      this.element.replaceChildren();
      return;
    }
    const chosen = this.metric.value;
    this.metric.replaceChildren(...Metrics.map(({ metric, key }) => new Option(t(key), metric, false, metric === chosen)));
    const save = testId(el("button", "planner-button", t("saveButton")), TestIds.saveButton);
    save.type = "button";
    save.addEventListener("click", () => void this.save());
    const field = (key: MessageKey, input: HTMLElement) => {
      const label = el("label", "planner-field", t(key));
      label.append(input);
      return label;
    };
    const rule = el("div", "planner-rule");
    rule.append(field("saveRaise", this.raise), field("saveClear", this.clear), field("saveMinimum", this.minimum));
    const exports = testId(el("div", "planner-exports"), TestIds.exportButtons);
    for (const e of Exports.filter((x) => this.householdsAllowed || !x.households)) {
      const button = el("button", "planner-button", t(e.key));
      button.type = "button";
      button.addEventListener("click", () => void this.download(e.file, e.saveAs));
      exports.append(button);
    }
    this.element.replaceChildren(
      el("h3", "planner-heading", t("saveTitle")), field("saveName", this.name), field("saveMetric", this.metric), rule, save, this.saveStatus,
      el("h3", "planner-heading", t("exportTitle")), exports, this.exportStatus);
  }

  private async save(): Promise<void> {
    const { t } = this.i18n;
    if (!this.region) return;
    const form: WatchForm = {
      name: this.name.value, metric: this.metric.value as RuleMetric | "", raise: this.raise.value, clear: this.clear.value, minimumHouseholds: this.minimum.value,
    };
    const built = watchRegionRequest(form, this.region);
    if ("fault" in built) {
      this.status(t(built.fault), true);
      return;
    }
    try {
      const saved = await saveWatchRegion(built.request);
      this.status(t("saved", { name: saved.name, id: saved.regionId }), false);
    } catch (err) {
      this.status(t("saveError", { message: problemText(err) }), true);
    }
  }

  private status(text: string, fault: boolean): void {
    this.saveStatus.textContent = text;
    this.saveStatus.classList.toggle("card-error", fault);
  }

  private async download(file: string, saveAs: string): Promise<void> {
    if (!this.region) return;
    try {
      const blob = await exportRegion(file, this.region);
      const link = el("a");
      link.href = URL.createObjectURL(blob);
      link.download = saveAs;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      this.exportStatus.textContent = "";
    } catch (err) {
      this.exportStatus.textContent = this.i18n.t("exportError", { message: problemText(err) });
    }
  }
}
