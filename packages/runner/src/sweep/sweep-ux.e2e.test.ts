// The sweep UX through the built CLI: selection (--only, --where), overrides (--set), derived
// values, --list and --rerun; every bad input exits 2 with one located message, no stack trace.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  rawLines,
  runCli,
  tempDir,
  tinySpec,
  writeText,
  type CliResult,
} from '../test-support/harness.js';

const HEAD = 'name: x\ndefaults: { inputDim: 4, outputDim: 2, samples: 16, steps: 5 }\n';

interface Case {
  name: string;
  spec?: string;
  args: (spec: string, out: string) => string[];
  expect: RegExp;
}

const cases: Case[] = [
  {
    name: 'malformed expression',
    spec: `${HEAD}experiments:\n  e:\n    grid: { depth: [2] }\n    set: { learningRate: { expr: "0.08 / (depth" } }\n`,
    args: (s, o) => ['sweep', s, '--out', o],
    expect:
      /bad\.yaml:6:34 experiments\.e\.set\.learningRate\.expr: expression "0\.08 \/ \(depth" at character 14: Unclosed \(/,
  },
  {
    name: 'expression reading an unknown field',
    spec: `${HEAD}experiments:\n  e:\n    grid: { depth: [2] }\n    set: { learningRate: { expr: "0.08 / dpth" } }\n`,
    args: (s, o) => ['sweep', s, '--out', o],
    expect:
      /bad\.yaml:6:34 experiments\.e\.set\.learningRate\.expr: expression "0\.08 \/ dpth": unknown run-config field "dpth" \(did you mean "depth"\?\)/,
  },
  {
    name: 'expression dividing by zero',
    spec: `${HEAD}experiments:\n  e:\n    grid: { weightDecay: [0.1, 0] }\n    set: { learningRate: { expr: "0.001 / weightDecay" } }\n`,
    args: (s, o) => ['sweep', s, '--out', o, '--dry-run'],
    expect:
      /bad\.yaml:6:34 experiments\.e\.set\.learningRate\.expr: division by zero \(cell weightDecay=0\)/,
  },
  {
    name: 'sweep --where with an unknown field',
    args: (s, o) => ['sweep', s, '--out', o, '--where', 'dpth>=3'],
    expect:
      /--where "dpth>=3": unknown run-config field "dpth" \(did you mean "depth"\?\); fields: task, inputDim/,
  },
  {
    name: 'status --where with a bad value',
    args: (s, o) => ['status', s, '--out', o, '--where', 'optimizer=adamm'],
    expect: /--where "optimizer=adamm": optimizer "adamm": Invalid option/,
  },
  {
    name: 'export --where with a bad clause',
    args: (_s, o) => ['export', o, '--where', 'depth~3'],
    expect: /--where "depth~3": expected FIELD=V\[,V…\]/,
  },
  {
    name: 'sweep --only with an unknown experiment',
    args: (s, o) => ['sweep', s, '--out', o, '--only', 'dpth'],
    expect: /--only dpth: no experiment "dpth" in .*spec\.yaml; experiments: depth, optimizers/,
  },
  {
    name: 'slurm --where that selects nothing',
    args: (s, o) => ['slurm', s, '--shards', '2', '--out', o, '--where', 'depth>9'],
    expect: /--where depth>9: selects no cell of/,
  },
  {
    name: 'sweep --set with a bad value',
    args: (s, o) => ['sweep', s, '--out', o, '--set', 'steps=-3'],
    expect: /--set "steps=-3": Too small: expected number to be >=0/,
  },
  {
    name: 'sweep --rerun with a word that is no id',
    args: (s, o) => ['sweep', s, '--out', o, '--rerun', 'broken'],
    expect: /--rerun "broken": "broken" is neither a run id/,
  },
];

let dir: string;
let spec: string;
const results = new Map<string, CliResult>();

beforeAll(async () => {
  dir = tempDir('ansatz-sweep-ux-');
  spec = writeText(dir, 'spec.yaml', tinySpec());
  const queue = cases.map((c, i) => async () => {
    const file = c.spec === undefined ? spec : writeText(join(dir, String(i)), 'bad.yaml', c.spec);
    results.set(c.name, await runCli(c.args(file, join(dir, 'out')), { cwd: dir }));
  });
  await Promise.all(
    [0, 1].map(async () => {
      while (queue.length) await queue.shift()!();
    }),
  );
}, 120_000);

describe('bad input to the sweep UX exits 2 with a located message', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = results.get(c.name)!;
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(c.expect);
    expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });
});

