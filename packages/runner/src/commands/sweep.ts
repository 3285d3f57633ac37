import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { BackendName } from '@ansatz/core';
import { BACKENDS } from '@ansatz/core';
import { FLAG_MAX, intProblem, throwIfProblems } from './flag-problems.js';
import { defaultWorkers } from '../schedule/pool.js';
import { MAX_SHARDS, resolveShard } from '../schedule/shard.js';
import { parseCohortFlag } from '../schedule/cohorts.js';
import {
  overrideOptions,
  parseSelectionArgs,
  selectionOptions,
  type OverrideArgs,
  type SelectionArgs,
} from '../select/selection-flags.js';
import { parseRerun } from '../sweep/rerun.js';
import { DEFAULT_LEASE_SECONDS } from '../sweep/claims.js';

interface SweepArgs extends SelectionArgs, OverrideArgs {
  list: boolean;
  rerun?: string | undefined;
  spec: string;
  out?: string | undefined;
  workers?: number | undefined;
  shard?: string | undefined;
  shardCount?: number | undefined;
  backend: string;
  dryRun: boolean;
  retries: number;
  json: boolean;
  saveWeights: boolean;
  cohort: string;
  lease: number;
}

/** `runner sweep <spec> …` — run every missing cell of a sweep spec. */
export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <spec>',
  describe: 'run every missing cell of a sweep spec (resumable, incremental)',
  builder: (y: Argv) =>
    overrideOptions(selectionOptions(y))
      .positional('spec', { type: 'string', demandOption: true, describe: 'sweep spec (YAML)' })
      .option('out', { type: 'string', describe: 'results directory [default: results/<name>]' })
      .option('workers', { type: 'number', describe: 'worker threads [default: one per core]' })
      .option('shard', { type: 'string', describe: 'run shard I of N (0-based), e.g. 0/4' })
      .option('shard-count', {
        type: 'number',
        describe: 'shard count for JOB_COMPLETION_INDEX (Kubernetes Indexed Job)',
      })
      .option('backend', {
        type: 'string',
        default: 'auto',
        describe: `TensorFlow.js backend: ${BACKENDS.join(', ')}`,
      })
      .option('dry-run', {
        type: 'boolean',
        default: false,
        describe: 'print counts and the first cells; run nothing',
      })
      .option('retries', {
        type: 'number',
        default: 1,
        describe: 'retries of a run that throws or crashes',
      })
      .option('list', {
        type: 'boolean',
        default: false,
        describe: 'list every selected cell (id, experiment, status, varying fields); run nothing',
      })
      .option('rerun', {
        type: 'string',
        describe:
          'run again: IDS (comma-separated), failed or diverged; the new records supersede the old',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'with --dry-run or --list: print JSON',
      })
      .option('save-weights', {
        type: 'boolean',
        default: false,
        describe: "store each run's final weights W_1…W_L in its record",
      })
      .option('lease', {
        type: 'number',
        default: DEFAULT_LEASE_SECONDS,
        describe:
          'seconds after which the claims of a writer that died are taken over by others on the same --out',
      })
      .option('cohort', {
        type: 'string',
        default: 'auto',
        describe: 'cells of one shape trained together as one task: auto, or N (1 = each alone)',
      }) as unknown as Argv<SweepArgs>,
  handler: async (args: ArgumentsCamelCase<SweepArgs>) => {
    const cohort = parseCohortFlag(String(args.cohort));
    const picked = parseSelectionArgs(args);
    const rerun = parseRerun(args.rerun);
    throwIfProblems([
      ...picked.problems,
      typeof rerun === 'string' ? rerun : undefined,
      'problem' in cohort ? cohort.problem : undefined,
      intProblem('workers', args.workers, 1, FLAG_MAX.threads),
      intProblem('lease', args.lease, 1, 86_400),
      intProblem('retries', args.retries, 0, FLAG_MAX.retries),
      intProblem('shard-count', args.shardCount, 1, MAX_SHARDS),
      (BACKENDS as readonly string[]).includes(args.backend)
        ? undefined
        : `--backend ${args.backend}: expected one of ${BACKENDS.join(', ')}`,
    ]);
    const shard = resolveShard({ shard: args.shard, shardCount: args.shardCount });
    const { plan } = await import('../sweep/plan.js');
    const { runSweep } = await import('../sweep/run-sweep.js');
    const p = await plan(args.spec, args.out, shard, {
      selection: picked.selection,
      overrides: picked.overrides,
      rerun: typeof rerun === 'string' ? undefined : rerun,
    });
    if (args.list) {
      const { printCellList } = await import('../sweep/list-cells.js');
      for (const w of p.loaded.warnings) process.stderr.write(`warning: ${w}\n`);
      printCellList(p, args.json);
      return;
    }
    process.exitCode = await runSweep(p, {
      workers: args.workers ?? defaultWorkers(),
      retries: args.retries,
      backend: args.backend as BackendName,
      dryRun: args.dryRun,
      json: args.json,
      saveWeights: args.saveWeights,
      cohort: 'size' in cohort ? cohort.size : 'auto',
      leaseSeconds: args.lease,
    });
  },
};
