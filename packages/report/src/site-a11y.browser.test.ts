/**
 * The built site at a desktop and a phone width, in Debian's Chromium: every page type without
 * horizontal overflow and with zero axe-core violations (WCAG rules axe checks by default).
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
  pages.push(`runs/${String(ok['id'])}/`);
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

describe.each(WIDTHS)('every page at %i px', (width) => {
  it('fits the width and has no axe-core violations', async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(url + path, { waitUntil: 'networkidle' });
      await page.waitForSelector('figure[data-chart] svg, main', { timeout: 15_000 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 1) found.push(`/${path}: ${overflow} px wider than the ${width}-px viewport`);
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
  it('every chart box says why it is empty instead of staying blank', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    let charts = 0;
    for (const path of pages) {
      await page.goto(url + path);
      const boxes = page.locator('figure[data-chart] .plot');
      const n = await boxes.count();
      charts += n;
      for (let i = 0; i < n; i++) {
        expect(await boxes.nth(i).innerText(), `/${path} chart ${i}`).toMatch(/JavaScript is off/);
      }
    }
    await context.close();
    expect(charts).toBeGreaterThan(5);
  }, 60_000);
});
