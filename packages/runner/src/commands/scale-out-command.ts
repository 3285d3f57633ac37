import { resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { FLAG_MAX, intProblem, runnerProblem, throwIfProblems } from './flag-problems.js';
import { MAX_SHARDS } from '../schedule/shard.js';
import { localRunnerArgv, parseRunnerFlag } from '../scale-out/runner-invocation.js';
import type { ScaleOutPlan, ScaleOutTarget } from '../scale-out/target.js';
import { scriptValueProblems } from '../scale-out/script-values.js';
import { writeOutputFiles } from '../scale-out/write-files.js';
import { loadSpecFile, uniqueCells } from '../spec/load-spec.js';
import { selectCells } from '../select/selection.js';
import {
  overrideOptions,
  parseSelectionArgs,
  selectionOptions,
  type OverrideArgs,
  type SelectionArgs,
} from '../select/selection-flags.js';

/**
 * Every value that may end up in a generated file, named for the message: the spec path, the
 * working directory, each string flag and each word of the runner's command (DESIGN.md §3:
 * nothing the user passes may leave its quoting in a generated script or manifest).
 */
function scriptValues(
  args: Record<string, unknown>,
  runner: readonly string[] | undefined,
): [string, string | undefined][] {
  // yargs also gives each kebab-case flag under its camelCase name: name it once, as typed.
  const flags = Object.entries(args)
    .filter(([k, v]) => typeof v === 'string' && k !== '$0' && k !== 'spec')
    .filter(
      ([k]) => !/[A-Z]/.test(k) || !(k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) in args),
    )
    .map(([k, v]): [string, string] => [`--${k}`, v as string]);
  // Without --runner the files start this Node and checkout by absolute path.
  const local = args['runner'] === undefined ? (runner ?? []) : [];
  return [
    ['the spec path', typeof args['spec'] === 'string' ? args['spec'] : undefined],
    ['the working directory', process.cwd()],
    ...flags,
    ...local.map((w): [string, string] => ['the runner path', w]),
  ];
}

/** The flags every scale-out command has. */
export interface SharedScaleOutArgs extends SelectionArgs, OverrideArgs {
  spec: string;
  shards: number;
  cpus: number;
  runner?: string | undefined;
}

/**
 * `runner <target> <spec> --shards N …` for one scale-out target: the shared flags, their
 * checks and the target's, all reported at once; then the spec, the target's files written
 * atomically, the warnings, and what the target says to do next.
 */
export function scaleOutCommand<Options extends object>(
  target: ScaleOutTarget<Options>,
): CommandModule<object, SharedScaleOutArgs & Options> {
  return {
    command: `${target.name} <spec>`,
    describe: target.describe,
    builder: (y: Argv) => {
      const shared = y
        .positional('spec', { type: 'string', demandOption: true, describe: 'sweep spec (YAML)' })
        .option('shards', { type: 'number', demandOption: true, describe: target.help.shards })
        .option('cpus', { type: 'number', default: 1, describe: target.help.cpus });
      return overrideOptions(selectionOptions(target.options(shared))).option('runner', {
        type: 'string',
        describe: target.help.runner,
        ...(target.defaultRunner === undefined ? {} : { default: target.defaultRunner }),
      }) as unknown as Argv<SharedScaleOutArgs & Options>;
    },
    handler: (args: ArgumentsCamelCase<SharedScaleOutArgs & Options>) => {
      // A target's option names are camelCase already, so its options are these same values.
      const options = args as unknown as Options;
      const runner = args.runner === undefined ? localRunnerArgv() : parseRunnerFlag(args.runner);
      const picked = parseSelectionArgs(args);
      throwIfProblems([
        ...picked.problems,
        intProblem('shards', args.shards, 1, MAX_SHARDS),
        intProblem('cpus', args.cpus, 1, FLAG_MAX.threads),
        ...target.flagProblems(options),
        runnerProblem(runner),
        ...scriptValueProblems(scriptValues(args, runner)),
      ]);

      const loaded = loadSpecFile(args.spec, { overrides: picked.overrides });
      const selected = selectCells(
        loaded.cells,
        picked.selection,
        Object.keys(loaded.spec.experiments),
        args.spec,
      );
      const workDir = process.cwd();
      const plan: ScaleOutPlan = {
        sweep: loaded.spec.name,
        specFile: resolve(workDir, args.spec),
        specText: loaded.source.text,
        cells: uniqueCells(selected).length,
        sweepArgs: picked.argv,
        shards: args.shards,
        cpus: args.cpus,
        runner: runner!,
        workDir,
      };
      const output = target.generate(plan, options);
      writeOutputFiles(output);

      for (const w of loaded.warnings) process.stderr.write(`warning: ${w}\n`);
      if (plan.shards > plan.cells) {
        process.stderr.write(
          `warning: ${plan.shards} shards for ${plan.cells} cells: ${plan.shards - plan.cells} ${target.shardRunners} will have nothing to run\n`,
        );
      }
      process.stdout.write(output.stdout);
    },
  };
}
