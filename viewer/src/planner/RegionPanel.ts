// The planner's side panel: the drawn region's figures, units and sites (from /api/regions/query)
// and the households to visit (paged, worst first) when the caller's role may see them.
import { ApiError, fetchRegionHouseholds, queryRegion } from "../api";
import type { I18n } from "../i18n/i18n";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import { figureList } from "../card/figureList";
import { householdLine, regionRows, siteLine, unitLine } from "./regionRows";
import type { HouseholdToVisit, RegionBody, RegionFigures } from "./regionTypes";

/** Households per page of the visit list: a screenful or two, then "show more". */
const VisitPage = 50;

type Figures = { kind: "none" } | { kind: "loading" } | { kind: "error"; message: string } | { kind: "shown"; answer: RegionFigures };
type Visits = { kind: "none" } | { kind: "loading" } | { kind: "forbidden" } | { kind: "error"; message: string }
  | { kind: "shown"; total: number; households: HouseholdToVisit[] };

/** The error's readable part: the problem document's title and detail, else the message. */
export function problemText(err: unknown): string {
  return err instanceof ApiError ? err.detail : err instanceof Error ? err.message : String(err);
}

export class RegionPanel {
  readonly element = el("section", "planner-region");
  private figures: Figures = { kind: "none" };
  private visits: Visits = { kind: "none" };
  private region: RegionBody | null = null;
  private abort = new AbortController();

  constructor(private readonly i18n: I18n, private readonly onVisitAccess: (allowed: boolean) => void) {
    i18n.onChange(() => this.render());
  }

  /** Shows the region's figures and its first page of households; a later region cancels this one's requests. */
  async show(region: RegionBody): Promise<void> {
    this.abort.abort();
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.region = region;
    this.figures = { kind: "loading" };
    this.visits = { kind: "loading" };
    this.render();
    await Promise.all([
      queryRegion(region, signal).then(
        (answer) => { if (!signal.aborted) this.figures = { kind: "shown", answer }; },
        (err: unknown) => { if (!signal.aborted) this.figures = { kind: "error", message: problemText(err) }; }),
      this.loadVisits(region, 0, signal),
    ]);
    if (!signal.aborted) this.render();
  }

  clear(): void {
    this.abort.abort();
    this.region = null;
    this.figures = { kind: "none" };
    this.visits = { kind: "none" };
    this.render();
  }

  private async loadVisits(region: RegionBody, offset: number, signal: AbortSignal): Promise<void> {
    try {
      const page = await fetchRegionHouseholds(region, offset, VisitPage, signal);
      if (signal.aborted) return;
      const before = this.visits.kind === "shown" && offset > 0 ? this.visits.households : [];
      this.visits = { kind: "shown", total: page.total, households: [...before, ...page.households] };
      this.onVisitAccess(true);
    } catch (err) {
      if (signal.aborted) return;
      const forbidden = err instanceof ApiError && (err.status === 401 || err.status === 403);
      this.visits = forbidden ? { kind: "forbidden" } : { kind: "error", message: problemText(err) };
      this.onVisitAccess(!forbidden);
    }
  }

  private render(): void {
    this.element.replaceChildren(...this.figureParts(), ...this.visitParts());
  }

  private figureParts(): HTMLElement[] {
    const { t } = this.i18n;
    const f = this.figures;
    if (f.kind === "none") return [];
    if (f.kind === "loading") return [testId(el("p", "card-status", t("regionLoading")), TestIds.regionStatus)];
    if (f.kind === "error") return [testId(el("p", "card-status card-error", t("regionError", { message: f.message })), TestIds.regionStatus)];
    const { answer } = f;
    const notes = answer.notes.map((n) => el("p", "card-updated", n));
    const units = this.list(t("regionUnits", { count: answer.units.length }), answer.units.map((u) => unitLine(u, this.i18n)), TestIds.regionUnits);
    const sites = this.list(t("regionSites", { count: answer.sites.length }), answer.sites.map((s) => siteLine(s, this.i18n)), TestIds.regionSites);
    return [...notes, testId(figureList(regionRows(answer, this.i18n)), TestIds.regionFigures), units, sites];
  }

  private visitParts(): HTMLElement[] {
    const { t, count } = this.i18n;
    const v = this.visits;
    if (v.kind === "none") return [];
    const heading = el("h3", "planner-heading", t("visitList"));
    const status = (text: string, cls = "card-status") => testId(el("p", cls, text), TestIds.visitStatus);
    if (v.kind === "loading") return [heading, status(t("regionLoading"))];
    if (v.kind === "forbidden") return [heading, status(t("visitNotAllowed"), "card-status planner-forbidden")];
    if (v.kind === "error") return [heading, status(t("visitError", { message: v.message }), "card-status card-error")];
    if (v.total === 0) return [heading, status(t("visitNone"))];
    const list = this.list("", v.households.map((h) => householdLine(h, this.i18n)), TestIds.visitList);
    const parts = [heading, status(t("visitTotal", { count: count(v.total) })), list];
    const left = v.total - v.households.length;
    if (left > 0 && this.region) {
      const more = el("button", "planner-button", t("visitMore", { count: count(Math.min(left, VisitPage)) }));
      more.type = "button";
      const region = this.region;
      const signal = this.abort.signal;
      more.addEventListener("click", () => {
        more.disabled = true;
        void this.loadVisits(region, v.households.length, signal).then(() => { if (!signal.aborted) this.render(); });
      });
      parts.push(more);
    }
    return parts;
  }

  private list(title: string, lines: { name: string; detail: string }[], id: string): HTMLElement {
    const box = testId(el("div", "planner-list"), id);
    if (title) box.append(el("h3", "planner-heading", title));
    const items = el("ol", "planner-items");
    for (const line of lines) {
      const item = el("li");
      item.append(el("span", "planner-item-name", line.name), el("span", "planner-item-detail", line.detail));
      items.append(item);
    }
    box.append(items);
    return box;
  }
}
