// Astro config for the ansatz report site. `runner report` (src/build-site.ts) sets the inputs
// through the environment: ANSATZ_RESULTS_DIRS (result directories, path-delimiter separated),
// ANSATZ_SITE_BASE (sub-path, e.g. /ansatz/ on GitHub Pages) and ANSATZ_SITE_OUT (output
// directory). It also passes a scratch --root per build, so the sources are located from here.
// ANSATZ_SITE_URL, when set, is the site's origin (e.g. https://you.github.io, the `origin`
// output of actions/configure-pages): Astro's `site`, used for canonical links.
import { URL, fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { figureFiles } from './src/render/figure-files.ts';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  srcDir: here('./src'),
  publicDir: here('./public'),
  site: process.env.ANSATZ_SITE_URL || undefined,
  base: process.env.ANSATZ_SITE_BASE || '/',
  outDir: process.env.ANSATZ_SITE_OUT || here('../../site'),
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  // Writes each figure's SVG and CSV to figures/ during the build (the download links).
  integrations: [figureFiles()],
});