describe('selecting, listing, re-running and overriding', () => {
  it('runs a selection, reports status for it, re-runs one cell and overrides fields', async () => {
    const out = join(dir, 'flow');
    const sel = ['--only', 'depth', '--where', 'depth=3'];
    const ran = await runCli(['sweep', spec, '--out', out, '--workers', '1', ...sel], { cwd: dir });
    expect(ran.code, ran.stderr).toBe(0);
    expect(rawLines(out)).toHaveLength(4);

    const status = await runCli(['status', spec, '--out', out, '--json', ...sel], { cwd: dir });
    const s = JSON.parse(status.stdout) as {
      total: { cells: number; ok: number; missing: number };
    };
    expect(s.total).toMatchObject({ cells: 4, ok: 4, missing: 0 });
    const whole = await runCli(['status', spec, '--out', out, '--json'], { cwd: dir });
    expect((JSON.parse(whole.stdout) as typeof s).total).toMatchObject({ cells: 9, missing: 5 });

    // From the directory alone, --where re-expands the stored spec.yaml.
    const fromDir = await runCli(['status', out, '--json', '--where', 'init=gaussian'], {
      cwd: dir,
    });
    expect(fromDir.code, fromDir.stderr).toBe(0);
    const d = JSON.parse(fromDir.stdout) as typeof s & { selection: string };
    expect(d.selection).toBe('--where init=gaussian');
    expect(d.total).toMatchObject({ cells: 4, ok: 2, missing: 2 });

    // --list: the ids are those of the whole spec; the selection only picks among them.
    const list = await runCli(['sweep', spec, '--out', out, '--list', '--json', ...sel], {
      cwd: dir,
    });
    const l = JSON.parse(list.stdout) as {
      varying: string[];
      cells: { id: string; status: string }[];
    };
    const all = await runCli(['sweep', spec, '--out', out, '--list', '--json'], { cwd: dir });
    const allIds = (JSON.parse(all.stdout) as typeof l).cells.map((c) => c.id);
    expect(l.varying).toEqual(['init', 'seed']);
    expect(l.cells.map((c) => c.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    for (const c of l.cells) expect(allIds).toContain(c.id);

    const id = l.cells[0]!.id;
    const again = await runCli(['sweep', spec, '--out', out, '--rerun', id], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    const lines = rawLines(out).map(
      (x) => JSON.parse(x.text) as { id: string; rerun?: number; finishedAt: string },
    );
    const mine = lines.filter((r) => r.id === id);
    expect(mine.map((r) => r.rerun)).toEqual([undefined, 1]);
    const exported = await runCli(
      ['export', out, '--format', 'jsonl', '--where', 'init=balanced'],
      { cwd: dir },
    );
    const rows = exported.stdout
      .trim()
      .split('\n')
      .map((x) => JSON.parse(x) as { id: string; finishedAt: string; init: string });
    expect(rows.map((r) => r.init)).toEqual(['balanced', 'balanced']);
    expect(rows.find((r) => r.id === id)?.finishedAt).toBe(mine[1]!.finishedAt);
    // The same selection as Parquet: the same rows, read back by an independent reader.
    const pq = join(dir, 'balanced.parquet');
    const parquet = await runCli(
      ['export', out, '--format', 'parquet', '--out', pq, '--where', 'init=balanced'],
      { cwd: dir },
    );
    expect(parquet.code, parquet.stderr).toBe(0);
    const bytes = readFileSync(pq);
    const pqRows = await parquetReadObjects({
      file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    });
    expect(pqRows.map((r) => [r.id, r.init, r.finishedAt])).toEqual(
      rows.map((r) => [r.id, r.init, r.finishedAt]),
    );

    const setOut = join(dir, 'set');
    const set = await runCli(
      ['sweep', spec, '--out', setOut, '--only', 'optimizers', '--set', 'steps=10'],
      { cwd: dir },
    );
    expect(set.code, set.stderr).toBe(0);
    const snap = JSON.parse(readFileSync(join(setOut, 'spec.json'), 'utf8')) as {
      overrides: Record<string, unknown>;
    };
    expect(snap.overrides).toEqual({ steps: 10 });
    const setRecords = rawLines(setOut).map(
      (x) => JSON.parse(x.text) as { id: string; config: { steps: number } },
    );
    expect(setRecords.map((r) => r.config.steps)).toEqual([10, 10]);
    for (const r of setRecords) expect(allIds).not.toContain(r.id);
  }, 120_000);
});
