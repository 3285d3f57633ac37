#!/usr/bin/env node
/**
 * Package scripts of @ansatz/report (the repo's CLI is `runner report`):
 *   node dist/cli.js build <DIR…> [--out DIR] [--base /sub/]
 *   node dist/cli.js preview [DIR] [--base /sub/] [--port N]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SiteInputError, buildSite, normalizeBase } from './build-site.js';
import { serveSite } from './serve.js';

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'site' },
      base: { type: 'string', default: process.env.ANSATZ_SITE_BASE ?? '/' },
      port: { type: 'string', default: '4321' },
    },
  });
  // `pnpm --filter @ansatz/report <script>` runs in the package: resolve paths where the user typed.
  const here = (p: string) => resolve(process.env.INIT_CWD ?? process.cwd(), p);
  if (cmd === 'build') {
    const { outDir, base } = await buildSite({
      dirs: positionals.map(here),
      outDir: here(values.out),
      base: values.base,
    });
    console.log(`site written to ${outDir} (base ${base})`);
    return 0;
  }
  if (cmd === 'preview') {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`--port ${values.port}: expected an integer from 0 to 65535`);
      return 2;
    }
    const { url } = await serveSite({
      dir: here(positionals[0] ?? values.out),
      base: normalizeBase(values.base),
      port,
    });
    console.log(`serving at ${url} (Ctrl-C to stop)`);
    return new Promise<number>(() => {});
  }
  console.error(
    'usage: cli.js build <DIR…> [--out DIR] [--base /sub/] | preview [DIR] [--base /sub/] [--port N]',
  );
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (
      e instanceof SiteInputError ||
      (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(e.message);
      process.exit(2);
    }
    console.error(e);
    process.exit(1);
  },
);
