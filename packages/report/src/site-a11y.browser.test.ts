/**
 * The built site at a desktop and a phone width, in light and dark colour schemes, in Debian's
 * Chromium: every page type without horizontal overflow and with zero axe-core violations (WCAG
 * rules axe checks by default, colour contrast included); and with JavaScript off, every figure
 * drawn (at build time) with its downloads.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './build-site.js';
import { serveSite } from './serve.js';
import { writeFixtureDir } from './test-support/fixture-dir.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [1440, 390] as const;
const SCHEMES = ['light', 'dark'] as const;
const VIEWS = WIDTHS.flatMap((w) => SCHEMES.map((s) => [w, s] as const));

let tmp: string;
let server: Server;
let url: string;
let browser: Browser;
let pages: string[];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run pnpm setup:test (Debian's chromium) or set CHROMIUM_PATH.`,
    );
  }
  tmp = mkdtempSync(join(tmpdir(), 'ansatz-a11y-'));
  const results = join(tmp, 'results');
  const { records } = writeFixtureDir(results);
  const ok = records.find((r) => r['status'] === 'ok')!;
  pages = ['', 'alignment/', 'convergence/', 'optimizers/', 'counterexamples/', 'runs/'];
  pages.push(`runs/${String(ok['id'])}/`, `runs/view/#${String(ok['id'])}`, 'no-such-page/');
  await buildSite({ dirs: [results], outDir: join(tmp, 'site'), base: '/ansatz/', quiet: true });
  ({ server, url } = await serveSite({ dir: join(tmp, 'site'), base: '/ansatz/' }));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe.each(VIEWS)('every page at %i px, %s', (width, colorScheme) => {
  it('fits the width and has no axe-core violations', async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(url + path, { waitUntil: 'networkidle' });
      await page.waitForSelector('figure[data-chart] svg, main', { timeout: 15_000 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 1) found.push(`/${path}: ${overflow} px wider than the ${width}-px viewport`);
      // The figures' table alternatives are checked open (axe skips closed <details>).
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (d: Document) => Promise<AxeResult> } })
          .axe;
        type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
        const r = await axe.run(document);
        return r.violations.map((v) => `${v.id} ×${v.nodes.length} (${v.nodes[0]!.target[0]})`);
      });
      for (const v of violations) found.push(`/${path}: ${v}`);
    }
    await context.close();
    expect(found).toEqual([]);
  }, 120_000);
});

describe('without JavaScript', () => {
  it('every figure is drawn, as an SVG with marks, with its SVG and CSV links', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    let charts = 0;
    let browserMade = 0;
    for (const path of pages) {
      await page.goto(url + path);
      const figs = page.locator('figure[data-chart]');
      const n = await figs.count();
      browserMade += await page.locator('figure[data-downloads="browser"]').count();
      charts += n;
      for (let i = 0; i < n; i++) {
        const fig = figs.nth(i);
        const where = `/${path} figure ${i}`;
        // One image, or a group of named links when its marks link to runs (accessible-svg.ts).
        expect(
          await fig
            .locator('.plot svg[role="img"][aria-label], .plot svg[role="group"][aria-label]')
            .count(),
          where,
        ).toBeGreaterThan(0);
        expect(await fig.locator('.plot svg g[data-mark]').count(), where).toBeGreaterThan(0);
        // Its table alternative: the CSV's columns, and its first rows (at least one).
        const table = fig.locator('details.chart-table table');
        expect(await table.locator('thead th').count(), where).toBeGreaterThan(1);
        expect(await table.locator('tbody tr').count(), where).toBeGreaterThan(0);
        // The PNG is made by script: its button stays hidden. So do all downloads of a figure
        // whose SVG and CSV are made in the browser too (run pages).
        expect(await fig.locator('button.download-png').isVisible(), where).toBe(false);
        if ((await fig.getAttribute('data-downloads')) === 'browser') {
          expect(await fig.locator('.downloads').isVisible(), where).toBe(false);
          continue;
        }
        expect(await fig.locator('a.download-svg[href$=".svg"]').count(), where).toBe(1);
        expect(await fig.locator('a.download-csv[href$=".csv"]').count(), where).toBe(1);
      }
    }
    await context.close();
    expect(charts).toBeGreaterThan(5);
    expect(browserMade).toBeGreaterThan(0);
  }, 60_000);
});
