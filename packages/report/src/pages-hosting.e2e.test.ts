/**
 * What GitHub Pages needs from a built site: 404.html (served for any missing path, with links
 * under the sub-path), .nojekyll (serve the files as they are, _astro/ included), and Astro's
 * `site` from ANSATZ_SITE_URL (the `origin` output of actions/configure-pages) for canonical links.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './build-site.js';
import { writeFixtureDir } from './test-support/fixture-dir.js';

let tmp: string;
let site: string;
const saved = process.env.ANSATZ_SITE_URL;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'ansatz-pages-'));
  const results = join(tmp, 'results');
  writeFixtureDir(results);
  site = join(tmp, 'site');
  process.env.ANSATZ_SITE_URL = 'https://you.github.io';
  try {
    await buildSite({ dirs: [results], outDir: site, base: '/ansatz/', quiet: true });
  } finally {
    if (saved === undefined) delete process.env.ANSATZ_SITE_URL;
    else process.env.ANSATZ_SITE_URL = saved;
  }
}, 240_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('a site built for GitHub Pages', () => {
  it('has 404.html at the top, linking under the base', () => {
    const html = readFileSync(join(site, '404.html'), 'utf8');
    expect(html).toContain('Page not found');
    expect(html).toContain('href="/ansatz/alignment/"');
  });

  it('has .nojekyll', () => {
    expect(existsSync(join(site, '.nojekyll'))).toBe(true);
    expect(existsSync(join(site, '_astro'))).toBe(true);
  });

  it('takes Astro site from ANSATZ_SITE_URL: canonical links on the full URL', () => {
    const html = readFileSync(join(site, 'alignment', 'index.html'), 'utf8');
    expect(html).toContain('<link rel="canonical" href="https://you.github.io/ansatz/alignment/"');
  });
});
