// The side card for one unit: name, level, zone and figures from /api/units/{code}.
import type { Unit } from "../types";
import { TestIds } from "../testIds";
import { LevelNames, zoneName } from "../format";
import { zoneColor, KeyCountyOutline } from "../layers/palette";
import { unitCardRows } from "./unitCardRows";

export class UnitCard {
  private onClose: (() => void) | null = null;

  constructor(private readonly element: HTMLElement) {}

  /** Shows a loading line while the unit's figures are fetched. */
  showLoading(name: string): void {
    this.render(el("p", "card-status", `${name} 加载中…`));
  }

  showError(message: string): void {
    this.render(el("p", "card-status card-error", `无法加载: ${message}`));
  }

  show(unit: Unit): void {
    const header = el("header", "card-header");
    const title = el("h2", "card-title", unit.name);
    title.dataset.testid = TestIds.unitCardName;
    const meta = el("p", "card-meta", `${LevelNames[unit.level] ?? unit.level} · ${unit.code}`);
    const zone = el("span", "card-zone", zoneName(unit.zone));
    zone.style.background = zoneColor(unit.zone);
    header.append(title, meta, zone);
    if (unit.isKeyCounty) {
      const key = el("span", "card-key", "国家乡村振兴重点帮扶县");
      key.style.borderColor = KeyCountyOutline;
      header.append(key);
    }
    if (unit.scaleReturn) header.append(el("span", "card-scale", "规模性返贫风险"));

    const table = el("dl", "card-figures");
    for (const row of unitCardRows(unit)) {
      if (row.heading) {
        table.append(el("dt", "card-heading", row.label));
        continue;
      }
      table.append(el("dt", "", row.label), el("dd", "", row.value));
    }
    const updated = el("p", "card-updated", `更新于 ${new Date(unit.updatedAt).toLocaleString("zh-CN")}`);
    this.render(header, table, updated);
  }

  hide(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
  }

  /** Called when the user closes the card (to clear the map's selection). */
  onClosed(handler: () => void): void {
    this.onClose = handler;
  }

  private render(...children: HTMLElement[]): void {
    const close = el("button", "card-close", "×");
    close.setAttribute("aria-label", "关闭");
    close.dataset.testid = TestIds.unitCardClose;
    close.addEventListener("click", () => {
      this.hide();
      this.onClose?.();
    });
    this.element.replaceChildren(close, ...children);
    this.element.hidden = false;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
