// Label/value rows as a definition list: the unit card and the planner's panel draw figures alike.
import { el } from "../dom";
import type { CardRow } from "./unitCardRows";

export function figureList(rows: readonly CardRow[]): HTMLDListElement {
  const list = el("dl", "card-figures");
  for (const row of rows) {
    if (row.heading) {
      list.append(el("dt", "card-heading", row.label));
      continue;
    }
    const value = el("dd", "", row.value);
    if (row.key) value.dataset.row = row.key;
    list.append(el("dt", "", row.label), value);
  }
  return list;
}
