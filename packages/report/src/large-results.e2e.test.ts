/**
 * A results file over 1 GB is read line by line (issue 12): the report's loader gets every
 * record of it in one streaming pass and keeps far less than the file in memory. The file is
 * one record line repeated with new ids, each line padded to ≈ 64 KB by a field the report
 * ignores (a long string is cheap to parse, so the test's time goes to reading 1 GB).
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadResultsDirs } from './data/load.js';
import { makeRecord } from './test-support/records.js';

const GB = 2 ** 30;
let dir = '';

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a results file over 1 GB', () => {
  it('is read in one streaming pass, every record counted, in bounded memory', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ansatz-1gb-'));
    const file = join(dir, 'big.jsonl');
    const line = JSON.stringify({
      ...makeRecord({ id: 'ID-PLACEHOLDER', dim: 8 }),
      log: 'x'.repeat(64 * 1024),
    });
    const [head, tail] = line.split('ID-PLACEHOLDER') as [string, string];
    const fd = openSync(file, 'w');
    let n = 0;
    let bytes = 0;
    while (bytes <= GB + (1 << 20)) {
      const batch: string[] = [];
      for (let k = 0; k < 500; k++) batch.push(`${head}run-${n++}${tail}\n`);
      bytes += writeSync(fd, batch.join(''));
    }
    closeSync(fd);
    expect(statSync(file).size).toBeGreaterThan(GB);

    const before = process.memoryUsage().heapUsed;
    const loaded = await loadResultsDirs([dir]);
    const heldMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    expect(loaded.issues).toEqual([]);
    expect(loaded.rawCount).toBe(n);
    expect(loaded.records).toHaveLength(n);
    expect(loaded.records.at(-1)!.id).toBe(`run-${n - 1}`);
    // What is kept of a run is a small fraction of its line (the matrices are dropped, the
    // history packed): a loader that held the lines would hold over 1 GB here.
    expect(heldMb).toBeLessThan(400);
  }, 300_000);
});
