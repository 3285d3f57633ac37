// Issue 18's bad inputs as one table: hostile spec files (FIFO, device, directory, oversized),
// out-of-range flags, unusable --out paths, over-long sweep names, forbidden keys and unknown
// YAML tags. Each must end quickly with exit 2 and one located message, never a stack trace
// or a hang (a hang fails by the test timeout). Results directories holding symlink loops and
// dangling symlinks are read with the problem reported, not a crash. Runs the built CLI.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from './errors.js';
import { runCli, tempDir, tinySpec, writeText } from './test-support/harness.js';

const dir = tempDir('ansatz-bad-input-');
afterAll(() => execFileSync('rm', ['-rf', dir]));

const spec = (body: string) => `name: x\n${body}`;
const EXP = 'experiments:\n  e: { grid: { depth: [2] } }\n';

interface Case {
  name: string;
  /** The command line; `SPEC` stands for the spec file the case writes (or `path`). */
  args: string[];
  /** The spec's text (written to bad.yaml), unless the case uses a special file. */
  text?: string;
  /** Every pattern must occur on stderr. */
  expect: RegExp[];
  code?: number;
}

const cases: Case[] = [
  // Spec files that are not small regular files: refused before they are read.
  {
    name: 'spec is a FIFO (sweep)',
    args: ['sweep', 'FIFO', '--dry-run'],
    expect: [/fifo\.yaml: cannot read the spec: it is a named pipe \(FIFO\), not a file/],
  },
  {
    name: 'spec is a FIFO (status)',
    args: ['status', 'FIFO'],
    expect: [/fifo\.yaml: cannot read the spec: it is a named pipe \(FIFO\), not a file/],
  },
  {
    name: 'spec is a symlink to /dev/zero',
    args: ['sweep', 'ZERO', '--dry-run'],
    expect: [/zero\.yaml: cannot read the spec: it is a character device, not a file/],
  },
  {
    name: 'spec is a directory',
    args: ['sweep', 'DIR', '--dry-run'],
    expect: [/a-dir\.yaml: cannot read the spec: it is a directory, not a file/],
  },
  {
    name: 'spec over 1 MB',
    args: ['sweep', 'BIG', '--dry-run'],
    expect: [/big\.yaml: the spec is 1000001 bytes; at most 1000000 allowed/],
  },
  // Flags out of range.
  {
    name: '--shard 0/1000000000',
    args: ['sweep', 'OK', '--shard', '0/1000000000', '--dry-run'],
    expect: [/--shard 0\/1000000000: the shard count must be an integer from 1 to 100000/],
  },
  {
    name: '--shard 0/99999999999999999999999',
    args: ['sweep', 'OK', '--shard', '0/99999999999999999999999', '--dry-run'],
    expect: [/--shard 0\/99999999999999999999999: the shard count must be an integer from 1/],
  },
  {
    name: '--shard-count, --workers, --retries too large',
    args: ['sweep', 'OK', '--shard-count', '1e9', '--workers', '1e9', '--retries', '1e9'],
    expect: [/--workers 1000000000: expected an integer from 1 to 1024/, /--retries 1000000000/],
  },
  {
    name: '--cohort beyond a safe integer',
    args: ['sweep', 'OK', '--cohort', '99999999999999999999', '--dry-run'],
    expect: [/--cohort 99999999999999999999: expected auto or an integer ≥ 1/],
  },
  {
    name: 'SLURM_ARRAY_TASK_COUNT too large',
    args: ['sweep', 'OK', '--dry-run'],
    expect: [/SLURM array of 1000000000 tasks: the shard count must be an integer from 1/],
  },
  {
    name: 'slurm --shards 1e9',
    args: ['slurm', 'OK', '--shards', '1000000000'],
    expect: [/--shards 1000000000: expected an integer from 1 to 100000/],
  },
  {
    name: 'k8s --parallelism 1e9',
    args: ['k8s', 'OK', '--shards', '2', '--image', 'i:1', '--parallelism', '1000000000'],
    expect: [/--parallelism 1000000000: expected an integer from 1 to 100000/],
  },
  // --out paths that cannot be results directories.
  {
    name: '--out /dev/full/x (dry run too)',
    args: ['sweep', 'OK', '--out', '/dev/full/x', '--dry-run'],
    expect: [/--out \/dev\/full\/x: \/dev\/full is not a directory/],
  },
  {
    name: '--out /dev/full/x',
    args: ['sweep', 'OK', '--out', '/dev/full/x', '--workers', '1'],
    expect: [/--out \/dev\/full\/x: \/dev\/full is not a directory/],
  },
  {
    name: '--out /proc/self/nonexistent (used to hang)',
    args: ['sweep', 'OK', '--out', '/proc/self/nonexistent', '--workers', '1'],
    expect: [/--out \/proc\/self\/nonexistent: cannot write there/],
  },
  {
    name: '--out below a regular file',
    args: ['sweep', 'OK', '--out', 'FILE/sub', '--dry-run'],
    expect: [/--out .*plain-file\/sub: .*plain-file is not a directory/],
  },
  // Sweep names must fit a file name; checked when the spec is validated (dry runs too).
  {
    name: 'sweep name of 256 characters, dry run',
    args: ['sweep', 'SPEC', '--dry-run'],
    text: `name: ${'n'.repeat(256)}\n${EXP}`,
    expect: [/bad\.yaml:1:7 name: a sweep name has at most 200 characters/],
  },
  {
    name: 'sweep name of 999000 characters, dry run',
    args: ['sweep', 'SPEC', '--dry-run'],
    text: `name: ${'n'.repeat(999_000)}\n${EXP}`,
    expect: [/bad\.yaml:1:7 name: a sweep name has at most 200 characters/],
  },
  {
    name: 'over 10⁶ cells: refused from the grid sizes, before expansion',
    args: ['sweep', 'SPEC', '--dry-run'],
    text: spec(
      `experiments:\n  e:\n    grid: { seed: [${Array.from({ length: 1001 }, (_, i) => i).join(', ')}] }\n    set: { depth: 2 }\n    rules: []\n  f: { grid: { learningRate: [${Array.from({ length: 1000 }, (_, i) => (i + 1) / 1e4).join(', ')}], depth: [2, 3] }, seeds: 500 }\n`,
    ),
    expect: [/experiments\.f: expands to 1000000 cells; at most 1000000 per spec/],
  },
  // Keys that are JavaScript machinery, and tags YAML does not know.
  {
    name: '__proto__ in defaults',
    args: ['sweep', 'SPEC', '--dry-run'],
    text: spec(`defaults:\n  __proto__: { depth: 3 }\n${EXP}`),
    expect: [/bad\.yaml:3:3 key "__proto__" is not allowed/],
  },
  {
    name: '__proto__ in a grid',
    args: ['sweep', 'SPEC', '--dry-run'],
    text: spec('experiments:\n  e:\n    grid:\n      depth: [2]\n      __proto__: [1]\n'),
    expect: [/bad\.yaml:6:7 key "__proto__" is not allowed/],
  },
  {
    name: 'constructor and prototype keys',
    args: ['sweep', 'SPEC', '--dry-run'],
    text: spec('experiments:\n  constructor: { grid: { depth: [2] }, set: { prototype: 1 } }\n'),
    expect: [/bad\.yaml:3:3 key "constructor" is not allowed/, /key "prototype" is not allowed/],
  },
  {
    name: 'unknown YAML tag',
    args: ['sweep', 'SPEC', '--dry-run'],
    text: spec(`defaults:\n  optimizer: !foo adam\n${EXP}`),
    expect: [/bad\.yaml:3:14 unknown YAML tag !foo/],
  },
];

