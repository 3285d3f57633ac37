/**
 * End-to-end: build the site from a small hand-made results set, serve it under a sub-path like
 * GitHub Pages does, and drive Debian's Chromium (no browser download) with playwright-core.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './build-site.js';
import { serveSite } from './serve.js';
import { HOSTILE_EXPERIMENT, writeFixtureDir } from './test-support/fixture-dir.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BASE = '/ansatz/';
const SHOTS =
  process.env.ANSATZ_SCREENSHOTS === '1'
    ? resolve(import.meta.dirname, '../../../docs/screenshots')
    : null;

type Raw = Record<string, unknown> & {
  config: Record<string, unknown>;
  status: string;
  id: string;
};

let tmp: string;
let records: Raw[];
let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium, or run ` +
        `pnpm setup:test) or set CHROMIUM_PATH. The browser test never downloads a browser.`,
    );
  }
  tmp = mkdtempSync(join(tmpdir(), 'ansatz-site-'));
  const results = join(tmp, 'results');
  const empty = join(tmp, 'empty-shard');
  mkdirSync(empty);
  records = writeFixtureDir(results).records as Raw[];
  const out = join(tmp, 'site');
  await buildSite({ dirs: [results, empty], outDir: out, base: BASE, quiet: true });
  ({ server, url } = await serveSite({ dir: out, base: BASE }));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const ok = () => records.filter((r) => r.status === 'ok');
const linearOk = () => ok().filter((r) => r.config.activation === 'linear');
/** Linear ok runs without quality flags: what the alignment and optimizer charts plot. */
const linearUnflagged = () => linearOk().filter((r) => (r.flags as string[]).length === 0);

const PAGES = [
  '',
  'alignment/',
  'convergence/',
  'optimizers/',
  'counterexamples/',
  'runs/',
  'runs/bal-L3-s0/',
  'runs/failed-1/',
  'runs/unfit/',
  'runs/hostile/',
];

interface Visit {
  page: Page;
  errors: string[];
}

const visits = new Map<string, Visit>();

/** Open a page once (later calls reuse it) and collect console errors, page errors and failed requests. */
async function open(path: string): Promise<Visit> {
  const seen = visits.get(path);
  if (seen) return seen;
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(url + path, { waitUntil: 'load' });
  const visit = { page, errors };
  visits.set(path, visit);
  return visit;
}

/** Bytes the page downloaded (document and every resource), from the Resource Timing API. */
function pageBytes(page: Page): Promise<number> {
  return page.evaluate(() =>
    (performance.getEntries() as PerformanceResourceTiming[])
      .filter((e) => 'encodedBodySize' in e)
      .reduce((sum, e) => sum + e.encodedBodySize, 0),
  );
}

/** Number of elements of a mark type in the chart figure number `index` of a kind. */
async function marks(
  page: Page,
  kind: string,
  mark: string,
  element: string,
  index = 0,
): Promise<number> {
  const figs = page.locator(`figure[data-chart="${kind}"]`);
  return figs.nth(index).locator(`svg g[data-mark="${mark}"] ${element}`).count();
}

