import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import {
  claimProblem,
  imageProblem,
  intProblem,
  runnerProblem,
  throwIfProblems,
} from './flag-problems.js';
import { k8sDataPaths, k8sManifestYaml, k8sName, type K8sPlan } from '../scale-out/k8s-manifest.js';
import { parseRunnerFlag } from '../scale-out/runner-invocation.js';
import { loadSpecFile, uniqueCells } from '../spec/load-spec.js';

interface K8sArgs {
  spec: string;
  shards: number;
  image: string;
  parallelism?: number | undefined;
  cpus: number;
  volume: string;
  out?: string | undefined;
  runner: string;
}

/** `runner k8s <spec> --shards N --image IMAGE …` — write a Kubernetes Indexed Job manifest. */
export const k8sCommand: CommandModule<object, K8sArgs> = {
  command: 'k8s <spec>',
  describe: 'write a Kubernetes manifest: an Indexed Job of N shards, then the site build',
  builder: (y: Argv) =>
    y
      .positional('spec', { type: 'string', demandOption: true, describe: 'sweep spec (YAML)' })
      .option('shards', { type: 'number', demandOption: true, describe: 'completions (shards)' })
      .option('image', {
        type: 'string',
        demandOption: true,
        describe: 'container image with the runner',
      })
      .option('parallelism', { type: 'number', describe: 'pods at once [default: all shards]' })
      .option('cpus', { type: 'number', default: 1, describe: 'CPUs per pod = worker threads' })
      .option('volume', {
        type: 'string',
        default: 'ansatz-results',
        describe: 'PersistentVolumeClaim for results and site (ReadWriteMany across nodes)',
      })
      .option('out', {
        type: 'string',
        requiresArg: true,
        describe: 'manifest file, - for stdout [default: k8s/<name>.yaml]',
      })
      .option('runner', {
        type: 'string',
        default: 'runner',
        describe: 'command that starts the runner in the image (words separated by spaces)',
      }) as unknown as Argv<K8sArgs>,
  handler: (args: ArgumentsCamelCase<K8sArgs>) => {
    const runner = parseRunnerFlag(args.runner);
    throwIfProblems([
      intProblem('shards', args.shards, 1),
      intProblem('parallelism', args.parallelism, 1),
      intProblem('cpus', args.cpus, 1),
      imageProblem(args.image),
      claimProblem(args.volume),
      runnerProblem(runner),
    ]);

    const loaded = loadSpecFile(args.spec);
    const name = loaded.spec.name;
    const cells = uniqueCells(loaded.cells).length;
    const plan: K8sPlan = {
      sweep: name,
      specText: loaded.source.text,
      shards: args.shards,
      parallelism: Math.min(args.parallelism ?? args.shards, args.shards),
      cpus: args.cpus,
      image: args.image,
      claim: args.volume,
      runner: runner!,
    };
    const yaml = k8sManifestYaml(plan);
    for (const w of loaded.warnings) process.stderr.write(`warning: ${w}\n`);
    if (args.shards > cells) {
      process.stderr.write(
        `warning: ${args.shards} shards for ${cells} cells: ${args.shards - cells} pods will have nothing to run\n`,
      );
    }
    if (args.out === '-') {
      process.stdout.write(yaml);
      return;
    }
    const file = resolve(args.out ?? join('k8s', `${name}.yaml`));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, yaml);
    const paths = k8sDataPaths(plan);
    const job = k8sName(name);
    process.stdout.write(
      [
        `sweep "${name}": ${cells} cells in ${args.shards} shards, ${plan.parallelism} pods at once`,
        `wrote ${file}`,
        `results: ${paths.results} and site: ${paths.site} on the claim "${args.volume}"`,
        '',
        'Start the shards and the site build after them with:',
        `  kubectl apply -f ${file}`,
        `  kubectl get jobs -l ansatz/sweep=${job}`,
        'Re-run after failures: kubectl delete -f <file>, then apply again (only missing cells run).',
        '',
      ].join('\n'),
    );
  },
};
