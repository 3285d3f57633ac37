// A table of bad specs and flags: each must exit with code 2 and a message naming the problem
// (file, line:col, field path, what is allowed), never a stack trace. Runs the built CLI.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, writeText, type CliResult } from '../test-support/harness.js';

const OK_TAIL = `defaults: { inputDim: 4, outputDim: 2, samples: 16, steps: 5 }\n`;

interface Case {
  name: string;
  spec?: string;
  args?: string[];
  /** Every pattern must occur on stderr. */
  expect: RegExp[];
}

const cases: Case[] = [
  {
    name: 'YAML syntax error',
    spec: 'name: x\nexperiments:\n  e: { grid: { depth: [2, 3 } }\n',
    expect: [/bad\.yaml:3:\d+ YAML syntax error/],
  },
  {
    name: 'unknown axis (with a suggestion)',
    spec: 'name: x\nexperiments:\n  e:\n    grid: { dept: [2, 3] }\n',
    expect: [
      /bad\.yaml:4:\d+ experiments\.e\.grid\.dept: unknown run-config field "dept" \(did you mean "depth"\?\); fields: task, /,
    ],
  },
  {
    name: 'wrong type of an axis value',
    spec: 'name: x\nexperiments:\n  e:\n    grid:\n      depth: [2, three, 4]\n',
    expect: [/bad\.yaml:5:18 experiments\.e\.grid\.depth\[1\]: .*expected number, received string/],
  },
  {
    name: 'empty grid',
    spec: 'name: x\nexperiments:\n  e: { grid: {} }\n',
    expect: [/bad\.yaml:3:\d+ experiments\.e: experiment has no grid axes/],
  },
  {
    name: 'empty axis',
    spec: 'name: x\nexperiments:\n  e: { grid: { depth: [] } }\n',
    expect: [/experiments\.e\.grid\.depth: an axis needs at least one value/],
  },
  {
    name: 'negative steps',
    spec: 'name: x\ndefaults:\n  steps: -5\nexperiments:\n  e: { grid: { depth: [2] } }\n',
    expect: [/bad\.yaml:3:10 defaults\.steps: Too small: expected number to be >=0/],
  },
  {
    name: 'alias bomb',
    spec: [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
      'name: x',
      'experiments: { e: { grid: { depth: [2] } } }',
      '',
    ].join('\n'),
    expect: [/bad\.yaml: YAML aliases expand too much .*at most 200 alias expansions/],
  },
  {
    name: 'spec with zero cells',
    spec: 'name: x\nexperiments: {}\n',
    expect: [/bad\.yaml:2:\d+ experiments: no experiments; the spec expands to zero cells/],
  },
  {
    name: 'duplicate experiment names',
    spec: 'name: x\nexperiments:\n  e: { grid: { depth: [2] } }\n  e: { grid: { depth: [3] } }\n',
    expect: [/bad\.yaml:4:3 duplicate key "e": keys must be unique/],
  },
  {
    name: 'missing sweep name',
    spec: 'experiments:\n  e: { grid: { depth: [2] } }\n',
    expect: [/bad\.yaml:1:1 name: missing; expected the sweep name/],
  },
  {
    name: 'unknown top-level key',
    spec: 'name: x\nexperimnts:\n  e: { grid: { depth: [2] } }\nexperiments: { e: { grid: { depth: [2] } } }\n',
    expect: [
      /bad\.yaml:2:1 experimnts: unknown key "experimnts"; allowed here: name, description, defaults, experiments/,
    ],
  },
  {
    name: 'invalid enum value',
    spec: 'name: x\nexperiments:\n  e: { grid: { optimizer: [gd, adamm] } }\n',
    expect: [/experiments\.e\.grid\.optimizer\[1\]: Invalid option: expected one of "gd"\|"sgd"/],
  },
  {
    name: 'unknown key in an experiment',
    spec: 'name: x\nexperiments:\n  e: { grids: { depth: [2] } }\n',
    expect: [
      /experiments\.e\.grids: unknown key "grids"; allowed here: description, grid, seeds, set, rules/,
    ],
  },
  {
    name: 'seeds: 0',
    spec: 'name: x\nexperiments:\n  e: { grid: { depth: [2] }, seeds: 0 }\n',
    expect: [/experiments\.e\.seeds: expected a number of seeds N ≥ 1/],
  },
  {
    name: 'rule that sets a grid axis',
    spec: 'name: x\nexperiments:\n  e:\n    grid: { depth: [2, 3] }\n    rules:\n      - when: { depth: 3 }\n        set: { depth: 4 }\n',
    expect: [
      /bad\.yaml:7:\d+ experiments\.e\.rules\[0\]\.set\.depth: depth is a grid axis; a rule cannot override grid values/,
    ],
  },
  {
    name: 'rule condition with an invalid value',
    spec: 'name: x\nexperiments:\n  e:\n    grid: { optimizer: [gd, adam] }\n    rules:\n      - when: { optimizer: adma }\n        set: { learningRate: 0.01 }\n',
    expect: [/experiments\.e\.rules\[0\]\.when\.optimizer: Invalid option: expected one of/],
  },
  {
    name: 'seeds and grid.seed both given',
    spec: 'name: x\nexperiments:\n  e: { grid: { seed: [1, 2] }, seeds: 3 }\n',
    expect: [/experiments\.e\.seeds: seeds and grid\.seed both given/],
  },
  {
    name: 'cross-field problem (batchSize > samples) at the value that caused it',
    spec: 'name: x\ndefaults: { samples: 16, optimizer: sgd }\nexperiments:\n  e: { grid: { batchSize: [8, 32] } }\n',
    expect: [/experiments\.e\.grid\.batchSize\[1\]: batchSize 32 exceeds samples 16/],
  },
  {
    name: 'duplicate axis value',
    spec: 'name: x\nexperiments:\n  e: { grid: { depth: [2, 3, 2] } }\n',
    expect: [/experiments\.e\.grid\.depth\[2\]: duplicate value 2 \(same as \[0\]\)/],
  },
  {
    name: 'axis that is not a list',
    spec: 'name: x\nexperiments:\n  e: { grid: { depth: 3 } }\n',
    expect: [/experiments\.e\.grid\.depth: expected a list of values/],
  },
  {
    name: 'bad sweep name',
    spec: 'name: "my sweep!"\nexperiments:\n  e: { grid: { depth: [2] } }\n',
    expect: [/bad\.yaml:1:7 name: a sweep name uses letters, digits/],
  },
  {
    name: 'empty file',
    spec: '# nothing\n',
    expect: [/bad\.yaml: the spec is empty/],
  },
  {
    name: 'several problems at once',
    spec: 'name: x\ndefaults: { widht: 4 }\nexperiments:\n  e: { grid: { depth: [0] } }\n',
    expect: [
      /error: 2 problems/,
      /defaults\.widht: unknown run-config field "widht" \(did you mean "width"\?\)/,
      /experiments\.e\.grid\.depth\[0\]: Too small/,
    ],
  },
  {
    name: 'missing spec file',
    args: ['sweep', 'nope/missing.yaml'],
    expect: [/nope\/missing\.yaml: cannot read the spec \(no such file\)/],
  },
  {
    name: '--workers 0',
    args: ['sweep', '@ok', '--workers', '0'],
    expect: [/--workers 0: expected an integer from 1 to 1024/],
  },
  {
    name: '--shard 3/3',
    args: ['sweep', '@ok', '--shard', '3/3'],
    expect: [/--shard 3\/3: expected 0 ≤ I < N/],
  },
  {
    name: '--backend gpu',
    args: ['sweep', '@ok', '--backend', 'gpu'],
    expect: [/--backend gpu: expected one of auto, tensorflow, wasm, cpu/],
  },
  {
    name: '--out is a file',
    args: ['sweep', '@ok', '--out', '@ok'],
    expect: [/--out .*ok\.yaml: exists and is not a directory/],
  },
  {
    name: 'unknown option',
    args: ['sweep', '@ok', '--wrokers', '2'],
    expect: [/Unknown argument: wrokers/],
  },
  {
    name: 'export --format xml',
    args: ['export', '.', '--format', 'xml'],
    expect: [/--format xml: expected one of csv, jsonl, parquet/],
  },
  {
    name: 'export --format parquet to stdout',
    args: ['export', '.', '--format', 'parquet'],
    expect: [/--format parquet writes a binary file: give it a name with --out/],
  },
];

