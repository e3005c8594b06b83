-- wrk script: a random tile of LAYER at zoom Z inside the seeded prefecture (101–104° E, 26–29° N).
-- ETAG (optional) is sent as If-None-Match, for the 304 path; FIXED=1 asks for one tile only
-- (X, Y when given, else the third column and row of the area).
local z = tonumber(os.getenv("Z") or "12")
local layer = os.getenv("LAYER") or "villages"
local etag = os.getenv("ETAG")
local fixed = os.getenv("FIXED") == "1"
local n = 2 ^ z
local function tx(lon) return math.floor((lon + 180) / 360 * n) end
local function ty(lat)
  local r = math.rad(lat)
  return math.floor((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)
end
local x0, x1, y0, y1 = tx(101), tx(104) - 1, ty(29), ty(26) - 1
local headers = { ["Accept-Encoding"] = "gzip" }
-- RiskMap's tiles need a token (run.sh issues one); the comparison servers ignore the header.
if os.getenv("RISKMAP_TOKEN") then headers["Authorization"] = "Bearer " .. os.getenv("RISKMAP_TOKEN") end
if etag then headers["If-None-Match"] = etag end

function setup(thread) thread:set("seed", math.random(1, 1e9)) end
function init() math.randomseed(seed) end

request = function()
  local x, y = x0 + 2, y0 + 2
  if fixed and os.getenv("X") then x, y = tonumber(os.getenv("X")), tonumber(os.getenv("Y")) end
  if not fixed then x, y = math.random(x0, x1), math.random(y0, y1) end
  return wrk.format("GET", "/tiles/" .. layer .. "/" .. z .. "/" .. x .. "/" .. y, headers)
end
