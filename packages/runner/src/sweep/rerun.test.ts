import { describe, expect, it } from 'vitest';
import { loadSpecText } from '../spec/load-spec.js';
import { inRound, parseRerun, rerunCells, type RerunChoice, type Winner } from './rerun.js';

const { cells } = loadSpecText(
  `name: r
defaults: { inputDim: 4, outputDim: 2, samples: 16, steps: 5 }
experiments: { e: { grid: { depth: [2, 3, 4, 5] } } }
`,
  'r.yaml',
);
const [a, b, c, d] = cells.map((x) => x.id) as [string, string, string, string];
const winners = new Map<string, Winner>([
  [a, { status: 'ok' }],
  [b, { status: 'failed' }],
  [c, { status: 'diverged', rerun: 2 }],
]);
const all = new Set(cells.map((x) => x.id));
const choice = (text: string) => parseRerun(text) as RerunChoice;
const rerun = (text: string) =>
  rerunCells(cells, winners, choice(text), all, 'r.yaml').map((x) => [x.id, x.rerun]);

describe('--rerun', () => {
  it('parses ids, failed and diverged; anything else is a problem naming the flag', () => {
    expect(parseRerun(undefined)).toBeUndefined();
    expect(parseRerun(`failed,${a}`)).toEqual({
      text: `failed,${a}`,
      statuses: ['failed'],
      ids: [a],
    });
    expect(parseRerun('ok')).toBe(
      '--rerun "ok": "ok" is neither a run id (16 hex digits, as runner sweep --list shows) nor failed or diverged',
    );
  });

  it('chooses exactly the named cells, each in the round after its record’s', () => {
    expect(rerun(a)).toEqual([[a, 1]]);
    expect(rerun('failed')).toEqual([[b, 1]]);
    expect(rerun('diverged')).toEqual([[c, 3]]);
    expect(rerun(`${d},failed`)).toEqual([
      [b, 1],
      [d, 1],
    ]);
  });

  it('an id that is no cell of the selection is a UserError; one of another shard is skipped', () => {
    expect(() => rerunCells(cells, winners, choice('0123456789abcdef'), all, 'r.yaml')).toThrow(
      /^--rerun 0123456789abcdef: no cell of r\.yaml/,
    );
    expect(rerunCells(cells.slice(1), winners, choice(a), all, 'r.yaml')).toEqual([]);
  });

  it('a plain sweep retries a failed rerun in that rerun’s round', () => {
    expect(inRound(cells[0]!, { status: 'failed', rerun: 2 }).rerun).toBe(2);
    expect(inRound(cells[0]!, { status: 'failed' })).toBe(cells[0]);
  });
});
