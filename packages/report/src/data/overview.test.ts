import { describe, expect, it } from 'vitest';
import { overviewData } from './overview.js';

describe('overviewData', () => {
  it("names results directories by their names, never the build machine's paths", () => {
    const o = overviewData({
      dirs: ['/home/alice/projects/nfa/results/full'],
      files: ['/home/alice/projects/nfa/results/full/host-1-s0of1-20260101T000000Z.jsonl'],
      records: [],
      rawCount: 0,
      issues: [
        { kind: 'missing-dir', where: '/home/alice/projects/nfa/results/extra', message: 'x' },
        { kind: 'no-files', where: '/home/alice/projects/nfa/results/full', message: 'y' },
        { kind: 'torn-line', where: 'full/host-1-s0of1-20260101T000000Z.jsonl:3', message: 'z' },
      ],
    });
    expect(o.dirs).toEqual(['full']);
    expect(o.issues.map((i) => i.where)).toEqual([
      'extra',
      'full',
      'full/host-1-s0of1-20260101T000000Z.jsonl:3',
    ]);
    expect(JSON.stringify(o)).not.toContain('/home/alice');
  });
});
