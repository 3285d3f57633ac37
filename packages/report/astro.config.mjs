// Astro config for the ansatz report site. `runner report` sets the inputs through the environment:
// ANSATZ_RESULTS_DIRS (result directories, path-delimiter separated), ANSATZ_SITE_BASE (sub-path,
// e.g. /ansatz/ on GitHub Pages) and ANSATZ_SITE_OUT (output directory).
import { defineConfig } from 'astro/config';

const base = process.env.ANSATZ_SITE_BASE || '/';

export default defineConfig({
  base,
  outDir: process.env.ANSATZ_SITE_OUT || '../../site',
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
});
