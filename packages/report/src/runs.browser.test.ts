/**
 * The run view and the runs table of a site above STATIC_RUN_PAGES_MAX runs, in Debian's
 * Chromium: ok runs exist only in the chunked data, the table is paged, and its filter, sort
 * and page live in the URL.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './build-site.js';
import { STATIC_RUN_PAGES_MAX } from './data/run-pages.js';
import { TABLE_PAGE_ROWS } from './data/runs-columns.js';
import { serveSite } from './serve.js';
import { makeRecord, toJsonl } from './test-support/records.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BASE = '/ansatz/';
const N = STATIC_RUN_PAGES_MAX + 150;
const OPTIMIZERS = ['gd', 'adam', 'sgd'] as const;

interface Run {
  id: string;
  optimizer: string;
  depth: number;
  status: 'ok' | 'failed';
}
const runs: Run[] = Array.from({ length: N }, (_, i) => ({
  id: `run-${String(i).padStart(5, '0')}`,
  optimizer: OPTIMIZERS[i % 3]!,
  depth: 2 + (i % 5),
  status: i % 97 === 0 ? 'failed' : 'ok',
}));

let tmp: string;
let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run pnpm setup:test or set CHROMIUM_PATH.`);
  }
  tmp = mkdtempSync(join(tmpdir(), 'ansatz-runs-'));
  const results = join(tmp, 'results');
  mkdirSync(results);
  const lines = runs.map((r, i) =>
    makeRecord({ ...r, seed: i, steps: 100, logEvery: 20, dim: 2, experiment: 'scale' }),
  );
  writeFileSync(join(results, 'w.jsonl'), toJsonl(lines));
  await buildSite({ dirs: [results], outDir: join(tmp, 'site'), base: BASE, quiet: true });
  ({ server, url } = await serveSite({ dir: join(tmp, 'site'), base: BASE }));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url + path, { waitUntil: 'load' });
  return { page, errors };
}

const rowIds = (page: Page) => page.locator('#runs tbody tr td:first-child a').allTextContents();
const ready = (page: Page) => page.locator('#runs[data-ready]').waitFor({ timeout: 30_000 });

describe('run view above STATIC_RUN_PAGES_MAX runs', () => {
  it('draws an ok run that has no static page, by #id and ?id=, and names an unknown id', async () => {
    const okRun = runs.find((r) => r.status === 'ok' && r.depth === 4)!;
    const res = await (await browser.newPage()).request.get(`${url}runs/${okRun.id}/`);
    expect(res.status()).toBe(404);

    const byHash = await open(`runs/view/#${okRun.id}`);
    await byHash.page.locator('#final-metrics').waitFor();
    expect(await byHash.page.locator('h1').textContent()).toBe(`Run ${okRun.id.slice(0, 12)}`);
    expect(await byHash.page.locator('#config').innerText()).toMatch(/depth\s+4/);
    expect(byHash.errors).toEqual([]);

    const byQuery = await open(`runs/view/?id=${okRun.id}`);
    await byQuery.page.locator('#final-metrics').waitFor();
    expect(await byQuery.page.locator('main').innerText()).toContain(okRun.id);

    const missing = await open('runs/view/#run-99999');
    await missing.page
      .locator('#run-view-status')
      .filter({ hasText: 'No run with id run-99999' })
      .waitFor();
  }, 60_000);
});

describe('runs table above STATIC_RUN_PAGES_MAX runs', () => {
  it('shows the first page statically, then pages through every run', async () => {
    const { page, errors } = await open('runs/');
    expect(await page.locator('#runs tbody tr').count()).toBe(TABLE_PAGE_ROWS);
    await ready(page);
    const pages = Math.ceil(N / TABLE_PAGE_ROWS);
    expect(await page.locator('#run-count').textContent()).toBe(
      `${N} of ${N} runs · page 1 of ${pages}`,
    );
    await page.click('#run-next');
    expect(await rowIds(page)).toEqual(
      runs.slice(TABLE_PAGE_ROWS, 2 * TABLE_PAGE_ROWS).map((r) => r.id.slice(0, 10)),
    );
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    // A failed run links to its static page, an ok one to the run view.
    const links = await page
      .locator('#runs tbody a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const second = runs.slice(TABLE_PAGE_ROWS, 2 * TABLE_PAGE_ROWS);
    const failed = second.filter((r) => r.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(links.filter((h) => h.includes('/runs/view/#'))).toHaveLength(
      TABLE_PAGE_ROWS - failed.length,
    );
    for (const r of failed) expect(links).toContain(`${BASE}runs/${r.id}/`);
    expect(errors).toEqual([]);
  }, 60_000);

  it('filters by field, keeps filter and sort in the URL, and restores them on reload', async () => {
    const { page, errors } = await open('runs/');
    await ready(page);
    await page.fill('#run-filter', 'optimizer:adam depth>=5 status:ok');
    const expected = runs.filter(
      (r) => r.optimizer === 'adam' && r.depth >= 5 && r.status === 'ok',
    );
    await expect
      .poll(() => page.locator('#run-count').textContent())
      .toContain(`${expected.length} of ${N} runs`);
    await page.click('#runs th[data-col="0"] button');
    await page.click('#runs th[data-col="0"] button');
    const want = expected
      .map((r) => r.id)
      .sort()
      .reverse()
      .slice(0, TABLE_PAGE_ROWS)
      .map((id) => id.slice(0, 10));
    expect(await rowIds(page)).toEqual(want);
    const params = new URL(page.url()).searchParams;
    expect(params.get('q')).toBe('optimizer:adam depth>=5 status:ok');
    expect(params.get('sort')).toBe('id');
    expect(params.get('dir')).toBe('desc');

    await page.reload({ waitUntil: 'load' });
    await ready(page);
    expect(await page.inputValue('#run-filter')).toBe('optimizer:adam depth>=5 status:ok');
    expect(await rowIds(page)).toEqual(want);
    expect(await page.locator('#runs th[data-col="0"]').getAttribute('aria-sort')).toBe(
      'descending',
    );

    await page.fill('#run-filter', 'colour:red');
    await expect
      .poll(() => page.locator('#run-filter-error').textContent())
      .toContain('unknown field "colour"');
    expect(await page.getAttribute('#run-filter', 'aria-invalid')).toBe('true');
    expect(errors).toEqual([]);
  }, 60_000);
});
