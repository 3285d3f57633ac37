/** Format a number for a label: 3 significant digits, exponent when tiny or huge. */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(2);
  return String(Number(v.toPrecision(3)));
}

export const STATUS_COLORS = {
  domain: ['ok', 'diverged', 'failed'],
  range: ['#3a9a5c', '#e8a33d', '#c8423b'],
};

/** A log axis labelled at powers of ten only (1e-3, 1e-2, …), so wide ranges stay readable. */
export function logAxis(label: string) {
  return {
    label,
    type: 'log' as const,
    grid: true,
    tickFormat: (d: number) => {
      const e = Math.log10(d);
      return Math.abs(e - Math.round(e)) < 1e-9 ? `1e${Math.round(e)}` : '';
    },
  };
}