let dir: string;
const results = new Map<string, CliResult>();

beforeAll(async () => {
  dir = tempDir();
  const okSpec = writeText(
    dir,
    'ok.yaml',
    `name: ok\n${OK_TAIL}experiments: { e: { grid: { depth: [2] } } }\n`,
  );
  const jobs = cases.map((c, i) => async () => {
    const specPath =
      c.spec !== undefined ? writeText(join(dir, String(i)), 'bad.yaml', c.spec) : okSpec;
    const args = c.args?.map((a) => (a === '@ok' ? okSpec : a)) ?? [
      'sweep',
      specPath,
      '--out',
      join(dir, 'out'),
    ];
    results.set(
      c.name,
      await runCli(args, { cwd: c.spec !== undefined ? join(dir, String(i)) : dir }),
    );
  });
  // A few at a time: each child loads TensorFlow.js.
  const queue = [...jobs];
  await Promise.all(
    [0, 1, 2].map(async () => {
      while (queue.length) await queue.shift()!();
    }),
  );
});

afterAll(() => results.clear());

describe('bad input exits with code 2 and a message naming the problem', () => {
  it('has at least 15 bad specs', () => {
    expect(cases.filter((c) => c.spec !== undefined).length).toBeGreaterThanOrEqual(15);
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = results.get(c.name)!;
    expect(r.code, r.stderr).toBe(2);
    for (const re of c.expect) expect(r.stderr).toMatch(re);
    expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/); // no stack trace
    expect(r.stderr).not.toMatch(/internal error/);
  });
});
