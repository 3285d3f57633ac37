/**
 * `pnpm bench:scale`: how planning, status, export and the report grow with a sweep's size.
 * Plans grid specs of 10⁵ and 10⁶ cells (`runner sweep --dry-run`, whole and as one shard of
 * 64), builds results sets of real re-seeded records (see make-records.ts) and times `runner
 * status`, `runner export` and `runner report` on each, with peak RSS, the site's size and its
 * largest page gzipped.
 *
 * usage: node packages/bench/dist/scale/main.js [--records 10000,50000] [--plan 100000,1000000]
 *        [--out bench-results/scale] [--timeout 1200] [--reuse] [--skip-report] [--skip-browser]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fmt, formatTable } from '../table.js';
import { makeRecords, seedRecords, type RecordSet } from './make-records.js';
import { measureNode, peakSource, type Measured } from './measure.js';
import { planSpecText } from './plan-spec.js';
import { FILTER_TYPED, measureInteraction, type Interaction } from './interaction.js';
import { siteSize, type SiteSize } from './site-size.js';
import { TARGETS, verdict } from './targets.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '10000,50000' },
    plan: { type: 'string', default: '100000,1000000' },
    spec: { type: 'string', default: 'sweeps/quick.yaml' },
    out: { type: 'string', default: resolve(root, 'bench-results/scale') },
    timeout: { type: 'string', default: '1200' },
    reuse: { type: 'boolean', default: false },
    'skip-report': { type: 'boolean', default: false },
    'skip-browser': { type: 'boolean', default: false },
  },
});
/** Shards of the sharded dry run (a Slurm array of this many tasks). */
const PLAN_SHARDS = 64;
const sizes = (s: string) => (s.trim() === '' ? [] : s.split(',').map((x) => Number(x.trim())));
const out = resolve(args.out);
const cli = resolve(root, 'packages/cli/dist/cli.js');
const timeoutSeconds = Number(args.timeout);
const say = (s = '') => process.stdout.write(`${s}\n`);
mkdirSync(out, { recursive: true });

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
const largest = (l: SiteSize['largestPage']) =>
  l ? `${l.path}: ${fmt(l.gzipped / 1024)} KB` : '—';
const mb = (b: number | null | undefined) => (b == null ? '—' : `${fmt(b / 2 ** 20)} MB`);
interface Row {
  work: string;
  n: number;
  m: Measured;
  /** The machine's 1-minute load average when the command started (2 cores: > 2 is shared). */
  load: number;
}
const rows: Row[] = [];
const sites: { n: number; size: SiteSize; interaction: Interaction | null }[] = [];

async function time(work: string, n: number, cliArgs: string[], stdoutFile?: string) {
  const load = loadavg()[0] ?? 0;
  say(`  ${work} at ${n} (load average ${fmt(load, 2)}) …`);
  const m = await measureNode([cli, ...cliArgs], {
    cwd: root,
    timeoutSeconds,
    ...(stdoutFile ? { stdoutFile } : {}),
  });
  const end = m.timedOut ? `killed at the ${timeoutSeconds} s limit` : `exit ${m.code}`;
  say(`    ${fmt(m.seconds)} s (${fmt(m.cpuSeconds)} CPU s), peak ${mb(m.peakRss)}, ${end}`);
  if (!m.timedOut && m.code !== 0) say(m.stderrTail.replace(/^/gm, '      '));
  rows.push({ work, n, m, load });
  return m;
}

say(
  `ansatz bench:scale — node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${fmt(totalmem() / 2 ** 30)} GB; peak RSS from ${peakSource}`,
);

for (const cells of sizes(args.plan)) {
  const spec = join(out, `plan-${cells}.yaml`);
  writeFileSync(spec, planSpecText(cells));
  const empty = join(out, `plan-${cells}-results`);
  rmSync(empty, { recursive: true, force: true });
  await time('sweep --dry-run', cells, ['sweep', spec, '--dry-run', '--out', empty]);
  // One shard of many: it still hashes every cell (shards are balanced over all ids) but
  // builds only its own.
  await time(`sweep --dry-run --shard 0/${PLAN_SHARDS}`, cells, [
    'sweep',
    spec,
    '--dry-run',
    '--out',
    empty,
    '--shard',
    `0/${PLAN_SHARDS}`,
  ]);
}

