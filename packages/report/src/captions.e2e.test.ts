/**
 * Every number a caption states is the number its verdict or chart data holds. Builds the site
 * from the hand-made results set (no browser needed) and reads the captions back from the HTML.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './build-site.js';
import { loadResultsDirs } from './data/load.js';
import { findCounterexamples } from './data/verdicts/counterexamples.js';
import { computeVerdicts } from './data/verdicts/index.js';
import type { Verdict } from './data/verdicts/types.js';
import { writeFixtureDir } from './test-support/fixture-dir.js';

let tmp: string;
let site: string;
let verdicts: Verdict[];
let flaggedRuns: number;
let judged: number;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'ansatz-captions-'));
  const results = join(tmp, 'results');
  writeFixtureDir(results);
  site = join(tmp, 'site');
  await buildSite({ dirs: [results], outDir: site, base: '/', quiet: true });
  const loaded = await loadResultsDirs([results]);
  verdicts = computeVerdicts(loaded.records);
  flaggedRuns = loaded.records.filter((r) => r.flags.length > 0).length;
  judged = findCounterexamples(loaded.records).judged.length;
}, 240_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The page's text with tags removed and entities of interest decoded. */
function text(page: string): string {
  const html = readFileSync(join(site, page, 'index.html'), 'utf8');
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const verdict = (key: string) => verdicts.find((v) => v.key === key)!;

describe('captions agree with the verdict tables', () => {
  it('the overview prints each verdict’s state, summary and exclusions', () => {
    const t = text('');
    for (const v of verdicts) {
      expect(t).toContain(v.summary);
      expect(t).toContain(v.title);
    }
    expect(t).toContain(`Finished runs with quality flags (${flaggedRuns})`);
  });

  it('the alignment caption quotes the depth verdict’s medians', () => {
    const t = text('alignment');
    const m = /Balanced gd runs: median α̂ (.*?), against 1\/L/.exec(t);
    expect(m, 'caption with the medians').not.toBeNull();
    const quoted = [...m![1]!.matchAll(/([\d.]+) at L = (\d+)/g)].map((x) => [
      Number(x[2]),
      Number(x[1]),
    ]);
    const rows = verdict('depth').table.rows.map((r) => [
      r[0],
      Number((r[3] as number).toFixed(3)),
    ]);
    expect(quoted).toEqual(rows);
  });

  it('the counterexample captions count what the verdict counts', () => {
    const t = text('counterexamples');
    const v = verdict('counterexamples');
    const m = /circles below the horizontal line are the (\d+) counterexample/.exec(t);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(v.table.rows.length);
    const fit = /(\d+) run\(s\), of which (\d+) fit their data/.exec(t);
    expect(fit).not.toBeNull();
    expect(Number(fit![2])).toBe(judged);
    expect(v.summary).toContain(`${v.table.rows.length} of ${judged} fitted nonlinear runs`);
  });

  it('the optimizer page says how many flagged runs its medians leave out', () => {
    const t = text('optimizers');
    const m = /\((\d+) ok runs without quality flags; (\d+) flagged run\(s\) left out\)/.exec(t);
    expect(m).not.toBeNull();
    const cells = verdict('optimizers').table.rows.reduce((s, r) => s + (r[1] as number), 0);
    expect(Number(m![1])).toBe(cells);
  });
});
