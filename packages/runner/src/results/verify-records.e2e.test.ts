// A record whose id does not match its config (edited by hand, damaged) is reported with its
// file and line and not counted as done: status shows the cell missing, the next sweep runs it
// again, export leaves the bad line out.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../errors.js';
import { runCli, tempDir, tinySpec, writeText } from '../test-support/harness.js';

describe('records verified on read', () => {
  it('an edited config with its old id is reported (file:line) and runs again', async () => {
    const dir = tempDir('ansatz-verify-');
    const spec = writeText(
      dir,
      'spec.yaml',
      tinySpec({ name: 'verify', depths: [2, 3], seeds: 1 }),
    );
    const out = join(dir, 'res');
    const first = await runCli(['sweep', spec, '--out', out, '--workers', '1']);
    expect(first.code, first.stderr).toBe(EXIT.ok);
    const file = join(
      out,
      readdirSync(out).find((n) => n.endsWith('.jsonl'))!,
    );
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const total = lines.length;
    const rec = JSON.parse(lines[1]!) as { id: string; config: { depth: number } };
    rec.config.depth = rec.config.depth === 2 ? 7 : 2;
    lines[1] = JSON.stringify(rec);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const where = new RegExp(`${file}:2 id ${rec.id} does not match its config`);

    const status = await runCli(['status', spec, '--out', out, '--json']);
    expect(status.code, status.stderr).toBe(EXIT.ok);
    expect(status.stdout + status.stderr).toMatch(where);
    const text = await runCli(['status', spec, '--out', out]);
    expect(text.stdout).toMatch(
      new RegExp(`total \\(unique ids\\)\\s+${total}\\s+${total - 1}\\s`),
    );

    const csv = join(dir, 'runs.csv');
    const exported = await runCli(['export', out, '--out', csv]);
    expect(exported.stderr).toMatch(where);
    expect(readFileSync(csv, 'utf8').split('\n').filter(Boolean)).toHaveLength(total - 1 + 1);

    const again = await runCli(['sweep', spec, '--out', out, '--workers', '1']);
    expect(again.code, again.stderr).toBe(EXIT.ok);
    expect(again.stderr).toMatch(where);
    expect(again.stderr).toContain(`1 to run, ${total - 1} done`);
  });
});
