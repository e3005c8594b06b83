# Writes a pgbench script running RiskMap's unit_tile.sql for a random villages tile at zoom argv[1]
# (pgbench -M prepared sends :z :x :y as bind parameters, as the server does).
import re, subprocess, sys, pathlib
z = sys.argv[1]
x0, x1, y0, y1 = subprocess.check_output([sys.executable, str(pathlib.Path(__file__).with_name("tile_ranges.py")), z], text=True).split()
sql = (pathlib.Path(__file__).parents[2] / "server/Tiles/Sql/unit_tile.sql").read_text()
sql = re.sub(r"--[^\n]*", "", sql)
# The bench's administrator sees the whole country: code range 0–999999999999, nothing withheld (k = 1).
values = {1: ":z", 2: ":x", 3: ":y", 4: "'villages'", 5: "4096", 6: "64", 7: "20000", 8: "5", 9: "0", 10: "999999999999", 11: "1"}
sql = re.sub(r"\$(\d+)", lambda m: values[int(m.group(1))], sql)
sql = " ".join(sql.split())
print(f"\\set z {z}\n\\set x random({x0}, {x1})\n\\set y random({y0}, {y1})\n{sql};")
