// End-to-end: under --backend auto the reference engine runs on tfjs-node where it loads, and
// otherwise the sweep says so once, while every record's `backend` says which backend ran it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawLines, runCli, tempDir, writeText } from '../test-support/harness.js';

const SPEC = `name: reference-tiny
defaults:
  task: linear
  inputDim: 3
  outputDim: 2
  samples: 8
  width: 3
  steps: 10
  logEvery: 5
  engine: reference
experiments:
  e:
    grid:
      depth: [2, 3]
`;

describe('runner sweep --backend auto on the reference engine', () => {
  it('records the backend of every run, and states once when tfjs-node did not load', async () => {
    const dir = tempDir();
    const spec = writeText(dir, 'reference-tiny.yaml', SPEC);
    const out = join(dir, 'out');
    const r = await runCli(['sweep', spec, '--out', out, '--workers', '1', '--cohort', '1']);
    expect(r.code, r.stderr).toBe(0);
    const backends = rawLines(out).map((l) => (JSON.parse(l.text) as { backend: string }).backend);
    expect(backends).toHaveLength(2);
    const notes = (r.stdout + r.stderr).match(/tfjs-node .* did not load here/g) ?? [];
    if (backends.every((b) => b === 'tensorflow')) {
      expect(notes).toHaveLength(0);
    } else {
      for (const b of backends) expect(['wasm', 'cpu']).toContain(b);
      expect(notes).toHaveLength(1);
    }
  });
});
