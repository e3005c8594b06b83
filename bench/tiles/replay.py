# Replays bench/tiles/session.json against a RiskMap server and reports its tile cache hits (the
# X-Cache response header) at z ≤ 10 and at every zoom. Requests go one after another on one
# keep-alive connection; a "revalidate" request carries the ETag this replay got for that tile.
#   python3 replay.py http://127.0.0.1:8280 TOKEN [session.json] [passes]
# Pass 1 is the session on the cache as it is; each further pass is a second person of the same
# audience (a fresh browser: no ETags) going the same way after the first.
import http.client, json, pathlib, sys, urllib.parse

base, token = sys.argv[1], sys.argv[2]
session = json.loads(pathlib.Path(sys.argv[3] if len(sys.argv) > 3 else pathlib.Path(__file__).with_name("session.json")).read_text())
passes = int(sys.argv[4]) if len(sys.argv) > 4 else 2
url = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port)

for n in range(1, passes + 1):
    etags, counts = {}, {"low": [0, 0], "all": [0, 0]}  # [requests, hits]
    statuses = {}
    for step in session["steps"]:
        for tile, conditional in [(t, False) for t in step["get"]] + [(t, True) for t in step["revalidate"]]:
            headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "gzip"}
            if conditional and tile in etags:
                headers["If-None-Match"] = etags[tile]
            conn.request("GET", f"/tiles/{tile}", headers=headers)
            response = conn.getresponse()
            response.read()
            statuses[response.status] = statuses.get(response.status, 0) + 1
            if response.getheader("ETag"):
                etags[tile] = response.getheader("ETag")
            hit = response.getheader("X-Cache") == "hit"
            for group in ("all", "low") if int(tile.split("/")[1]) <= 10 else ("all",):
                counts[group][0] += 1
                counts[group][1] += hit
    (lr, lh), (ar, ah) = counts["low"], counts["all"]
    print(f"pass {n}: z<=10 {lh}/{lr} hits = {100 * lh / lr:.1f} %; all zooms {ah}/{ar} = {100 * ah / ar:.1f} %; "
          f"statuses {dict(sorted(statuses.items()))}")
