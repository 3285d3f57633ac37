// Cooperating writers: three unsharded `runner sweep` processes started at once on one --out
// split the cells through claim files (claims/<id>, created exclusively) instead of each running them all;
// the claims of a writer that died are taken over once their lease has expired.
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../errors.js';
import { runCli, startCli, tempDir, writeText } from '../test-support/harness.js';

const SPEC = `name: coop
defaults: { task: linear, inputDim: 6, outputDim: 3, samples: 32, width: 6, steps: 1500, logEvery: 500 }
experiments:
  e:
    grid: { depth: [2, 3, 4], init: [balanced, gaussian] }
    seeds: 6
`;
const CELLS = 36;

/** Every record line of every writer file: file name and id. */
function records(out: string): { file: string; id: string }[] {
  const found: { file: string; id: string }[] = [];
  for (const f of readdirSync(out).filter((n) => n.endsWith('.jsonl'))) {
    for (const l of readFileSync(join(out, f), 'utf8').split('\n').filter(Boolean)) {
      found.push({ file: f, id: (JSON.parse(l) as { id: string }).id });
    }
  }
  return found;
}

describe('cooperating writers on one results directory', () => {
  it('three writers at once run every cell exactly once between them', async () => {
    const dir = tempDir('ansatz-coop-');
    const spec = writeText(dir, 'coop.yaml', SPEC);
    const out = join(dir, 'res');
    const args = ['sweep', spec, '--out', out, '--workers', '1', '--cohort', '1'];
    const writers = [startCli(args), startCli(args), startCli(args)];
    const ends = await Promise.all(writers.map((w) => w.done));
    for (const e of ends) expect(e.code, e.stderr).toBe(EXIT.ok);
    const recs = records(out);
    expect(new Set(recs.map((r) => r.id)).size).toBe(CELLS);
    expect(recs).toHaveLength(CELLS); // no cell ran twice
    // The work was shared: more than one writer wrote records.
    expect(new Set(recs.map((r) => r.file)).size).toBeGreaterThan(1);
    expect(ends.some((e) => /left to other writers/.test(e.stderr))).toBe(true);
    // Every claim is marked done; a fresh writer finds nothing to run.
    const again = await runCli(args);
    expect(again.code).toBe(EXIT.ok);
    expect(again.stdout).toMatch(/nothing to run/);
  });

  it("a dead writer's claims are taken over (after the lease, or at once on this host), a live writer's are not", async () => {
    const dir = tempDir('ansatz-coop-lease-');
    const spec = writeText(dir, 'coop.yaml', SPEC);
    const out = join(dir, 'res');
    const dry = await runCli(['sweep', spec, '--out', out, '--dry-run', '--json']);
    const ids = (JSON.parse(dry.stdout) as { mine: string[] }).mine;
    expect(ids.length).toBeGreaterThan(2);
    const claims = join(out, 'claims');
    mkdirSync(claims, { recursive: true });
    // ids[0]: claimed by a writer that died 10 minutes ago; ids[1]: by one alive right now.
    writeFileSync(join(claims, ids[0]!), '{"pid":1}\n');
    const old = new Date(Date.now() - 600_000);
    utimesSync(join(claims, ids[0]!), old, old);
    writeFileSync(join(claims, ids[1]!), '{"pid":2}\n');
    // ids[2]: claimed a moment ago by a process of this host that is gone (kill -9): at once.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(claims, ids[2]!), `${JSON.stringify({ host: hostname(), pid: gone })}\n`);
    const r = await runCli(['sweep', spec, '--out', out, '--workers', '1', '--lease', '60']);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stderr).toMatch(/1 cell\(s\) left to other writers/);
    const done = new Set(records(out).map((x) => x.id));
    expect(done.has(ids[0]!)).toBe(true);
    expect(done.has(ids[1]!)).toBe(false);
    expect(done.has(ids[2]!)).toBe(true);
    expect(done.size).toBe(CELLS - 1);
  });
});
