/**
 * The SVG and CSV files of the figures, written at build time to `figures/` in the site's output
 * so the download links work without JavaScript and keep large CSVs out of the HTML.
 *
 * Pages render inside Astro's build (the same process as this integration, but another module
 * instance of this file, bundled with the pages), so the output directory is handed over on
 * globalThis. Outside `astro build` (astro dev, unit tests) nothing is written.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Directory of the figure files under the site's root (and base). */
export const FIGURES_DIR = 'figures';

const KEY = Symbol.for('ansatz.figure-files.dir');
const shared = globalThis as { [KEY]?: string };

/** The Astro integration that tells the pages where to write figure files during a build. */
export function figureFiles(): AstroIntegration {
  let building = false;
  return {
    name: 'ansatz-figure-files',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        if (!building) return;
        shared[KEY] = join(fileURLToPath(config.outDir), FIGURES_DIR);
      },
      // Astro empties the output directory after config:done; files of an earlier build go too.
      'astro:build:start': () => {
        const dir = shared[KEY];
        if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
      },
      'astro:build:done': () => {
        delete shared[KEY];
      },
    },
  };
}

/** File name of a figure: the page's path and the figure's anchor, e.g. `alignment-alpha-depth`. */
export function figureFileName(pagePath: string, anchor: string): string {
  const page = pagePath.replace(/^\/+|\/+$/g, '').replace(/\//g, '-') || 'overview';
  return `${page}-${anchor}`;
}

/** Write `figures/<name>` during a build; false (nothing written) outside one. */
export function writeFigureFile(name: string, text: string): boolean {
  const dir = shared[KEY];
  if (dir === undefined) return false;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), text);
  return true;
}
