import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import {
  intProblem,
  partitionProblem,
  runnerProblem,
  slurmTimeProblem,
  throwIfProblems,
} from './flag-problems.js';
import { localRunnerArgv, parseRunnerFlag } from '../scale-out/runner-invocation.js';
import { sbatchValueProblem, slurmScripts, type SlurmPlan } from '../scale-out/slurm-script.js';
import { shellQuote } from '../scale-out/shell.js';
import { loadSpecFile, uniqueCells } from '../spec/load-spec.js';
import { defaultOutDir } from '../sweep/plan.js';

interface SlurmArgs {
  spec: string;
  shards: number;
  partition?: string | undefined;
  time?: string | undefined;
  cpus: number;
  out?: string | undefined;
  script?: string | undefined;
  site?: string | undefined;
  runner?: string | undefined;
}

/** Paths of the generated files: `--script FILE` and its two siblings, logs beside them. */
export function slurmFiles(script: string): SlurmPlan['files'] & { logDir: string } {
  const dir = dirname(script);
  const stem = basename(script, extname(script));
  return {
    submit: script,
    array: join(dir, `${stem}-array.sbatch`),
    report: join(dir, `${stem}-report.sbatch`),
    logDir: join(dir, 'logs'),
  };
}

/** `runner slurm <spec> --shards N …` — write the sbatch scripts of a sharded sweep. */
export const slurmCommand: CommandModule<object, SlurmArgs> = {
  command: 'slurm <spec>',
  describe: 'write sbatch scripts: a job array of N shards, then the site build (afterany)',
  builder: (y: Argv) =>
    y
      .positional('spec', { type: 'string', demandOption: true, describe: 'sweep spec (YAML)' })
      .option('shards', { type: 'number', demandOption: true, describe: 'array tasks (shards)' })
      .option('partition', {
        type: 'string',
        describe: 'Slurm partition [default: the cluster default]',
      })
      .option('time', { type: 'string', describe: 'time limit per array task, e.g. 4:00:00' })
      .option('cpus', {
        type: 'number',
        default: 1,
        describe: 'CPUs per array task = worker threads',
      })
      .option('out', { type: 'string', describe: 'results directory [default: results/<name>]' })
      .option('site', { type: 'string', describe: 'site directory [default: site/<name>]' })
      .option('script', {
        type: 'string',
        describe:
          'submit script to write [default: slurm/<name>/submit.sh]; the array and report scripts go beside it',
      })
      .option('runner', {
        type: 'string',
        describe: 'command that starts the runner on the nodes [default: this node and checkout]',
      }) as unknown as Argv<SlurmArgs>,
  handler: (args: ArgumentsCamelCase<SlurmArgs>) => {
    const runner = args.runner === undefined ? localRunnerArgv() : parseRunnerFlag(args.runner);
    throwIfProblems([
      intProblem('shards', args.shards, 1),
      intProblem('cpus', args.cpus, 1),
      slurmTimeProblem(args.time),
      partitionProblem(args.partition),
      runnerProblem(runner),
    ]);

    const loaded = loadSpecFile(args.spec);
    const name = loaded.spec.name;
    const cells = uniqueCells(loaded.cells).length;
    const files = slurmFiles(resolve(args.script ?? join('slurm', name, 'submit.sh')));
    const workDir = process.cwd();
    throwIfProblems(
      [
        ['--script', files.logDir],
        ['the working directory', workDir],
      ].map(([what, path]) => {
        const p = sbatchValueProblem(path!);
        return p && `${what}: ${path} ${p}; choose a path without them`;
      }),
    );

    const plan: SlurmPlan = {
      sweep: name,
      specFile: resolve(args.spec),
      shards: args.shards,
      cpus: args.cpus,
      resultsDir: resolve(args.out ?? defaultOutDir(name)),
      siteDir: resolve(args.site ?? join('site', name)),
      logDir: files.logDir,
      workDir,
      files,
      runner: runner!,
      partition: args.partition,
      time: args.time,
    };
    const scripts = slurmScripts(plan);
    mkdirSync(files.logDir, { recursive: true });
    writeFileSync(files.array, scripts.array);
    writeFileSync(files.report, scripts.report);
    writeFileSync(files.submit, scripts.submit);
    chmodSync(files.submit, 0o755);

    const out = process.stdout;
    for (const w of loaded.warnings) process.stderr.write(`warning: ${w}\n`);
    if (args.shards > cells) {
      process.stderr.write(
        `warning: ${args.shards} shards for ${cells} cells: ${args.shards - cells} array tasks will have nothing to run\n`,
      );
    }
    out.write(
      [
        `sweep "${name}": ${cells} cells in ${args.shards} shards of ${args.cpus} CPU${args.cpus === 1 ? '' : 's'}`,
        `wrote ${files.submit}`,
        `      ${files.array}`,
        `      ${files.report}`,
        `results: ${plan.resultsDir}`,
        `site:    ${plan.siteDir}`,
        '',
        'Submit the array and the site build after it with:',
        `  sbatch ${shellQuote(files.submit)}     (or: bash ${shellQuote(files.submit)})`,
        'Submit again after failures or scancel: each shard runs only its missing cells.',
        '',
      ].join('\n'),
    );
  },
};
