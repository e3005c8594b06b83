# Prints "x0 x1 y0 y1" of the tiles at zoom argv[1] inside the seeded prefecture (as random_tile.lua).
import math, sys
z = int(sys.argv[1]); n = 2 ** z
tx = lambda lon: math.floor((lon + 180) / 360 * n)
ty = lambda lat: math.floor((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * n)
print(tx(101), tx(104) - 1, ty(29), ty(26) - 1)
