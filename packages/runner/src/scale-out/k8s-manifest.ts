import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { stringify } from 'yaml';
import type { RunnerArgv } from './runner-invocation.js';
import { commentText } from './script-values.js';

/** Everything the Kubernetes manifest of one sweep needs. */
export interface K8sPlan {
  /** The sweep name (spec `name`). */
  sweep: string;
  /** Flags passed to every shard's `runner sweep` (--only, --where, --set). */
  sweepArgs?: readonly string[];
  /** The spec's YAML text: shipped in a ConfigMap, so the image needs no copy of it. */
  specText: string;
  /** Completions of the Indexed Job: one pod per shard. */
  shards: number;
  /** Pods running at once. */
  parallelism: number;
  /** CPUs requested per pod, also the runner's `--workers`. */
  cpus: number;
  /** Container image with the runner installed. */
  image: string;
  /** PersistentVolumeClaim holding results and site (ReadWriteMany when pods spread over nodes). */
  claim: string;
  /** How the image starts the runner, e.g. `['runner']`. */
  runner: RunnerArgv;
  /** Limits and clean-up of the Jobs (flags with defaults: K8S_DEFAULTS). */
  limits: K8sLimits;
}

/** Bounds of the Jobs: run time, clean-up, and each shard pod's resources. */
export interface K8sLimits {
  /** `activeDeadlineSeconds` of the shard Job: past it, Kubernetes stops every shard pod. */
  deadlineSeconds: number;
  /** `ttlSecondsAfterFinished` of both Jobs: finished Jobs and their pods are deleted after it. */
  ttlSeconds: number;
  /** The report's wait for the shards gives up after this many seconds, with a message. */
  reportWaitSeconds: number;
  /** CPU limit of a shard pod (a Kubernetes quantity); its request is the plan's `cpus`. */
  cpuLimit: string;
  /** Memory request and limit of a shard pod (Kubernetes quantities). */
  memory: string;
  memoryLimit: string;
  /** uid and gid the pods run as; fsGroup too, so the volume is writable (the image's user). */
  user: number;
}

/** The defaults of `runner k8s`'s limit flags. */
export const K8S_DEFAULTS = {
  /** One day. */
  deadlineSeconds: 86_400,
  /** One week. */
  ttlSeconds: 604_800,
  /** A shard pod of the quick sweep peaks near 120 MB with 2 workers; 1Gi leaves room. */
  memory: '1Gi',
  /** The `node` user (uid 1000) of the Dockerfile's image. */
  user: 1000,
} as const;

/** The default `--report-wait`: the shard Job's deadline and ten minutes. */
export const defaultReportWait = (deadlineSeconds: number): number => deadlineSeconds + 600;

/** Exit code of the report's wait when it gives up: the report Job fails at once (podFailurePolicy). */
export const WAIT_GAVE_UP_EXIT_CODE = 3;

/** Where things live inside the pods. */
export const K8S_PATHS = {
  data: '/data',
  spec: '/etc/ansatz',
  specFile: '/etc/ansatz/spec.yaml',
} as const;

/** Exit codes of `runner sweep` that end a shard for good (done with failed runs; bad input). */
export const FINAL_EXIT_CODES = [1, 2] as const;

/** A DNS-1123 label from the sweep name (lowercase alphanumerics and '-'). */
export function k8sName(sweep: string): string {
  const base = sweep
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return `ansatz-${base || 'sweep'}`;
}

/** The objects of the manifest: spec ConfigMap, shard Job, and the report Job after it. */
export interface K8sManifest {
  configMap: IConfigMap;
  shards: IJob;
  report: IJob;
}

/** Results, site and completion markers on the shared volume. */
export function k8sDataPaths(plan: Pick<K8sPlan, 'sweep'>) {
  const name = k8sName(plan.sweep);
  return {
    results: `${K8S_PATHS.data}/results/${plan.sweep}`,
    site: `${K8S_PATHS.data}/site/${plan.sweep}`,
    markers: `${K8S_PATHS.data}/.ansatz-k8s/${name}-shards`,
  };
}

/**
 * Shard pod wrapper around the runner (`"$@"`): records that index JOB_COMPLETION_INDEX has
 * ended (exit code in a marker file on the shared volume) so that the report Job can start
 * when all have. Codes other than those in FINAL_EXIT_CODES (a crash, an OOM kill, the runner's
 * internal error 70) leave no marker: Kubernetes retries the index (backoffLimitPerIndex) and
 * resume skips the finished cells.
 */
function shardWrapper(markers: string): string {
  const final = FINAL_EXIT_CODES.join('|');
  return [
    `m='${markers}'`,
    'mkdir -p "$m" && rm -f "$m/$JOB_COMPLETION_INDEX"',
    'rc=0; "$@" || rc=$?',
    `case $rc in 0|${final}) echo "$rc" > "$m/$JOB_COMPLETION_INDEX" ;; esac`,
    'exit "$rc"',
  ].join('\n');
}

/**
 * Report init container: wait until every shard index has left its marker, or give up after
 * `waitSeconds` (an index that fails every retry, or is stopped by the deadline, leaves none).
 */
