// The desk's unit in focus: picked on the map, chosen in the search or the breadcrumb, or from a
// card's list of children. A county or township in focus is flown to and shows its children
// (drillLayers); a village is marked. The card and the breadcrumb follow.
import type { Map as MapLibreMap, PaddingOptions } from "maplibre-gl";
import { fetchChildren, fetchUnit } from "../api";
import type { Unit } from "../types";
import type { UnitCard } from "../card/UnitCard";
import type { Breadcrumb } from "../controls/Breadcrumb";
import type { SourceZooms } from "../map/tileCover";
import type { PickedUnit } from "../map/UnitPicker";
import { LayerOfLevel, drillFillLayer, drillOutlineLayer, drillTarget, focusZoom, ownFillOpacity, type DrillTarget } from "../layers/drillLayers";
import { shareFillOpacity, type UnitLayer } from "../layers/unitLayers";
import type { Theme } from "../layers/palette";

export class UnitFocus {
  private selected: { layer: UnitLayer; code: string } | null = null;
  private drilled: DrillTarget | null = null;
  private request: AbortController | null = null;
  /** Ancestors by code: names for the breadcrumb, fetched once. */
  private readonly ancestors = new Map<string, Promise<Unit>>();

  constructor(
    private readonly map: MapLibreMap,
    private readonly card: UnitCard,
    private readonly breadcrumb: Breadcrumb,
    private readonly scope: Unit,
    private readonly sources: SourceZooms[],
    private readonly theme: Theme,
    private readonly padding: PaddingOptions,
  ) {
    card.onClosed(() => this.select(null));
    card.onChildChosen((code) => void this.open(code, true));
    this.ancestors.set(scope.code, Promise.resolve(scope));
    breadcrumb.set([{ code: scope.code, name: scope.name }]);
  }

  /** A click on the map: a county or township is drilled into, a village marked; nothing closes the card. */
  pick(picked: PickedUnit | null): void {
    if (!picked) {
      this.request?.abort();
      this.select(null);
      this.card.hide();
      return;
    }
    void this.open(picked.code, picked.layer !== "villages", picked.name);
  }

  /** Focuses the unit: card, breadcrumb, mark and drill; `fly` moves the map to it. */
  async open(code: string, fly: boolean, name?: string): Promise<void> {
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    this.card.showLoading(name ?? code);
    try {
      const unit = await fetchUnit(code, request.signal);
      if (request.signal.aborted) return;
      this.card.show(unit);
      this.select(LayerOfLevel[unit.level] ? { layer: LayerOfLevel[unit.level]!, code: unit.code } : null);
      this.drill(unit);
      if (fly) this.flyTo(unit);
      this.breadcrumb.set((await this.pathTo(unit)).map((u) => ({ code: u.code, name: u.name })));
      if (unit.level !== "village" && unit.childCodes.length > 0) {
        const children = await fetchChildren(unit.code, request.signal);
        if (!request.signal.aborted) this.card.showChildren(unit.code, children);
      }
    } catch (err) {
      if (!request.signal.aborted) this.card.showError(err instanceof Error ? err.message : String(err));
    }
  }

  /** The scope's unit down to `unit` (ancestors outside the scope are not the viewer's to show). */
  private async pathTo(unit: Unit): Promise<Unit[]> {
    const path = [unit];
    let parent = unit.code === this.scope.code ? null : unit.parentCode;
    while (parent && path.length < 6) {
      let known = this.ancestors.get(parent);
      if (!known) this.ancestors.set(parent, (known = fetchUnit(parent)));
      const up = await known;
      path.unshift(up);
      parent = up.code === this.scope.code ? null : up.parentCode;
    }
    return path;
  }

  private drill(unit: Unit): void {
    // A village keeps its township drilled: its neighbours stay drawn around it.
    const target = unit.level === "village" ? (unit.parentCode ? drillTarget(unit.parentCode, "township") : null) : drillTarget(unit.code, unit.level);
    if (target?.code === this.drilled?.code) return;
    for (const id of ["drill-fill", "drill-outline"]) if (this.map.getLayer(id)) this.map.removeLayer(id);
    if (this.drilled?.own) this.map.setPaintProperty(`${this.drilled.own}-fill`, "fill-opacity", shareFillOpacity(this.theme));
    this.drilled = target;
    if (!target) return;
    const minzoom = this.minZoomOf(target.children);
    if (target.own) this.map.setPaintProperty(`${target.own}-fill`, "fill-opacity", ownFillOpacity(target.code, minzoom, this.theme));
    // Above the units' fills, below their outlines, the selection and the sites.
    this.map.addLayer(drillFillLayer(target, minzoom, this.theme), "villages-outline");
    this.map.addLayer(drillOutlineLayer(target, minzoom, this.theme), "key-counties-outline");
  }

  private flyTo(unit: Unit): void {
    if (!unit.bbox) return;
    const camera = this.map.cameraForBounds(unit.bbox, { padding: this.padding, maxZoom: 14 });
    if (!camera) return;
    const target = drillTarget(unit.code, unit.level);
    const zoom = focusZoom(unit.level, camera.zoom ?? 0, target ? this.minZoomOf(target.children) : 0);
    this.map.flyTo({ center: camera.center, zoom, bearing: 0, duration: 900, essential: true });
  }

  private minZoomOf(layer: UnitLayer): number {
    return this.sources.find((s) => s.id === layer)?.minzoom ?? 0;
  }

  private select(next: { layer: UnitLayer; code: string } | null): void {
    if (this.selected) this.map.setFeatureState({ source: this.selected.layer, sourceLayer: this.selected.layer, id: this.selected.code }, { selected: false });
    this.selected = next;
    if (next) this.map.setFeatureState({ source: next.layer, sourceLayer: next.layer, id: next.code }, { selected: true });
  }
}
