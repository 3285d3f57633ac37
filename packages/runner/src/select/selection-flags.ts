/**
 * The selection and override flags, shared by the commands: `--only` and `--where` (sweep,
 * status, export, slurm, k8s) and `--set` (sweep, slurm, k8s). See selection.ts, where.ts and
 * ../spec/overrides.ts for what they mean.
 */
import type { Argv } from 'yargs';
import { overridesArgv, parseOverrides, type Overrides } from '../spec/overrides.js';
import { parseSelection, selectionArgv, type Selection } from './selection.js';

/** The raw values of the flags, as yargs gives them. */
/**
 * Each flag may be repeated (yargs then gives an array). They are not yargs `array` options,
 * which would swallow a positional that follows them (`--where depth=3 spec.yaml`).
 */
export interface SelectionArgs {
  only?: string | string[] | undefined;
  where?: string | string[] | undefined;
}

export interface OverrideArgs {
  set?: string | string[] | undefined;
}

/** Adds `--only` and `--where`. */
export function selectionOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('only', {
      type: 'string',
      describe: 'only these experiments: EXP[,EXP…] (repeatable)',
    })
    .option('where', {
      type: 'string',
      describe:
        'only cells whose run config matches: depth>=4, optimizer=adam,rmsprop, init!=balanced (also >, <, <=; repeatable, ANDed)',
    }) as unknown as Argv<T>;
}

/** Adds `--set`. */
export function overrideOptions<T>(y: Argv<T>): Argv<T> {
  return y.option('set', {
    type: 'string',
    describe:
      'override a run-config field in every cell, after the spec (new cells, new ids): --set steps=10 (repeatable)',
  }) as unknown as Argv<T>;
}

/** The parsed flags: what to select, what to override, the problems, and the flags again. */
export interface ParsedSelection {
  selection: Selection;
  overrides: Overrides;
  problems: string[];
  /** The same flags, normalised, for a shard's `runner sweep` line. */
  argv: string[];
}

export function parseSelectionArgs(args: SelectionArgs & OverrideArgs): ParsedSelection {
  const s = parseSelection({ only: args.only, where: args.where });
  const o = parseOverrides(args.set);
  return {
    selection: s.selection,
    overrides: o.overrides,
    problems: [...s.problems, ...o.problems],
    argv: [...selectionArgv(s.selection), ...overridesArgv(o.overrides)],
  };
}
