// A full disk, for real: a small tmpfs (the test machine is root; if it cannot be mounted, the
// test fails — it is never skipped). The sweep must stop cleanly (exit 74, one message naming
// ENOSPC and the file, a summary, no stack), leave only whole lines, and resume afterwards.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../errors.js';
import { runCli, tempDir, writeText } from '../test-support/harness.js';

const SPEC = `name: full-disk
defaults: { task: linear, inputDim: 4, outputDim: 2, samples: 16, width: 4, steps: 40, logEvery: 20 }
experiments:
  depth:
    grid: { depth: [2, 3], init: [balanced, gaussian] }
    seeds: 8
`;
const CELLS = 32;

const root = tempDir('ansatz-disk-full-');
const mounts: string[] = [];

/** Mount a fresh tmpfs of `size` at a new directory; throws (failing the test) if it cannot. */
function tmpfs(name: string, options: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

/** Every line of every results file: each must be whole JSON. */
function lines(dir: string): { id: string }[] {
  const out: { id: string }[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
    const text = readFileSync(join(dir, f), 'utf8');
    if (text !== '') expect(text.endsWith('\n'), `${f} ends in a torn line`).toBe(true);
    for (const l of text.split('\n').filter(Boolean)) out.push(JSON.parse(l) as { id: string });
  }
  return out;
}

let spec: string;
beforeAll(() => {
  spec = writeText(root, 'spec.yaml', SPEC);
});
afterAll(() => {
  for (const m of mounts.reverse()) execFileSync('umount', [m]);
  execFileSync('rm', ['-rf', root]);
});

describe('runner sweep on a full disk', () => {
  it('stops with exit 74, one message naming ENOSPC and the file, a summary, only whole lines; resume completes', async () => {
    const disk = tmpfs('small', 'size=64k');
    const out = join(disk, 'res');
    // One cell per task, so each batch the group commit writes is one record: some fit before
    // the disk is full (a cohort's batch can be larger than this whole disk; it is cut back
    // the same way, leaving no line).
    const r = await runCli(['sweep', spec, '--out', out, '--workers', '1', '--cohort', '1']);
    expect(r.code, r.stderr).toBe(EXIT.ioError);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    const messages = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      new RegExp(
        `^error: cannot write results: ENOSPC \\(no space left on the device\\) writing ${out}/[^ ]+\\.jsonl`,
      ),
    );
    expect(messages[0]).toContain('run the same command again');
    expect(r.stdout).toMatch(/end\s+stopped: ENOSPC/);
    const before = lines(out);
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(CELLS);

    execFileSync('mount', ['-o', 'remount,size=8m', disk]);
    const again = await runCli(['sweep', spec, '--out', out, '--workers', '1']);
    expect(again.code, again.stderr).toBe(EXIT.ok);
    expect(again.stderr).toContain(`${CELLS - before.length} to run, ${before.length} done`);
    const after = lines(out);
    expect(after).toHaveLength(CELLS);
    expect(new Set(after.map((l) => l.id)).size).toBe(CELLS);
  });

  it('a disk already full when the sweep starts: exit 74 before any run, nothing written', async () => {
    const disk = tmpfs('full', 'size=64k');
    try {
      // Fill it to the last block.
      execFileSync('dd', ['if=/dev/zero', `of=${join(disk, 'fill')}`, 'bs=4k'], {
        stdio: 'ignore',
      });
    } catch {
      // dd ends with ENOSPC: that is the point.
    }
    const out = join(disk, 'res');
    // One cell per task, so each batch the group commit writes is one record: some fit before
    // the disk is full (a cohort's batch can be larger than this whole disk; it is cut back
    // the same way, leaving no line).
    const r = await runCli(['sweep', spec, '--out', out, '--workers', '1', '--cohort', '1']);
    expect(r.code, r.stderr).toBe(EXIT.ioError);
    expect(r.stderr).toMatch(/^error: cannot write results: ENOSPC .*spec snapshot.*nothing ran/m);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('a read-only --out is bad input: exit 2 naming --out, no stack', async () => {
    const disk = tmpfs('ro', 'ro,size=64k');
    const out = join(disk, 'res');
    const r = await runCli(['sweep', spec, '--out', out, '--workers', '1']);
    expect(r.code, r.stderr).toBe(EXIT.badInput);
    expect(r.stderr).toMatch(
      new RegExp(`^error: --out ${out}: cannot write there \\(EROFS: read-only file system\\)`),
    );
  });
});
