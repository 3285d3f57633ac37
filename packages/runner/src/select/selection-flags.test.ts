import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import {
  overrideOptions,
  parseSelectionArgs,
  selectionOptions,
  type OverrideArgs,
  type SelectionArgs,
} from './selection-flags.js';

/** Parse argv as a command `x <spec>` with the selection and override flags. */
function parse(argv: string[]): SelectionArgs & OverrideArgs & { spec: string } {
  return overrideOptions(selectionOptions(yargs(argv)))
    .command('x <spec>', '')
    .strict()
    .parseSync() as unknown as SelectionArgs & OverrideArgs & { spec: string };
}

describe('selection flags', () => {
  it('repeat, and leave a positional after them alone', () => {
    const args = parse([
      'x',
      '--where',
      'depth>=3',
      '--only',
      'a',
      'spec.yaml',
      '--where',
      'seed=0',
      '--set',
      'steps=5',
    ]);
    expect(args.spec).toBe('spec.yaml');
    const p = parseSelectionArgs(args);
    expect(p.problems).toEqual([]);
    expect(p.selection.only).toEqual(['a']);
    expect(p.selection.where.map((c) => c.text)).toEqual(['depth>=3', 'seed=0']);
    expect(p.overrides).toEqual({ steps: 5 });
    expect(p.argv).toEqual([
      '--only',
      'a',
      '--where',
      'depth>=3',
      '--where',
      'seed=0',
      '--set',
      'steps=5',
    ]);
  });

  it('collects every problem of every flag', () => {
    const p = parseSelectionArgs(
      parse(['x', 's.yaml', '--where', 'nope=1', '--set', 'nope=1', '--only', ',']),
    );
    expect(p.problems).toHaveLength(3);
  });
});