const recordSizes = sizes(args.records);
if (recordSizes.length > 0) {
  const seedDir = join(out, 'seed');
  if (!args.reuse) rmSync(seedDir, { recursive: true, force: true });
  const seeds = seedRecords(cli, args.spec, seedDir, root);
  say(`real seed sweep: ${args.spec} → ${seeds.length} ok records in ${seedDir}`);
  for (const n of recordSizes) {
    const dir = join(out, `records-${n}`);
    const started = Date.now();
    const set: RecordSet = makeRecords(seeds, resolve(root, args.spec), n, dir);
    say(
      `results set ${dir}: ${set.records} records, ${mb(set.bytes)} in one JSONL file, built in ${fmt((Date.now() - started) / 1000)} s — re-seeded: ${set.how}`,
    );
    await time('status', set.records, ['status', dir]);
    await time('export (csv)', set.records, ['export', dir, '--out', join(out, `export-${n}.csv`)]);
    if (args['skip-report']) continue;
    const site = join(out, `site-${n}`);
    rmSync(site, { recursive: true, force: true });
    const m = await time('report', set.records, ['report', dir, '--out', site]);
    if (m.code !== 0) continue;
    let interaction: Interaction | null = null;
    if (!args['skip-browser']) {
      const load = loadavg()[0] ?? 0;
      interaction = await measureInteraction(site);
      const ks = interaction.keystrokeMs;
      say(
        `  runs table in Chromium at ${set.records} (load average ${fmt(load, 2)}): data in ${fmt(interaction.loadMs / 1000)} s; typing "${FILTER_TYPED}" (${interaction.matched} match): median ${fmt(median(ks))} ms, max ${fmt(Math.max(...ks))} ms a keystroke; sort ${fmt(interaction.sortMs)} ms, reverse ${fmt(interaction.reverseMs)} ms, next page ${fmt(interaction.pageMs)} ms`,
      );
    }
    sites.push({ n: set.records, size: siteSize(site), interaction });
  }
}

say();
const table = rows.map((r) => {
  const t = TARGETS.find((x) => x.work === r.work && x.n <= r.n);
  return [
    r.work,
    String(r.n),
    r.m.timedOut ? `> ${timeoutSeconds}` : fmt(r.m.seconds),
    fmt(r.m.cpuSeconds),
    mb(r.m.peakRss),
    r.m.timedOut ? 'timed out' : String(r.m.code),
    fmt(r.load, 2),
    t ? `≤ ${t.seconds} s, ≤ ${mb(t.rss)}` : '',
    t ? verdict(r.m, t) : '',
  ];
});
say(
  formatTable(
    ['work', 'n', 'seconds', 'CPU s', 'peak RSS', 'exit', 'load', 'target', 'holds'],
    table,
  ),
);
if (sites.length > 0) {
  say();
  say(
    formatTable(
      [
        'site of n runs',
        'size',
        'files',
        'pages',
        'per run',
        'largest page (gzipped)',
        'largest data file (gzipped)',
        'runs table data (gzipped)',
      ],
      sites.map(({ n, size }) => [
        String(n),
        mb(size.bytes),
        String(size.files),
        String(size.pages),
        `${fmt(size.bytes / n / 1024)} KB`,
        largest(size.largestPage),
        largest(size.largestData),
        `${size.tableData.files} files, ${fmt(size.tableData.gzipped / 1024)} KB`,
      ]),
    ),
  );
}
const file = join(out, 'scale.json');
writeFileSync(file, `${JSON.stringify({ node: process.version, rows, sites }, null, 2)}\n`);
say(`\nwritten: ${file}`);
