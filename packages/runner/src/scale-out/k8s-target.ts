import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { claimProblem, imageProblem, intProblem } from '../commands/flag-problems.js';
import { k8sDataPaths, k8sManifestYaml, k8sName, type K8sPlan } from './k8s-manifest.js';
import { MAX_SHARDS } from '../schedule/shard.js';
import type { ScaleOutTarget } from './target.js';

/** The flags of `runner k8s` besides the shared ones. */
export interface K8sOptions {
  image: string;
  parallelism?: number | undefined;
  volume: string;
  out?: string | undefined;
}

/** `runner k8s <spec> --shards N --image IMAGE …`: a Kubernetes Indexed Job manifest. */
export const k8sTarget: ScaleOutTarget<K8sOptions> = {
  name: 'k8s',
  describe: 'write a Kubernetes manifest: an Indexed Job of N shards, then the site build',
  help: {
    shards: 'completions (shards)',
    cpus: 'CPUs per pod = worker threads',
    runner: 'command that starts the runner in the image (words separated by spaces)',
  },
  shardRunners: 'pods',
  defaultRunner: 'runner',
  options: (y: Argv) =>
    y
      .option('image', {
        type: 'string',
        demandOption: true,
        describe: 'container image with the runner',
      })
      .option('parallelism', { type: 'number', describe: 'pods at once [default: all shards]' })
      .option('volume', {
        type: 'string',
        default: 'ansatz-results',
        describe: 'PersistentVolumeClaim for results and site (ReadWriteMany across nodes)',
      })
      .option('out', {
        type: 'string',
        requiresArg: true,
        describe: 'manifest file, - for stdout [default: k8s/<name>.yaml]',
      }),
  flagProblems: (o) => [
    intProblem('parallelism', o.parallelism, 1, MAX_SHARDS),
    imageProblem(o.image),
    claimProblem(o.volume),
  ],
  generate: (p, o) => {
    const plan: K8sPlan = {
      sweep: p.sweep,
      specText: p.specText,
      shards: p.shards,
      parallelism: Math.min(o.parallelism ?? p.shards, p.shards),
      cpus: p.cpus,
      image: o.image,
      claim: o.volume,
      runner: p.runner,
    };
    const yaml = k8sManifestYaml(plan);
    if (o.out === '-') return { files: [], stdout: yaml };
    const file = resolve(p.workDir, o.out ?? join('k8s', `${p.sweep}.yaml`));
    const paths = k8sDataPaths(plan);
    return {
      files: [{ path: file, text: yaml, flag: '--out' }],
      stdout: [
        `sweep "${p.sweep}": ${p.cells} cells in ${p.shards} shards, ${plan.parallelism} pods at once`,
        `wrote ${file}`,
        `results: ${paths.results} and site: ${paths.site} on the claim "${o.volume}"`,
        '',
        'Start the shards and the site build after them with:',
        `  kubectl apply -f ${file}`,
        `  kubectl get jobs -l ansatz/sweep=${k8sName(p.sweep)}`,
        'Re-run after failures: kubectl delete -f <file>, then apply again (only missing cells run).',
        '',
      ].join('\n'),
    };
  },
};
