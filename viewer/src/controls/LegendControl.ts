// The legend: warning levels in the seeds' colours, zones, key assistance counties, sites.
import type { IControl } from "maplibre-gl";
import { TestIds } from "../testIds";
import { KeyCountyOutline, LevelColors, ZoneColors } from "../layers/palette";
import { ZoneNames } from "../format";

export class LegendControl implements IControl {
  private container: HTMLElement | null = null;

  onAdd(): HTMLElement {
    const box = document.createElement("div");
    box.className = "maplibregl-ctrl legend";
    box.dataset.testid = TestIds.legend;
    box.append(
      heading("预警等级"),
      swatch(LevelColors[1], "I 轻警"),
      swatch(LevelColors[2], "II 中警"),
      swatch(LevelColors[3], "III 高警"),
      heading("区域 (颜色越深, 中警及以上占比越高)"),
      swatch(ZoneColors.red, ZoneNames.red),
      swatch(ZoneColors.yellow, ZoneNames.yellow),
      swatch(ZoneColors.green, ZoneNames.green),
      outline(KeyCountyOutline, "国家乡村振兴重点帮扶县"),
      circle("易地扶贫搬迁安置点 (大小: 搬迁户数)"),
    );
    this.container = box;
    return box;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = null;
  }
}

function heading(text: string): HTMLElement {
  const h = document.createElement("div");
  h.className = "legend-heading";
  h.textContent = text;
  return h;
}

function item(mark: HTMLElement, text: string): HTMLElement {
  const row = document.createElement("div");
  row.className = "legend-row";
  const label = document.createElement("span");
  label.textContent = text;
  row.append(mark, label);
  return row;
}

function swatch(color: string, text: string): HTMLElement {
  const mark = document.createElement("span");
  mark.className = "legend-swatch";
  mark.style.background = color;
  return item(mark, text);
}

function outline(color: string, text: string): HTMLElement {
  const mark = document.createElement("span");
  mark.className = "legend-swatch legend-outline";
  mark.style.borderColor = color;
  return item(mark, text);
}

function circle(text: string): HTMLElement {
  const mark = document.createElement("span");
  mark.className = "legend-circle";
  return item(mark, text);
}
