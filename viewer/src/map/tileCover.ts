// Which tiles a TilesInvalidated message makes stale on this map. Pure.
import type { TileArea } from "../live/messages";

export interface TileId {
  z: number;
  x: number;
  y: number;
}

export interface SourceZooms {
  id: string;
  minzoom: number;
  maxzoom: number;
}

/** A tile draws features reaching into its buffer (Tiles:Buffer 64 of 4096 units, docs/api.md). */
const BufferFraction = 64 / 4096;
/** More tiles than this at one zoom cannot all be on screen; the map would not hold them. */
const MaxTilesPerZoom = 256;

function tileX(lng: number, z: number): number {
  return ((lng + 180) / 360) * 2 ** z;
}

function tileY(lat: number, z: number): number {
  const clamped = Math.max(Math.min(lat, 85.0511), -85.0511);
  const rad = (clamped * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z;
}

/** The tiles at zoom `z` whose area (with the buffer) meets the box; empty when there would be too many. */
export function tilesCovering(box: readonly [number, number, number, number], z: number): TileId[] {
  const [west, south, east, north] = box;
  const n = 2 ** z;
  const clamp = (v: number) => Math.min(Math.max(v, 0), n - 1);
  const x0 = clamp(Math.floor(tileX(west, z) - BufferFraction));
  const x1 = clamp(Math.floor(tileX(east, z) + BufferFraction));
  const y0 = clamp(Math.floor(tileY(north, z) - BufferFraction));
  const y1 = clamp(Math.floor(tileY(south, z) + BufferFraction));
  if ((x1 - x0 + 1) * (y1 - y0 + 1) > MaxTilesPerZoom) return [];
  const tiles: TileId[] = [];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) tiles.push({ z, x, y });
  return tiles;
}

/**
 * The tile zooms a source holds at a map zoom: the ideal one (512 px tiles: the integer zoom,
 * clamped to the source's range, overzoomed beyond its maxzoom) and its neighbours, which MapLibre
 * keeps while zooming.
 */
export function heldZooms(mapZoom: number, source: SourceZooms): number[] {
  const ideal = Math.min(Math.max(Math.floor(mapZoom), source.minzoom), source.maxzoom);
  return [ideal - 1, ideal, ideal + 1].filter((z) => z >= source.minzoom && z <= source.maxzoom);
}

/**
 * Per source, the tiles to refetch: the areas' layers that the map shows, except `skip` (layers
 * whose drawn properties feature state already brought up to date), at the zooms held now.
 */
export function tilesToRefresh(
  areas: readonly TileArea[],
  sources: readonly SourceZooms[],
  mapZoom: number,
  skip: ReadonlySet<string>,
): Map<string, TileId[]> {
  const result = new Map<string, TileId[]>();
  for (const source of sources) {
    if (skip.has(source.id)) continue;
    const seen = new Set<string>();
    const tiles: TileId[] = [];
    for (const area of areas) {
      if (area.layer !== source.id) continue;
      for (const z of heldZooms(mapZoom, source)) {
        for (const t of tilesCovering(area.box, z)) {
          const key = `${t.z}/${t.x}/${t.y}`;
          if (!seen.has(key)) {
            seen.add(key);
            tiles.push(t);
          }
        }
      }
    }
    if (tiles.length > 0) result.set(source.id, tiles);
  }
  return result;
}
