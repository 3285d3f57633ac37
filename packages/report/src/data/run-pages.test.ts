import { describe, expect, it } from 'vitest';
import {
  chunkCount,
  chunkOf,
  hasStaticPage,
  runPath,
  RUNS_PER_CHUNK,
  STATIC_RUN_PAGES_MAX,
} from './run-pages.js';

describe('run pages', () => {
  it('keeps a static page for every run of a small set, and for unfinished runs of a big one', () => {
    expect(hasStaticPage('ok', STATIC_RUN_PAGES_MAX)).toBe(true);
    expect(hasStaticPage('ok', STATIC_RUN_PAGES_MAX + 1)).toBe(false);
    expect(hasStaticPage('failed', 10 ** 6)).toBe(true);
    expect(hasStaticPage('diverged', 10 ** 6)).toBe(true);
    const slugs = new Map([['abc', 'abc']]);
    expect(runPath({ id: 'abc', status: 'ok' }, slugs, 10)).toBe('runs/abc/');
    expect(runPath({ id: 'a b', status: 'ok' }, slugs, 10 ** 5)).toBe('runs/view/#a%20b');
  });

  it('spreads ids evenly over chunks of about RUNS_PER_CHUNK runs', () => {
    const total = 50_000;
    const chunks = chunkCount(total);
    expect(chunks).toBe(total / RUNS_PER_CHUNK);
    const sizes = new Array<number>(chunks).fill(0);
    for (let i = 0; i < total; i++) {
      const id = (i * 2654435761).toString(16).padStart(16, '0').slice(-16);
      sizes[chunkOf(id, chunks)]!++;
    }
    expect(Math.min(...sizes)).toBeGreaterThan(RUNS_PER_CHUNK / 2);
    expect(Math.max(...sizes)).toBeLessThan(RUNS_PER_CHUNK * 2);
    expect(chunkOf('anything', 1)).toBe(0);
  });
});
