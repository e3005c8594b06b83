// Wires the viewer together; nothing else lives here (style.md).
import "maplibre-gl/dist/maplibre-gl.css";
import "./viewer.css";
import maplibregl from "maplibre-gl";
import { TestIds } from "./testIds";
import { createMap } from "./map/createMap";
import { MapReadiness } from "./map/MapReadiness";
import { UnitLabels } from "./map/UnitLabels";
import { UnitPicker } from "./map/UnitPicker";
import { UnitCard } from "./card/UnitCard";
import { LegendControl } from "./controls/LegendControl";
import { NoticeControl } from "./controls/NoticeControl";

const container = document.getElementById("map") as HTMLElement;
const readiness = new MapReadiness(container);

createMap(container)
  .then((map) => {
    readiness.attach(map);
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-left");
    map.addControl(new maplibregl.ScaleControl({}), "bottom-left");
    map.addControl(new LegendControl(), "top-right");
    map.addControl(new NoticeControl(), "bottom-right");
    new UnitLabels(map).attach();
    new UnitPicker(map, new UnitCard(document.getElementById("card") as HTMLElement)).attach();
  })
  .catch((err: unknown) => {
    readiness.set("error");
    const message = document.createElement("p");
    message.className = "load-error";
    message.dataset.testid = TestIds.loadError;
    message.textContent = `地图无法加载 (map could not load): ${err instanceof Error ? err.message : String(err)}`;
    container.append(message);
  });
