import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { partitionProblem, slurmTimeProblem, throwIfProblems } from '../commands/flag-problems.js';
import { defaultOutDir } from '../sweep/plan.js';
import { sbatchValueProblem, slurmScripts, type SlurmPlan } from './slurm-script.js';
import { shellQuote } from './shell.js';
import type { ScaleOutTarget } from './target.js';

/** The flags of `runner slurm` besides the shared ones. */
export interface SlurmOptions {
  partition?: string | undefined;
  time?: string | undefined;
  out?: string | undefined;
  site?: string | undefined;
  script?: string | undefined;
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

/** `runner slurm <spec> --shards N …`: sbatch scripts for a job array and the site build. */
export const slurmTarget: ScaleOutTarget<SlurmOptions> = {
  name: 'slurm',
  describe: 'write sbatch scripts: a job array of N shards, then the site build (afterany)',
  help: {
    shards: 'array tasks (shards)',
    cpus: 'CPUs per array task = worker threads',
    runner: 'command that starts the runner on the nodes [default: this node and checkout]',
  },
  shardRunners: 'array tasks',
  options: (y: Argv) =>
    y
      .option('partition', {
        type: 'string',
        describe: 'Slurm partition [default: the cluster default]',
      })
      .option('time', { type: 'string', describe: 'time limit per array task, e.g. 4:00:00' })
      .option('out', { type: 'string', describe: 'results directory [default: results/<name>]' })
      .option('site', { type: 'string', describe: 'site directory [default: site/<name>]' })
      .option('script', {
        type: 'string',
        describe:
          'submit script to write [default: slurm/<name>/submit.sh]; the array and report scripts go beside it',
      }),
  flagProblems: (o) => [slurmTimeProblem(o.time), partitionProblem(o.partition)],
  generate: (p, o) => {
    const at = (path: string) => resolve(p.workDir, path);
    const files = slurmFiles(at(o.script ?? join('slurm', p.sweep, 'submit.sh')));
    // #SBATCH lines are read without a shell: these paths go into them unquoted.
    throwIfProblems(
      [
        ['--script', files.logDir],
        ['the working directory', p.workDir],
      ].map(([what, path]) => {
        const problem = sbatchValueProblem(path!);
        return problem && `${what}: ${path} ${problem}; choose a path without them`;
      }),
    );
    const plan: SlurmPlan = {
      sweep: p.sweep,
      sweepArgs: p.sweepArgs ?? [],
      specFile: p.specFile,
      shards: p.shards,
      cpus: p.cpus,
      resultsDir: at(o.out ?? defaultOutDir(p.sweep)),
      siteDir: at(o.site ?? join('site', p.sweep)),
      logDir: files.logDir,
      workDir: p.workDir,
      files,
      runner: p.runner,
      partition: o.partition,
      time: o.time,
    };
    const scripts = slurmScripts(plan);
    return {
      dirs: [{ path: files.logDir, flag: '--script' }],
      files: [
        { path: files.array, text: scripts.array, flag: '--script' },
        { path: files.report, text: scripts.report, flag: '--script' },
        { path: files.submit, text: scripts.submit, flag: '--script', executable: true },
      ],
      stdout: [
        `sweep "${p.sweep}": ${p.cells} cells in ${p.shards} shards of ${p.cpus} CPU${p.cpus === 1 ? '' : 's'}`,
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
    };
  },
};
