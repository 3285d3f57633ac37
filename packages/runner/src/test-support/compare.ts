// Comparing run records across processes: same ids, same numbers (to float tolerance).
import { expect } from 'vitest';
import { readResults } from '@ansatz/results';
import type { RunRecord } from '../results/record.js';

/** Deduplicated records of a results directory, failing the test on any unreadable line. */
export async function recordsOf(dir: string): Promise<Map<string, RunRecord>> {
  const r = await readResults(dir, (rec) => rec as unknown as RunRecord);
  expect(r.issues).toEqual([]);
  return r.records;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function close(a: unknown, b: unknown, path: string): void {
  if (typeof a === 'number' && typeof b === 'number') {
    const tol = 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
    expect(Math.abs(a - b), `${path}: ${a} vs ${b}`).toBeLessThanOrEqual(tol);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    expect(a.length, path).toBe(b.length);
    a.forEach((x, i) => close(x, b[i], `${path}[${i}]`));
  } else if (isObject(a) && isObject(b)) {
    expect(Object.keys(b).sort(), path).toEqual(Object.keys(a).sort());
    for (const k of Object.keys(a)) close(a[k], b[k], `${path}.${k}`);
  } else {
    expect(a, path).toEqual(b);
  }
}

/**
 * Same ids, same configs, statuses and quality flags, and final metrics (scalars, baselines and
 * matrices) and quality numbers equal to 1e-12.
 */
export function expectSameResults(a: Map<string, RunRecord>, b: Map<string, RunRecord>): void {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [id, ra] of a) {
    const rb = b.get(id)!;
    expect(rb.config).toEqual(ra.config);
    expect(rb.status).toBe(ra.status);
    expect(rb.flags).toEqual(ra.flags);
    close(ra.quality, rb.quality, `${id}.quality`);
    const fa = (ra.final ?? {}) as unknown as Record<string, unknown>;
    const fb = (rb.final ?? {}) as unknown as Record<string, unknown>;
    const keys = Object.keys(fa).filter((k) => k !== 'time');
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) close(fa[k], fb[k], `${id}.final.${k}`);
  }
}
