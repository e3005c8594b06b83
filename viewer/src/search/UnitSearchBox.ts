// Search by name or code: results as you type (with each one's place, 昭觉县 › 竹核乡), arrows to
// move, Enter to choose, Escape to close; choosing hands the unit on (the desk flies to it).
import { searchUnits } from "../api";
import type { I18n } from "../i18n/i18n";
import { LevelKeys } from "../i18n/names";
import type { UnitSearchHit } from "../types";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import { chosenIndex, moveHighlight, placePath, searchText } from "./searchList";

/** Wait this long after the last keystroke before asking (one request per pause, not per key). */
const DebounceMs = 180;
const Limit = 10;

export class UnitSearchBox {
  readonly element = el("div", "unit-search");
  private readonly input = testId(el("input", "unit-search-input"), TestIds.unitSearch);
  private readonly list = el("ul", "unit-search-results");
  private hits: UnitSearchHit[] = [];
  private highlighted = -1;
  private status: "idle" | "none" | "error" = "idle";
  private timer: ReturnType<typeof setTimeout> | null = null;
  private request: AbortController | null = null;

  constructor(private readonly i18n: I18n, private readonly onChoose: (hit: UnitSearchHit) => void) {
    this.input.type = "search";
    this.input.autocomplete = "off";
    this.input.setAttribute("role", "combobox");
    this.input.setAttribute("aria-autocomplete", "list");
    this.list.id = "unit-search-results";
    this.list.setAttribute("role", "listbox");
    this.input.setAttribute("aria-controls", this.list.id);
    this.input.addEventListener("input", () => this.schedule());
    this.input.addEventListener("keydown", (e) => this.key(e));
    this.input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
    this.element.append(this.input, this.list);
    i18n.onChange(() => this.render());
    this.render();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(), DebounceMs);
  }

  private async search(): Promise<void> {
    this.request?.abort();
    const text = searchText(this.input.value);
    if (!text) return this.close();
    const request = new AbortController();
    this.request = request;
    try {
      const hits = await searchUnits(text, Limit, request.signal);
      if (request.signal.aborted) return;
      this.hits = hits;
      this.status = hits.length === 0 ? "none" : "idle";
    } catch {
      if (request.signal.aborted) return;
      this.hits = [];
      this.status = "error";
    }
    this.highlighted = -1;
    this.render();
  }

  private key(e: KeyboardEvent): void {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      this.highlighted = moveHighlight(this.highlighted, e.key, this.hits.length);
      this.render();
    } else if (e.key === "Enter") {
      e.preventDefault();
      const i = chosenIndex(this.highlighted, this.hits.length);
      if (i !== null) this.choose(this.hits[i]);
    } else if (e.key === "Escape") {
      // First Escape closes the results; a second clears the text.
      if (this.hits.length > 0 || this.status !== "idle") this.close();
      else this.input.value = "";
    }
  }

  private choose(hit: UnitSearchHit): void {
    this.input.value = hit.name;
    this.close();
    this.onChoose(hit);
  }

  private close(): void {
    this.request?.abort();
    if (this.timer) clearTimeout(this.timer);
    this.hits = [];
    this.highlighted = -1;
    this.status = "idle";
    this.render();
  }

  private render(): void {
    const { t } = this.i18n;
    this.input.placeholder = t("searchPlaceholder");
    this.input.setAttribute("aria-label", t("searchPlaceholder"));
    const rows = this.hits.map((hit, i) => {
      const li = testId(el("li", "unit-search-result"), TestIds.unitSearchResult);
      li.id = `unit-search-result-${i}`;
      li.setAttribute("role", "option");
      li.dataset.code = hit.code;
      li.setAttribute("aria-selected", String(i === this.highlighted));
      if (i === this.highlighted) li.classList.add("is-highlighted");
      const line = el("div", "unit-search-line");
      line.append(el("strong", "unit-search-name", hit.name), el("span", "unit-search-level", t(LevelKeys[hit.level])));
      li.append(line);
      const path = placePath(hit);
      if (path) li.append(el("div", "unit-search-path", path));
      // mousedown, not click: the input's blur would close the list first.
      li.addEventListener("mousedown", (e) => {
        e.preventDefault();
        this.choose(hit);
      });
      return li;
    });
    if (this.status !== "idle") rows.push(el("li", "unit-search-empty", t(this.status === "none" ? "searchNone" : "searchError")));
    this.list.replaceChildren(...rows);
    this.list.hidden = rows.length === 0;
    this.input.setAttribute("aria-expanded", String(this.hits.length > 0));
    if (this.highlighted >= 0) this.input.setAttribute("aria-activedescendant", `unit-search-result-${this.highlighted}`);
    else this.input.removeAttribute("aria-activedescendant");
  }
}
