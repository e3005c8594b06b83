# Writes bench/tiles/session.json: a recorded pan-and-zoom session of one person exploring the
# seeded prefecture (101–104° E, 26–29° N) in the viewer on a 1600×900 screen, and the tile requests
# MapLibre makes for it. Deterministic (SEED), so the file is reproducible: python3 session.py > session.json
#
# The person: opens the prefecture, flies to a county (a third of the time one seen before), wheels in
# to a township or a village, drags around, wheels out, sometimes goes back to the whole prefecture.
# Flights and wheel zooms are recorded as the frames MapLibre renders on the way (one every half zoom).
#
# Requests, as MapLibre makes them: per source of the viewer (viewer/src/style.ts SourceLayers, zoom
# ranges of /tiles/{layer}.json), the tiles at zoom floor(map zoom), clamped to the source's range,
# that meet the screen; a tile still in the source's in-memory cache (the tiles on screen plus an LRU
# of 5 × the tiles a screen holds, MapLibre's default) is not requested again. A tile the browser got
# before is asked for with If-None-Match (tiles are "private, no-cache": the HTTP cache revalidates).
# Each frame: "view" [lon, lat, zoom], "get" (new to this browser), "revalidate" (with If-None-Match).
import json, math, os, random

SEED = int(os.environ.get("SEED", "20261122"))
W, H, TILE = 1600, 900, 512
SOURCES = {"counties": (5, 12), "townships": (8, 13), "villages": (10, 14), "sites": (8, 14), "labels": (4, 14)}
WEST, SOUTH, EAST, NORTH = 101.0, 26.0, 104.0, 29.0
rng = random.Random(SEED)


def world(lon, lat, z):  # lon/lat → world pixels at map zoom z (512 px tiles)
    size = TILE * 2 ** z
    r = math.radians(lat)
    return (lon + 180) / 360 * size, (1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * size


def lonlat(px, py, z):
    size = TILE * 2 ** z
    return px / size * 360 - 180, math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * py / size))))


def cover(lon, lat, z, source):
    lo, hi = SOURCES[source]
    if z < lo:
        return []
    tz = min(math.floor(z), hi)
    cx, cy = world(lon, lat, z)
    k = 2 ** (tz - z) / TILE  # map pixels → tiles at tz
    n = 2 ** tz
    x0, x1 = max(0, math.floor((cx - W / 2) * k)), min(n - 1, math.floor((cx + W / 2) * k))
    y0, y1 = max(0, math.floor((cy - H / 2) * k)), min(n - 1, math.floor((cy + H / 2) * k))
    return [(tz, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


frames = []  # (lon, lat, zoom)


def at(lon, lat, z):
    frames.append((round(lon, 5), round(lat, 5), round(z, 2)))


def fly(lon, lat, z):  # flyTo: out and back in when going far, a frame every half zoom of travel
    lon0, lat0, z0 = frames[-1]
    far = math.hypot(lon - lon0, lat - lat0) > 0.5
    top = min(z0, z, 8.0) if far else min(z0, z)
    steps = max(2, math.ceil((abs(z0 - top) + abs(z - top)) * 2))
    for i in range(1, steps + 1):
        t = i / steps
        zt = z0 + (top - z0) * min(1, 2 * t) + (z - top) * max(0, 2 * t - 1) if far else z0 + (z - z0) * t
        at(lon0 + (lon - lon0) * t, lat0 + (lat - lat0) * t, zt)


def wheel(dz):  # one wheel gesture around a point near the centre: zoom by dz, the point stays put
    lon0, lat0, z0 = frames[-1]
    cx, cy = world(lon0, lat0, z0)
    px, py = cx + rng.uniform(-W / 4, W / 4), cy + rng.uniform(-H / 4, H / 4)
    for i in (1, 2):
        z = z0 + dz * i / 2
        s = 2 ** (z - z0)
        at(*lonlat(px * s - (px - cx), py * s - (py - cy), z), z)


def drag():  # a pan of 300–700 px, recorded at its middle and end
    lon0, lat0, z0 = frames[-1]
    cx, cy = world(lon0, lat0, z0)
    a, d = rng.uniform(0, 2 * math.pi), rng.uniform(300, 700)
    for t in (0.5, 1):
        lon, lat = lonlat(cx + math.cos(a) * d * t, cy + math.sin(a) * d * t, z0)
        at(min(max(lon, WEST), EAST), min(max(lat, SOUTH), NORTH), z0)


overview = ((WEST + EAST) / 2, (SOUTH + NORTH) / 2, 7.6)
counties = [(WEST + 0.375 + 0.75 * (c % 4), SOUTH + 0.375 + 0.75 * (c // 4)) for c in range(16)]
at(*overview)
seen = []
for visit in range(14):
    county = rng.choice(seen) if seen and rng.random() < 0.35 else rng.choice(counties)
    seen.append(county)
    fly(county[0] + rng.uniform(-0.1, 0.1), county[1] + rng.uniform(-0.1, 0.1), rng.uniform(9.0, 9.8))
    for _ in range(rng.randint(1, 3)):
        wheel(rng.choice([1, 1, 1.5]))
        for _ in range(rng.randint(1, 3)):
            drag()
    for _ in range(rng.randint(1, 2)):
        wheel(-1)
        drag()
    if rng.random() < 0.3:
        fly(*overview)

held = {s: [] for s in SOURCES}  # per source: LRU of tiles in MapLibre's cache, most recent last
fetched = set()  # (source, z, x, y) the browser's HTTP cache holds
steps = []
limit = 5 * (math.ceil(W / TILE) + 1) * (math.ceil(H / TILE) + 1)
for lon, lat, z in frames:
    get, revalidate = [], []
    for source in SOURCES:
        visible = cover(lon, lat, z, source)
        lru = held[source]
        for t in visible:
            key = (source, *t)
            if t in lru:
                lru.remove(t)
            else:
                (revalidate if key in fetched else get).append(f"{source}/{t[0]}/{t[1]}/{t[2]}")
                fetched.add(key)
            lru.append(t)
        del lru[: max(0, len(lru) - max(limit, len(visible)))]
    steps.append({"view": [lon, lat, z], "get": get, "revalidate": revalidate})

# One frame a line, so a change to the generator shows as a readable diff.
print(json.dumps({"seed": SEED, "screen": [W, H], "sources": SOURCES})[:-1] + ', "steps": [')
print(",\n".join(json.dumps(step, separators=(",", ":")) for step in steps))
print("]}")
