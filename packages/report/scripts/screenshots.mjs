// Screenshots of a built site's pages, for docs/ (the README's "The site" section points there).
//
//   node packages/report/scripts/screenshots.mjs SITE_DIR OUT_DIR [--base /ansatz/]
//
// Serves SITE_DIR as `runner preview` does and drives Debian's Chromium (CHROMIUM_PATH, default
// /usr/bin/chromium) with playwright-core: every page of the site's navigation at 1440 px (full
// page), the overview at 390 px, and the first run the runs table links to. It fails loudly on a
// page that logs an error or answers anything but 200, so a stale or broken site is not pictured.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { URL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serveSite } from '../dist/serve.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { base: { type: 'string', default: '/' } },
});
if (positionals.length !== 2) {
  process.stderr.write('usage: screenshots.mjs SITE_DIR OUT_DIR [--base /sub/]\n');
  process.exit(2);
}
const [siteDir, outDir] = positionals.map((p) => resolve(p));
mkdirSync(outDir, { recursive: true });

const { server, url } = await serveSite({ dir: siteDir, base: values.base, port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
const problems = [];
try {
  const shoot = async (path, file, viewport, options = {}) => {
    const context = await browser.newContext({ viewport, ...options });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(`${path}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${path}: ${e.message}`));
    const res = await page.goto(new URL(path, url).href, { waitUntil: 'networkidle' });
    if (res?.status() !== 200) problems.push(`${path}: HTTP ${res?.status()}`);
    await page.screenshot({ path: join(outDir, file), fullPage: true });
    const next = await page
      .locator('table#runs a[href*="runs/"]')
      .first()
      .getAttribute('href')
      .catch(() => null);
    await context.close();
    process.stdout.write(`${file} ← ${path}\n`);
    return next;
  };
  const wide = { width: 1440, height: 900 };
  await shoot('.', 'overview.png', wide);
  await shoot('.', 'overview-phone.png', { width: 390, height: 844 });
  await shoot('.', 'overview-dark.png', wide, { colorScheme: 'dark' });
  for (const page of ['alignment', 'convergence', 'counterexamples', 'optimizers']) {
    await shoot(`${page}/`, `${page}.png`, wide);
  }
  const run = await shoot('runs/', 'runs.png', wide);
  if (run) await shoot(run, 'run.png', wide);
  else problems.push('runs/: no link to a run page in table#runs');
} finally {
  await browser.close();
  server.close();
}
if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
