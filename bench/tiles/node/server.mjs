// Baseline tile server for bench/tiles: node:http + pg, the same unit_tile.sql RiskMap runs, no cache,
// no gzip, the whole country's audience (as the bench's administrator). Usage: PGURL=postgres://… PORT=8092 node server.mjs
import http from 'node:http';
import { readFileSync } from 'node:fs';
import pg from 'pg';

const sql = readFileSync(new URL('../../../server/Tiles/Sql/unit_tile.sql', import.meta.url), 'utf8');
const pool = new pg.Pool({ connectionString: process.env.PGURL, max: Number(process.env.POOL ?? 16) });
const levels = { counties: 3, townships: 4, villages: 5 };

http.createServer(async (req, res) => {
  const m = /^\/tiles\/(\w+)\/(\d+)\/(\d+)\/(\d+)$/.exec(req.url);
  if (!m || !(m[1] in levels)) { res.writeHead(404).end(); return; }
  try {
    const { rows } = await pool.query({ name: 'tile', text: sql,
      values: [+m[2], +m[3], +m[4], m[1], 4096, 64, 20000, levels[m[1]], 0, 999999999999, 1] });
    const body = rows[0].st_asmvt;
    if (!body || body.length === 0) { res.writeHead(204).end(); return; }
    res.writeHead(200, { 'Content-Type': 'application/vnd.mapbox-vector-tile' }).end(body);
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
}).listen(Number(process.env.PORT ?? 8092), '127.0.0.1');
