// Percentiles and small helpers shared by the soak's processes.
export function args() {
  const out = {};
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 2) out[a[i].replace(/^--/, "")] = a[i + 1];
  return out;
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** count, p50, p99, max of a list of milliseconds (rounded to 0.1 ms). */
export function summary(values) {
  const s = Float64Array.from(values).sort();
  const round = (v) => (v === null || v === undefined ? null : Math.round(v * 10) / 10);
  return { count: s.length, p50: round(percentile(s, 50)), p99: round(percentile(s, 99)), max: round(s.length ? s[s.length - 1] : null) };
}

/** Least-squares slope of y over x (per unit of x), or null with fewer than two points. */
export function slope(xs, ys) {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n, my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) { num += (xs[i] - mx) * (ys[i] - my); den += (xs[i] - mx) ** 2; }
  return den === 0 ? null : num / den;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
