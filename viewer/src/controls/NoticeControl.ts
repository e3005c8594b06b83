// Always visible: the boundaries are schematic (示意图, domain.md) and the data sources' attribution.
// `Notice` is the element (the wall puts it in a strip beside the map); `NoticeControl` puts it on a map.
import type { IControl } from "maplibre-gl";
import { TestIds } from "../testIds";
import type { I18n } from "../i18n/i18n";
import { el, testId } from "../dom";

/** A licence notice: kept in its original English in both languages. */
export const DataAttribution =
  "Contains data from GeoNames (geonames.org) and the SimpleMaps World Cities Database, CC BY 4.0";

/** What the map's data comes from: RiskMap's sources, then a deployment's own basemap's, when it has one. */
export function attributionText(basemapAttribution: string | null | undefined): string {
  return [DataAttribution, basemapAttribution?.trim()].filter(Boolean).join(" · ");
}

export class Notice {
  readonly element = el("div", "notice");
  private readonly attribution = testId(el("div", "notice-attribution", DataAttribution), TestIds.attribution);
  private readonly stopListening: () => void;

  constructor(i18n: I18n, basemapAttribution: string | null = null) {
    const schematic = testId(el("div", "notice-schematic"), TestIds.schematicNotice);
    this.setBasemapAttribution(basemapAttribution);
    this.element.append(schematic, this.attribution);
    const render = () => (schematic.textContent = i18n.t("schematicNotice"));
    render();
    this.stopListening = i18n.onChange(render);
  }

  setBasemapAttribution(basemapAttribution: string | null): void {
    this.attribution.textContent = attributionText(basemapAttribution);
  }

  remove(): void {
    this.stopListening();
    this.element.remove();
  }
}

export class NoticeControl implements IControl {
  private notice: Notice | null = null;

  constructor(private readonly i18n: I18n, private readonly basemapAttribution: string | null = null) {}

  onAdd(): HTMLElement {
    this.notice = new Notice(this.i18n, this.basemapAttribution);
    this.notice.element.classList.add("maplibregl-ctrl");
    return this.notice.element;
  }

  onRemove(): void {
    this.notice?.remove();
    this.notice = null;
  }
}
