import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import {
  claimProblem,
  cpuQuantityProblem,
  imageProblem,
  intProblem,
  memoryQuantityProblem,
} from '../commands/flag-problems.js';
import {
  defaultReportWait,
  K8S_DEFAULTS,
  k8sDataPaths,
  k8sManifestYaml,
  k8sName,
  type K8sPlan,
} from './k8s-manifest.js';
import { MAX_SHARDS } from '../schedule/shard.js';
import type { ScaleOutTarget } from './target.js';

/** The flags of `runner k8s` besides the shared ones. */
export interface K8sOptions {
  image: string;
  parallelism?: number | undefined;
  volume: string;
  out?: string | undefined;
  deadline: number;
  ttl: number;
  'report-wait'?: number | undefined;
  'cpu-limit'?: string | undefined;
  memory: string;
  'memory-limit'?: string | undefined;
  user: number;
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
      })
      .option('deadline', {
        type: 'number',
        default: K8S_DEFAULTS.deadlineSeconds,
        describe: 'seconds the shard Job may run (activeDeadlineSeconds)',
      })
      .option('ttl', {
        type: 'number',
        default: K8S_DEFAULTS.ttlSeconds,
        describe: 'seconds finished Jobs are kept (ttlSecondsAfterFinished)',
      })
      .option('report-wait', {
        type: 'number',
        describe:
          'seconds the report waits for the shards before it fails with a message [default: --deadline + 600]',
      })
      .option('cpu-limit', {
        type: 'string',
        requiresArg: true,
        describe: 'CPU limit per pod (request: --cpus) [default: --cpus]',
      })
      .option('memory', {
        type: 'string',
        default: K8S_DEFAULTS.memory,
        describe: 'memory request per pod',
      })
      .option('memory-limit', {
        type: 'string',
        requiresArg: true,
        describe: 'memory limit per pod [default: --memory]',
      })
      .option('user', {
        type: 'number',
        default: K8S_DEFAULTS.user,
        describe: "uid/gid the pods run as, also fsGroup of the volume (the image's node user)",
      }),
  flagProblems: (o) => [
    intProblem('parallelism', o.parallelism, 1, MAX_SHARDS),
    imageProblem(o.image),
    claimProblem(o.volume),
    intProblem('deadline', o.deadline, 1),
    intProblem('ttl', o.ttl, 0),
    intProblem('report-wait', o['report-wait'], 1),
    cpuQuantityProblem('cpu-limit', o['cpu-limit']),
    memoryQuantityProblem('memory', o.memory),
    memoryQuantityProblem('memory-limit', o['memory-limit']),
    intProblem('user', o.user, 1),
  ],
  generate: (p, o) => {
    const plan: K8sPlan = {
      sweep: p.sweep,
      sweepArgs: p.sweepArgs ?? [],
      specText: p.specText,
      shards: p.shards,
      parallelism: Math.min(o.parallelism ?? p.shards, p.shards),
      cpus: p.cpus,
      image: o.image,
      claim: o.volume,
      runner: p.runner,
      limits: {
        deadlineSeconds: o.deadline,
        ttlSeconds: o.ttl,
        reportWaitSeconds: o['report-wait'] ?? defaultReportWait(o.deadline),
        cpuLimit: o['cpu-limit'] ?? String(p.cpus),
        memory: o.memory,
        memoryLimit: o['memory-limit'] ?? o.memory,
        user: o.user,
      },
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