const paths: Record<string, string> = {};
beforeAll(() => {
  paths['OK'] = writeText(dir, 'ok.yaml', tinySpec());
  paths['FIFO'] = join(dir, 'fifo.yaml');
  execFileSync('mkfifo', [paths['FIFO']]);
  paths['ZERO'] = join(dir, 'zero.yaml');
  symlinkSync('/dev/zero', paths['ZERO']);
  paths['DIR'] = join(dir, 'a-dir.yaml');
  mkdirSync(paths['DIR']);
  paths['BIG'] = writeText(
    dir,
    'big.yaml',
    `${tinySpec()}#${'x'.repeat(1_000_000)}`.slice(0, 1_000_001),
  );
  paths['FILE'] = writeText(dir, 'plain-file', '');
});

describe('bad input: exit 2 with a located message, no stack, no hang', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const spec = c.text === undefined ? undefined : writeText(dir, 'bad.yaml', c.text);
      const args = c.args.map((a) =>
        a === 'SPEC' ? spec! : a.replace(/^(OK|FIFO|ZERO|DIR|BIG|FILE)/, (k) => paths[k]!),
      );
      const env = c.name.startsWith('SLURM_')
        ? { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '1000000000' }
        : {};
      const r = await runCli(args, { cwd: dir, env });
      expect(r.code, r.stderr).toBe(c.code ?? EXIT.badInput);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      for (const e of c.expect) expect(r.stderr).toMatch(e);
    });
  }
});

describe('results directories with symlink loops and dangling symlinks', () => {
  it('status, export and a resumed sweep report them and go on', async () => {
    const out = join(dir, 'links');
    const ok = writeText(dir, 'links.yaml', tinySpec({ name: 'links', depths: [2], seeds: 1 }));
    const first = await runCli(['sweep', ok, '--out', out, '--workers', '1']);
    expect(first.code, first.stderr).toBe(EXIT.ok);
    symlinkSync('loop-b.jsonl', join(out, 'loop-a.jsonl'));
    symlinkSync('loop-a.jsonl', join(out, 'loop-b.jsonl'));
    symlinkSync('nowhere.jsonl', join(out, 'dangling.jsonl'));
    symlinkSync('.', join(out, 'self.jsonl'));
    writeFileSync(join(out, 'empty.jsonl'), '');
    for (const args of [
      ['status', ok, '--out', out],
      ['export', out, '--out', join(dir, 'links.csv')],
      ['sweep', ok, '--out', out, '--workers', '1'],
    ]) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(EXIT.ok);
      const all = r.stdout + r.stderr;
      expect(all).not.toMatch(/internal error/);
      expect(all).toMatch(/loop-a\.jsonl: cannot read \(ELOOP\)/);
      expect(all).toMatch(/dangling\.jsonl: cannot read \(ENOENT\)/);
    }
  });
});
