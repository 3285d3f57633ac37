/** Text of a table cell (numbers compact, missing as an en dash); no imports, so the browser can use it. */
export function cellText(v: string | number | null): string {
  if (v === null) return '–';
  if (typeof v === 'string') return v;
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(2);
  return String(v);
}
