import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSnapshot } from '../results/snapshot.js';
import { loadSpecText } from '../spec/load-spec.js';
import { tempDir, writeText } from '../test-support/harness.js';
import { formatStatus, sweepStatus } from './status.js';

const SPEC = `name: st
experiments:
  a: { grid: { depth: [2, 3] } }
  b: { grid: { depth: [3, 4, 5] } }
`;

function setup() {
  const dir = tempDir();
  const specFile = writeText(dir, 'st.yaml', SPEC);
  const loaded = loadSpecText(SPEC, specFile);
  const out = join(dir, 'results');
  writeSnapshot(out, loaded);
  const id = (depth: number) => loaded.cells.find((c) => c.config.depth === depth)!.id;
  const rec = (depth: number, status: string, experiment = 'a') =>
    JSON.stringify({
      v: 1,
      id: id(depth),
      sweep: 'st',
      experiment,
      config: { depth },
      status,
      finishedAt: 'x',
    });
  // depth 2 ok, depth 3 (shared by a and b) diverged, depth 4 failed, depth 5 missing, one stray run
  writeFileSync(
    join(out, 'w1.jsonl'),
    `${rec(2, 'ok')}\n${rec(3, 'diverged')}\n${rec(4, 'failed', 'b')}\n`,
  );
  const stray = JSON.stringify({
    v: 1,
    id: 'ffff',
    sweep: 'st',
    experiment: 'old',
    config: {},
    status: 'ok',
    finishedAt: 'x',
  });
  writeFileSync(join(out, 'w2.jsonl'), `${stray}\n`);
  appendFileSync(join(out, 'w2.jsonl'), '{"v":1,"id":"tor');
  return { specFile, out };
}

describe('sweepStatus', () => {
  it('counts per experiment from the spec, a shared cell in both, and reports stray runs and torn lines', async () => {
    const { specFile, out } = setup();
    const s = await sweepStatus(specFile, out);
    expect(s.experiments).toEqual([
      { name: 'a', cells: 2, ok: 1, diverged: 1, failed: 0, missing: 0 },
      { name: 'b', cells: 3, ok: 0, diverged: 1, failed: 1, missing: 1 },
    ]);
    expect(s.total).toMatchObject({ cells: 4, ok: 1, diverged: 1, failed: 1, missing: 1 });
    expect(s.extra).toBe(1);
    expect(s.bad).toEqual([`${join(out, 'w2.jsonl')}:2 torn last line (no newline); skipped`]);
    const text = formatStatus(s);
    expect(text).toMatch(/^b\s+3\s+1\s+0\s+1\s+1\s+1$/m);
    expect(text).toMatch(/1 unreadable line/);
  });

  it('gives the same counts from the directory alone, using its spec snapshot', async () => {
    const { specFile, out } = setup();
    expect((await sweepStatus(out)).experiments).toEqual(
      (await sweepStatus(specFile, out)).experiments,
    );
  });

  it('without a snapshot, groups the records by the experiment they name', async () => {
    const bare = tempDir();
    writeFileSync(
      join(bare, 'w.jsonl'),
      `${JSON.stringify({ v: 1, id: 'i1', sweep: 'z', experiment: 'e', config: {}, status: 'ok', finishedAt: 'x' })}\n`,
    );
    const s = await sweepStatus(bare);
    expect(s.sweep).toBe('z');
    expect(s.experiments).toEqual([
      { name: 'e', cells: 1, ok: 1, diverged: 0, failed: 0, missing: 0 },
    ]);
  });

  it('names a target that is neither a spec nor a results directory', async () => {
    await expect(sweepStatus(join(tempDir(), 'nope'))).rejects.toThrow(
      /no such spec file or results directory/,
    );
    await expect(sweepStatus(tempDir())).rejects.toThrow(/not a results directory/);
  });
});