function waitScript(markers: string, shards: number, waitSeconds: number, sweep: string): string {
  return [
    `m='${markers}'`,
    `end=$(( $(date +%s) + ${waitSeconds} ))`,
    `until [ "$(ls "$m" 2>/dev/null | wc -l)" -ge ${shards} ]; do`,
    '  if [ "$(date +%s)" -ge "$end" ]; then',
    `    echo "gave up after ${waitSeconds} s (--report-wait): $(ls "$m" 2>/dev/null | wc -l) of ${shards} shards ended; the others failed every retry or were stopped by the deadline (kubectl get pods -l ansatz/sweep=${sweep}). Apply the manifest again to run the missing cells and build the site." >&2`,
    `    exit ${WAIT_GAVE_UP_EXIT_CODE}`,
    '  fi',
    `  echo "waiting for shards: $(ls "$m" 2>/dev/null | wc -l)/${shards} done"; sleep 15`,
    'done',
  ].join('\n');
}

/** Build the manifest objects (pure: serialising and writing is the command's job). */
export function k8sManifest(plan: K8sPlan): K8sManifest {
  const name = k8sName(plan.sweep);
  const paths = k8sDataPaths(plan);
  const labels = { 'app.kubernetes.io/name': 'ansatz', 'ansatz/sweep': name };
  const volumes = [
    { name: 'data', persistentVolumeClaim: { claimName: plan.claim } },
    { name: 'spec', configMap: { name: `${name}-spec` } },
  ];
  const dataMount = { name: 'data', mountPath: K8S_PATHS.data };
  const { user } = plan.limits;
  const securityContext = { runAsNonRoot: true, runAsUser: user, runAsGroup: user, fsGroup: user };
  const specMount = { name: 'spec', mountPath: K8S_PATHS.spec, readOnly: true };

  const configMap: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `${name}-spec`, labels },
    data: { 'spec.yaml': plan.specText },
  };

  const shards: IJob = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${name}-shards`, labels },
    spec: {
      completionMode: 'Indexed',
      completions: plan.shards,
      parallelism: plan.parallelism,
      backoffLimitPerIndex: 2,
      activeDeadlineSeconds: plan.limits.deadlineSeconds,
      ttlSecondsAfterFinished: plan.limits.ttlSeconds,
      podFailurePolicy: {
        rules: [
          {
            action: 'FailIndex',
            onExitCodes: { containerName: 'shard', operator: 'In', values: [...FINAL_EXIT_CODES] },
          },
        ],
      },
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          securityContext,
          containers: [
            {
              name: 'shard',
              image: plan.image,
              command: ['/bin/sh', '-c', shardWrapper(paths.markers), 'shard'],
              args: [
                ...plan.runner,
                'sweep',
                K8S_PATHS.specFile,
                '--out',
                paths.results,
                '--workers',
                String(plan.cpus),
                '--shard-count',
                String(plan.shards),
                ...(plan.sweepArgs ?? []),
              ],
              resources: {
                requests: { cpu: String(plan.cpus), memory: plan.limits.memory },
                limits: { cpu: plan.limits.cpuLimit, memory: plan.limits.memoryLimit },
              },
              volumeMounts: [dataMount, specMount],
            },
          ],
          volumes,
        },
      },
    },
  };

  const report: IJob = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${name}-report`, labels },
    spec: {
      backoffLimit: 2,
      ttlSecondsAfterFinished: plan.limits.ttlSeconds,
      // The wait's own bound, then time for the build.
      activeDeadlineSeconds: plan.limits.reportWaitSeconds + 3600,
      podFailurePolicy: {
        rules: [
          {
            action: 'FailJob',
            onExitCodes: {
              containerName: 'wait-for-shards',
              operator: 'In',
              values: [WAIT_GAVE_UP_EXIT_CODE],
            },
          },
        ],
      },
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          securityContext,
          initContainers: [
            {
              name: 'wait-for-shards',
              image: plan.image,
              command: [
                '/bin/sh',
                '-c',
                waitScript(paths.markers, plan.shards, plan.limits.reportWaitSeconds, name),
              ],
              volumeMounts: [dataMount],
            },
          ],
          containers: [
            {
              name: 'report',
              image: plan.image,
              // After a successful build the markers go, so the next submission waits afresh.
              command: ['/bin/sh', '-c', `"$@" && rm -rf '${paths.markers}'`, 'report'],
              args: [...plan.runner, 'report', paths.results, '--out', paths.site],
              volumeMounts: [dataMount],
            },
          ],
          volumes: [volumes[0]!],
        },
      },
    },
  };
  return { configMap, shards, report };
}

/** The manifest as one multi-document YAML file, for `kubectl apply -f`. */
export function k8sManifestYaml(plan: K8sPlan, manifest = k8sManifest(plan)): string {
  const head = [
    `# Generated by \`runner k8s\` for sweep "${commentText(plan.sweep)}": ${plan.shards} shards as a Kubernetes`,
    '# Indexed Job, then the site build. Results and site are on the PersistentVolumeClaim',
    `# "${commentText(plan.claim)}" (ReadWriteMany when pods run on several nodes).`,
    `#   kubectl apply -f <this file>        # start; kubectl get jobs -l ansatz/sweep=${k8sName(plan.sweep)}`,
    `#   kubectl delete -f <this file> && kubectl apply -f <this file>   # re-run: only missing cells run`,
  ].join('\n');
  const docs = [manifest.configMap, manifest.shards, manifest.report].map((d) =>
    stringify(d, { lineWidth: 0, aliasDuplicateObjects: false }),
  );
  return `${head}\n${docs.join('---\n')}`;
}
