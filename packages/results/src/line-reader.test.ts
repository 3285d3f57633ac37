import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines, type Line } from './line-reader.js';
import { tempDir } from './test-support/temp.js';

async function lines(text: string | Buffer, chunk: number): Promise<Line[]> {
  const file = join(tempDir(), 'f.jsonl');
  writeFileSync(file, text);
  const out: Line[] = [];
  for await (const l of readLines(file, chunk)) out.push(l);
  return out;
}

describe('readLines', () => {
  it('splits on newlines across chunk boundaries, numbering every line, skipping blank ones', async () => {
    const text = 'alpha\n\nbeta gamma\n  \ndelta\n';
    for (const chunk of [1, 2, 3, 7, 64]) {
      expect(await lines(text, chunk)).toEqual([
        { text: 'alpha', line: 1, terminated: true },
        { text: 'beta gamma', line: 3, terminated: true },
        { text: 'delta', line: 5, terminated: true },
      ]);
    }
  });

  it('reports a last line without its newline as not terminated', async () => {
    expect(await lines('{"a":1}\n{"b":', 4)).toEqual([
      { text: '{"a":1}', line: 1, terminated: true },
      { text: '{"b":', line: 2, terminated: false },
    ]);
  });

  it('keeps multi-byte characters whole when a chunk boundary cuts them', async () => {
    const text = 'αβγ — ∝ AGOP^α\nЖ\n';
    for (const chunk of [1, 2, 3, 5]) {
      expect((await lines(Buffer.from(text, 'utf8'), chunk)).map((l) => l.text)).toEqual([
        'αβγ — ∝ AGOP^α',
        'Ж',
      ]);
    }
  });

  it('reads a line much longer than its chunk', async () => {
    const long = 'x'.repeat(100_000);
    expect((await lines(`${long}\nshort\n`, 1000)).map((l) => l.text.length)).toEqual([100_000, 5]);
  });

  it('an empty file has no lines', async () => {
    expect(await lines('', 8)).toEqual([]);
  });
});
