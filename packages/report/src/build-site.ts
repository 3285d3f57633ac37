import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listResultFiles } from '@ansatz/results';
import { RESULTS_ENV } from './data/site-data.js';

export interface BuildSiteOptions {
  /** Result directories (DESIGN.md §3). */
  dirs: string[];
  /** Output directory of the static site. */
  outDir: string;
  /** Sub-path the site is served under, e.g. `/ansatz/`; default `/`. */
  base?: string;
  /** Where astro's output goes (default: inherit this process's stdio). */
  quiet?: boolean;
}

/** A user mistake in the arguments of a site build: one message per problem. */
export class SiteInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SiteInputError';
  }
}

/** The report package root (holds astro.config.mjs), from dist/ or src/. */
export const REPORT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const LEAKY_ENV = new Set([
  'BASE_URL',
  'MODE',
  'DEV',
  'PROD',
  'SSR',
  'SITE',
  'ASSETS_PREFIX',
  'NODE_ENV',
  'TEST',
]);

/** Normalise a base path to `/x/y/` form. */
export function normalizeBase(base: string | undefined): string {
  const inner = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return inner === '' ? '/' : `/${inner}/`;
}

/**
 * Results files of `dir` that cannot be opened: an error before the build, never a site that
 * silently lacks their runs (torn or bad lines stay problems listed on the site).
 */
function unreadableFiles(dir: string): string[] {
  const { files, issues } = listResultFiles(dir);
  // Broken symlinks hold no runs: the site lists them, the build goes on.
  const problems = issues
    .filter((i) => i.kind !== 'broken-link')
    .map((i) => `${i.file}: ${i.message}`);
  for (const file of files) {
    try {
      closeSync(openSync(file, 'r'));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      problems.push(`${file}: results file cannot be read (${code})`);
    }
  }
  return problems;
}

/** Check the inputs: every results directory must exist (it may be empty) and be readable. */
export function checkSiteInputs(opts: BuildSiteOptions): string[] {
  const problems: string[] = [];
  if (opts.dirs.length === 0)
    problems.push('no results directory given: pass at least one, e.g. results/quick');
  for (const d of opts.dirs) {
    if (!existsSync(d)) problems.push(`results directory ${d} does not exist`);
    else if (!statSync(d).isDirectory())
      problems.push(`${d} is not a directory (expected a results directory of *.jsonl files)`);
    else problems.push(...unreadableFiles(d));
  }
  if (existsSync(opts.outDir) && !statSync(opts.outDir).isDirectory()) {
    problems.push(`--out ${opts.outDir} exists and is not a directory`);
  }
  return problems;
}

/**
 * Build the static site with `astro build` in a child process. Throws SiteInputError for bad
 * inputs (before building) and a plain Error when the build itself fails.
 */
export async function buildSite(opts: BuildSiteOptions): Promise<{ outDir: string; base: string }> {
  const problems = checkSiteInputs(opts);
  if (problems.length > 0) throw new SiteInputError(problems);
  const outDir = resolve(opts.outDir);
  const base = normalizeBase(opts.base);
  const require = createRequire(join(REPORT_ROOT, 'package.json'));
  const astroBin = join(dirname(require.resolve('astro/package.json')), 'astro.js');
  // Variables that Vite/Astro read as import.meta.env (e.g. set by a parent vitest) must not
  // leak into the site build: BASE_URL=/ would silently drop the sub-path from every link.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !LEAKY_ENV.has(k) && !k.startsWith('VITEST')),
  );
  const env = {
    ...inherited,
    [RESULTS_ENV]: opts.dirs.map((d) => resolve(d)).join(delimiter),
    ANSATZ_SITE_BASE: base,
    ANSATZ_SITE_OUT: outDir,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // Each build gets its own Astro root and working directory: Astro keeps intermediate chunks and
  // its content store there, and builds running at the same time must not share them. Inside the
  // package's node_modules so that the chunks still resolve the package's dependencies.
  const scratch = join(REPORT_ROOT, 'node_modules', '.ansatz-site-builds');
  mkdirSync(scratch, { recursive: true });
  const work = mkdtempSync(join(scratch, 'build-'));
  // Astro joins --config onto --root, so it must be relative to the scratch root.
  const config = relative(work, join(REPORT_ROOT, 'astro.config.mjs'));
  let code: number;
  try {
    code = await new Promise<number>((ok, fail) => {
      const child = spawn(
        process.execPath,
        [astroBin, 'build', '--root', work, '--config', config, '--outDir', outDir],
        {
          cwd: work,
          env,
          stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
        },
      );
      let log = '';
      child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
      child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
      child.on('error', fail);
      child.on('close', (c) => {
        if (c !== 0 && opts.quiet) process.stderr.write(log.slice(-8000));
        ok(c ?? 1);
      });
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (code !== 0) throw new Error(`astro build failed with exit code ${code}`);
  // Astro can leave its server-side entry chunks (*.mjs) at the top of outDir; the site never
  // loads them.
  for (const name of readdirSync(outDir)) {
    if (name.endsWith('.mjs')) rmSync(join(outDir, name), { force: true });
  }
  // GitHub Pages: serve the files as they are (no Jekyll, which would drop the _astro folder).
  writeFileSync(join(outDir, '.nojekyll'), '');
  return { outDir, base };
}