describe('built site in Chromium', () => {
  it('every page loads with no console errors, stays small, and draws its charts as SVG', async () => {
    for (const path of PAGES) {
      const { page, errors } = await open(path);
      const charts = await page.locator('figure[data-chart]').count();
      const svgs = await page.locator('figure[data-chart] .plot svg').count();
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        const name = path.replace(/\/$/, '').replace(/\//g, '-') || 'overview';
        await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
      }
      expect(errors, path).toEqual([]);
      expect(svgs, path).toBeGreaterThanOrEqual(charts);
      const bytes = await pageBytes(page);
      expect(bytes, path).toBeGreaterThan(1000);
      expect(bytes, path).toBeLessThan(1_000_000);
    }
  }, 120_000);

  it('charts have the expected number of marks for the known results set', async () => {
    const overview = await open('');
    const pairs = new Set(records.map((r) => `${r.experiment}|${r.status}`));
    expect(await marks(overview.page, 'status-bars', 'bar', 'rect')).toBe(pairs.size);

    const align = await open('alignment/');
    // The main figure is λ = 0 (the theorem's setting); the runs with weight decay have their own.
    const atZero = linearUnflagged().filter((r) => r.config.weightDecay === 0);
    expect(await marks(align.page, 'alpha-depth', 'dot', 'circle')).toBe(atZero.length);
    expect(await marks(align.page, 'alpha-depth-wd', 'dot', 'circle')).toBe(
      linearUnflagged().length - atZero.length,
    );
    expect(linearUnflagged().length).toBeLessThan(linearOk().length);
    const balanced = atZero.filter(
      (r) => r.config.init === 'balanced' && (r.config.optimizer ?? 'gd') === 'gd',
    );
    expect(await marks(align.page, 'corr-half', 'dot', 'circle')).toBe(2 * balanced.length);

    const opt = await open('optimizers/');
    const cells = new Set(
      linearUnflagged().map((r) => `${r.config.optimizer}|${r.config.weightDecay}`),
    );
    expect(await marks(opt.page, 'opt-heatmap', 'cell', 'rect')).toBe(cells.size);

    const conv = await open('convergence/');
    // One median line per group of seeds (gd runs), and one theory line per unbalanced gd group
    // with λ > 0; every run of a group links to the runs table filtered to it.
    const key = (r: Raw) =>
      ['init', 'initScale', 'weightDecay', 'depth', 'learningRate']
        .map((k) => r.config[k])
        .join('|');
    const gdLinear = linearOk().filter((r) => r.config.optimizer === 'gd');
    const groups = new Set(gdLinear.map(key));
    expect(await marks(conv.page, 'conv-corr', 'line', 'path')).toBe(groups.size);
    const theory = new Set(
      gdLinear
        .filter((r) => r.config.init !== 'balanced' && (r.config.weightDecay as number) > 0)
        .map(key),
    );
    const dashed = conv.page.locator(
      'figure[data-chart="conv-imbalance"] svg g[data-mark="line"] g[stroke-dasharray] path',
    );
    expect(await dashed.count()).toBe(theory.size);

    const ce = await open('counterexamples/');
    const nonlinear = ok().filter((r) => r.config.activation !== 'linear');
    expect(await marks(ce.page, 'ce-scatter', 'dot', 'path')).toBe(nonlinear.length);

    const run = await open('runs/bal-L3-s0/');
    expect(await marks(run.page, 'run-heatmap', 'cell', 'rect')).toBe(2 * 4 * 4);
  }, 60_000);

  it('the run view draws any run from the chunked data, by #id and by ?id=', async () => {
    const byHash = await open('runs/view/#bal-L3-s0');
    await byHash.page.locator('#final-metrics').waitFor();
    expect(await byHash.page.locator('h1').textContent()).toBe('Run bal-L3-s0');
    expect(await byHash.page.locator('#config').textContent()).toContain('balanced');
    expect(await marks(byHash.page, 'run-curves', 'line', 'path')).toBeGreaterThan(0);
    expect(byHash.errors).toEqual([]);

    const byQuery = await open('runs/view/?id=failed-1');
    await byQuery.page.locator('.badge.failed').waitFor();
    expect(await byQuery.page.locator('main').textContent()).toContain('Error:');
    expect(byQuery.errors).toEqual([]);

    const missing = await open('runs/view/#no-such-run');
    await missing.page.locator('#run-view-status').filter({ hasText: 'No run with id' }).waitFor();
  }, 60_000);

  it('shows a tooltip on hover', async () => {
    const { page } = await open('alignment/');
    const dot = page
      .locator('figure[data-chart="alpha-depth"]')
      .first()
      .locator('g[data-mark="dot"] circle')
      .first();
    const box = (await dot.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = page
      .locator('figure[data-chart="alpha-depth"]')
      .first()
      .locator('g[data-mark="tip"] text');
    await expect
      .poll(async () => (await tip.allTextContents()).join(' '), { timeout: 5000 })
      .toMatch(/run/);
  }, 30_000);

  it('the runs table filters and sorts', async () => {
    const { page } = await open('runs/');
    await page.locator('#runs[data-ready]').waitFor();
    const visible = () => page.locator('#runs tbody tr').count();
    expect(await visible()).toBe(records.length);
    await page.fill('#run-filter', 'relu');
    expect(await visible()).toBe(records.filter((r) => r.config.activation === 'relu').length);
    await page.fill('#run-filter', 'weight-decay gaussian');
    expect(await visible()).toBe(
      records.filter((r) => r.experiment === 'weight-decay' && r.config.init === 'gaussian').length,
    );
    await page.fill('#run-filter', 'status:failed');
    expect(await visible()).toBe(records.filter((r) => r.status === 'failed').length);
    await expect
      .poll(() => page.locator('#run-count').textContent())
      .toContain(`of ${records.length} runs`);
    await page.fill('#run-filter', '');
    await page.click('#runs th[data-col="3"] button');
    await page.click('#runs th[data-col="3"] button');
    const depths = await page.locator('#runs tbody tr td:nth-child(4)').allTextContents();
    expect(depths.map(Number)).toEqual([...depths.map(Number)].sort((a, b) => b - a));
  }, 30_000);

  it('every link and asset resolves under the sub-path base', async () => {
    const seen = new Map<string, string>();
    for (const path of PAGES) {
      const { page } = await open(path);
      const refs = await page.evaluate(() => [
        ...[...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
        ...[...document.querySelectorAll('script[src], link[href]')].map(
          (e) => e.getAttribute('src') ?? e.getAttribute('href') ?? '',
        ),
      ]);
      for (const ref of refs) if (!ref.startsWith('data:')) seen.set(ref, path);
    }
    expect(seen.size).toBeGreaterThan(records.length);
    const page = await browser.newPage();
    for (const [ref, from] of seen) {
      expect(ref.startsWith(BASE), `${ref} on page ${from}`).toBe(true);
      const res = await page.request.get(new URL(ref, url).href);
      expect(res.status(), `${ref} on page ${from}`).toBe(200);
    }
    await page.close();
  }, 60_000);

  it('renders HTML in experiment names and config strings as text', async () => {
    for (const path of ['', 'runs/', 'runs/hostile/', 'alignment/', 'optimizers/']) {
      const { page, errors } = await open(path);
      expect(
        await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
      ).toBeUndefined();
      expect(await page.locator('img[src="x"], main b').count()).toBe(0);
      const text = await page.locator('body').innerText();
      expect(text, path).toContain(
        path === 'alignment/' || path === 'optimizers/' ? '<b>adam</b>' : HOSTILE_EXPERIMENT,
      );
      expect(errors).toEqual([]);
    }
  }, 60_000);

  it('figures download as SVG, CSV (files, or made in the browser on run pages) and PNG', async () => {
    const { page } = await open('alignment/');
    const fig = page.locator('figure[data-chart="alpha-depth"]').first();
    const get = async (selector: string) => {
      const href = (await fig.locator(selector).getAttribute('href'))!;
      expect(href.startsWith(`${BASE}figures/`), href).toBe(true);
      const res = await page.request.get(new URL(href, url).href);
      expect(res.status(), href).toBe(200);
      return res.text();
    };
    // The SVG file is the figure as drawn at build time: as many dots as the page shows.
    const svg = await get('a.download-svg');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const atZero = linearUnflagged().filter((r) => r.config.weightDecay === 0);
    const dots = (svg.match(/<circle /g) ?? []).length;
    expect(dots).toBe(atZero.length);
    // The CSV has a header, one row per plotted dot, then one per group's median tick.
    const csv = (await get('a.download-csv')).split('\r\n');
    expect(csv[0]).toBe(
      'series,run,optimizer,init,L,weight decay,runs,α̂ (argmax of corr),quartile 1,quartile 3',
    );
    const runRows = csv.filter((r) => r.startsWith('run,'));
    expect(runRows).toHaveLength(atZero.length);
    expect(csv.filter((r) => r.startsWith('group,')).length).toBeGreaterThan(0);
    expect(csv.at(-1)).toBe('');
    expect(new Set(runRows.map((r) => r.split(',')[1]))).toEqual(new Set(atZero.map((r) => r.id)));
    // The table alternative under the figure holds the CSV's columns and its rows (all of them
    // here: fewer than the 100 a page shows).
    const table = fig.locator('details.chart-table table');
    expect((await table.locator('thead th').allTextContents()).join(',')).toBe(csv[0]);
    expect(await table.locator('tbody tr').count()).toBe(csv.length - 2);
    expect(await table.locator('tbody tr').first().locator('td').nth(1).textContent()).toBe(
      csv[1]!.split(',')[1],
    );
    // The PNG: the button appears with JavaScript and downloads a PNG twice the figure's size.
    const button = fig.locator('button.download-png');
    await expect.poll(() => button.isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('alignment-alpha-depth.png');
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Twice the size of the figure as drawn in the browser (its widest plot; plots and legends stacked).
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    const plots = await fig
      .locator('.plot svg[role="img"], .plot svg[role="group"]')
      .evaluateAll((els) =>
        els.map((e) => [Number(e.getAttribute('width')), Number(e.getAttribute('height'))]),
      );
    expect(w).toBe(2 * Math.max(...plots.map(([dw]) => dw!)));
    expect(h).toBeGreaterThan(2 * plots.reduce((sum, [, dh]) => sum + dh!, 0));
    expect(png.length).toBeGreaterThan(10_000);

    // A run page's figures make their SVG and CSV in the browser (no files per run).
    const run = await open('runs/bal-L3-s0/');
    const heat = run.page.locator('figure[data-chart="run-heatmap"]');
    expect(await heat.getAttribute('data-downloads')).toBe('browser');
    const take = async (ext: string) => {
      const button = heat.locator(`button.download-${ext}`);
      await expect.poll(() => button.isVisible()).toBe(true);
      const [file] = await Promise.all([run.page.waitForEvent('download'), button.click()]);
      expect(file.suggestedFilename()).toBe(`runs-bal-L3-s0-run-heatmap.${ext}`);
      return readFileSync((await file.path())!, 'utf8');
    };
    const cells = (await take('csv')).split('\r\n');
    expect(cells[0]).toBe('matrix,i,j,entry / norm');
    expect(cells.slice(1, -1)).toHaveLength(2 * 4 * 4);
    const drawn = await take('svg');
    expect(drawn).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(drawn.match(/<rect /g)?.length).toBeGreaterThanOrEqual(2 * 4 * 4);
  }, 60_000);

  it('figures and verdicts have permalink anchors; verdict run ids open the run', async () => {
    for (const path of PAGES) {
      const { page } = await open(path);
      const ids = await page
        .locator('figure[data-chart], section.verdict')
        .evaluateAll((els) => els.map((e) => e.id));
      expect(new Set(ids).size, `unique anchors on /${path}`).toBe(ids.length);
      for (const id of ids) {
        const href = await page.locator(`#${id} a.anchor`).first().getAttribute('href');
        expect(href, `${id} on /${path}`).toBe(`${BASE}${path}#${id}`);
      }
    }
    const { page } = await open('');
    expect(await page.locator('section.verdict').count()).toBe(5);
    const link = page.locator('#verdict-weight-decay a.anchor');
    await link.click();
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(
      'verdict-weight-decay',
    );
    // The counterexamples verdict lists runs: each id links to the run's page.
    const ce = await browser.newPage();
    await ce.goto(`${url}counterexamples/#verdict-counterexamples`);
    const runs = ce
      .locator('#verdict-counterexamples table')
      .first()
      .locator('tbody td:first-child a');
    expect(await runs.count()).toBeGreaterThan(0);
    const id = (await runs.first().textContent())!;
    await runs.first().click();
    await ce.waitForURL(/\/runs\//);
    expect(await ce.locator('h1').textContent()).toBe(`Run ${id}`);
    await ce.close();
  }, 120_000);

  it('the overview reports verdicts, failures, the torn line and the empty shard', async () => {
    const { page } = await open('');
    const states = await page
      .locator('section.verdict')
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-verdict')}:${e.getAttribute('data-state')}`),
      );
    expect(states).toEqual([
      'depth:pass',
      'emergence:pass',
      'weight-decay:pass',
      'counterexamples:pass',
      'optimizers:info',
    ]);
    // The flagged run is counted on the overview and left out of the verdicts, which say so.
    expect(await page.locator('#flags').innerText()).toContain('not-fit');
    const excluded = await page
      .locator('section.verdict[data-verdict="emergence"] .exclusions')
      .innerText();
    expect(excluded).toContain('1 run(s) left out: 1 did not fit');
    const unfit = await open('runs/unfit/');
    expect(await unfit.page.locator('#quality').innerText()).toContain('not-fit');
    const runs = await open('runs/');
    expect(await runs.page.locator('#runs').innerText()).toContain('not-fit');
    expect(await page.locator('#problems tbody tr').count()).toBe(
      records.filter((r) => r.status !== 'ok').length,
    );
    const issues = await page.locator('#issues').innerText();
    expect(issues).toContain('torn last line');
    expect(issues).toContain('no *.jsonl result files yet');
  }, 30_000);
});
