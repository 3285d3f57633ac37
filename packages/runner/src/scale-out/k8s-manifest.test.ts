import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { parseAllDocuments } from 'yaml';
import yargs from 'yargs';
import { afterAll, describe, expect, it } from 'vitest';
import { sweepCommand } from '../commands/sweep.js';
import { resolveShard, shardOwners } from '../schedule/shard.js';
import { loadSpecFile, uniqueCells } from '../spec/load-spec.js';
import {
  defaultReportWait,
  K8S_DEFAULTS,
  k8sDataPaths,
  k8sManifest,
  k8sManifestYaml,
  k8sName,
  type K8sPlan,
} from './k8s-manifest.js';

const SPEC = fileURLToPath(new URL('../../test-fixtures/scale-out-tiny.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ansatz-k8s-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plan(over: Partial<K8sPlan> = {}): K8sPlan {
  return {
    sweep: 'scale-out-tiny',
    specText: readFileSync(SPEC, 'utf8'),
    shards: 3,
    parallelism: 2,
    cpus: 2,
    image: 'ghcr.io/example/ansatz:1.0',
    claim: 'ansatz-results',
    runner: ['node', '/app/packages/cli/dist/cli.js'],
    limits: {
      deadlineSeconds: K8S_DEFAULTS.deadlineSeconds,
      ttlSeconds: K8S_DEFAULTS.ttlSeconds,
      reportWaitSeconds: defaultReportWait(K8S_DEFAULTS.deadlineSeconds),
      cpuLimit: '2',
      memory: K8S_DEFAULTS.memory,
      memoryLimit: '2Gi',
      user: K8S_DEFAULTS.user,
    },
    ...over,
  };
}

/** The manifest as `kubectl apply` would read it: parsed back from the YAML text. */
function documents(p: K8sPlan): Record<string, unknown>[] {
  const docs = parseAllDocuments(k8sManifestYaml(p));
  if (!Array.isArray(docs)) throw new Error('expected several documents');
  return docs.map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as Record<string, unknown>;
  });
}

/** Parse a container's runner arguments with the real `runner sweep` options (strict). */
async function sweepFlags(
  args: string[],
): Promise<{ spec: string; shard?: string; shardCount?: number }> {
  let got: { spec: string; shard?: string; shardCount?: number } | undefined;
  await yargs(args)
    .command({ ...sweepCommand, handler: (a) => void (got = a) })
    .strict()
    .fail((msg, err) => {
      throw err ?? new Error(msg);
    })
    .parseAsync();
  if (!got) throw new Error('sweep command did not match');
  return got;
}

describe('k8s manifest', () => {
  it('is a ConfigMap and two batch/v1 Jobs that pass the Kubernetes schema', () => {
    const [cm, shards, report] = documents(plan());
    expect(cm).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap' });
    expect(shards).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job' });
    expect(report).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job' });
    expect(() => new ConfigMap(cm).validate()).not.toThrow();
    expect(() => new Job(shards).validate()).not.toThrow();
    expect(() => new Job(report).validate()).not.toThrow();
  });

  it('is plain YAML: no anchors or aliases for tools that do not expand them', () => {
    const text = k8sManifestYaml(plan());
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text.split('\n---\n')).toHaveLength(3);
  });

  it('the schema check is real: a broken Job fails it', () => {
    const { shards } = k8sManifest(plan());
    const broken = structuredClone(shards) as unknown as { spec: Record<string, unknown> };
    broken.spec.completionMode = 'indexed';
    broken.spec.completions = '3';
    expect(() => new Job(broken as never).validate()).toThrow(/completionMode|completions/);
  });

  it('runs N indexed completions, P at once, with the spec and the results volume mounted', () => {
    const { shards, configMap } = k8sManifest(plan({ shards: 5, parallelism: 2 }));
    expect(shards.spec).toMatchObject({
      completionMode: 'Indexed',
      completions: 5,
      parallelism: 2,
    });
    const pod = shards.spec!.template.spec!;
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.volumes).toEqual([
      { name: 'data', persistentVolumeClaim: { claimName: 'ansatz-results' } },
      { name: 'spec', configMap: { name: configMap.metadata!.name } },
    ]);
    expect(configMap.data!['spec.yaml']).toBe(readFileSync(SPEC, 'utf8'));
    expect(pod.containers[0]!.resources).toEqual({
      requests: { cpu: '2', memory: '1Gi' },
      limits: { cpu: '2', memory: '2Gi' },
    });
  });

  it('each index i selects the same shard and cells as --shard i/N', async () => {
    const N = 3;
    const p = plan({ shards: N });
    const shards = documents(p)[1] as {
      spec: { template: { spec: { containers: { args: string[] }[] } } };
    };
    const args = shards.spec.template.spec.containers[0]!.args.slice(p.runner.length);
    const flags = await sweepFlags(args);
    expect(flags.shard).toBeUndefined();
    expect(flags.shardCount).toBe(N);

    const cells = uniqueCells(loadSpecFile(SPEC).cells);
    const owner = shardOwners(cells, N);
    const seen = new Set<string>();
    for (let i = 0; i < N; i++) {
      const fromEnv = resolveShard(flags, { JOB_COMPLETION_INDEX: String(i) });
      const fromFlag = resolveShard({ shard: `${i}/${N}` }, {});
      expect(fromEnv).toMatchObject({ index: fromFlag.index, count: fromFlag.count });
      const ids = cells.filter((c) => owner.get(c.id) === fromEnv.index).map((c) => c.id);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) seen.add(id);
    }
    expect(seen.size).toBe(cells.length);
  });

  it('the shard wrapper runs the runner and leaves a marker only for final exit codes', () => {
    const { shards } = k8sManifest(plan());
    const markers = k8sDataPaths(plan()).markers;
    const [sh, c, script, arg0] = shards.spec!.template.spec!.containers[0]!.command!;
    expect([sh, c, arg0]).toEqual(['/bin/sh', '-c', 'shard']);
    const local = join(dir, 'markers');
    const tested = script!.replace(markers, local);
    expect(tested).not.toBe(script);
    for (const [index, rc, marker] of [
      [0, 0, '0'],
      [1, 1, '1'],
      [2, 137, undefined],
    ] as const) {
      const r = spawnSync('/bin/sh', ['-c', tested, 'shard', '/bin/sh', '-c', `exit ${rc}`], {
        env: { ...process.env, JOB_COMPLETION_INDEX: String(index) },
      });
      expect(r.status).toBe(rc);
      const files = readdirSync(local);
      if (marker === undefined) expect(files).not.toContain(String(index));
      else expect(readFileSync(join(local, String(index)), 'utf8').trim()).toBe(marker);
    }
  });

  it('the report Job waits for every marker, then builds the site from the results', () => {
    const p = plan({ shards: 4 });
    const { report } = k8sManifest(p);
    const pod = report.spec!.template.spec!;
    const paths = k8sDataPaths(p);
    expect(pod.initContainers![0]!.command!.at(-1)).toContain(paths.markers);
    expect(pod.initContainers![0]!.command!.at(-1)).toContain('-ge 4');
    expect(pod.containers[0]!.args).toEqual([
      ...p.runner,
      'report',
      paths.results,
      '--out',
      paths.site,
    ]);
  });

  it('bounds both Jobs: deadline, clean-up after finishing, the image user on the volume', () => {
    const p = plan();
    const { shards, report } = k8sManifest(p);
    expect(shards.spec).toMatchObject({
      activeDeadlineSeconds: 86_400,
      ttlSecondsAfterFinished: 604_800,
    });
    expect(report.spec).toMatchObject({ ttlSecondsAfterFinished: 604_800 });
    expect(report.spec!.activeDeadlineSeconds).toBeGreaterThan(p.limits.reportWaitSeconds);
    for (const job of [shards, report])
      expect(job.spec!.template.spec!.securityContext).toEqual({
        runAsNonRoot: true,
        runAsUser: 1000,
        runAsGroup: 1000,
        fsGroup: 1000,
      });
    // Giving up fails the report Job at once rather than retrying the wait.
    expect(report.spec!.podFailurePolicy!.rules[0]).toMatchObject({
      action: 'FailJob',
      onExitCodes: { containerName: 'wait-for-shards', values: [3] },
    });
  });

  it("the report's wait gives up after --report-wait with a message, exit 3", () => {
    const p = plan({ shards: 2 });
    p.limits.reportWaitSeconds = 1;
    const { report } = k8sManifest(p);
    const script = report.spec!.template.spec!.initContainers![0]!.command!.at(-1)!;
    const local = join(dir, 'wait-markers');
    const tested = script.replace(k8sDataPaths(p).markers, local).replace('sleep 15', 'sleep 1');
    expect(tested).not.toContain('sleep 15');
    mkdirSync(local, { recursive: true });
    writeFileSync(join(local, '0'), '0\n');
    const gaveUp = spawnSync('/bin/sh', ['-c', tested], { encoding: 'utf8', timeout: 20_000 });
    expect(gaveUp.status).toBe(3);
    expect(gaveUp.stderr).toMatch(/gave up after 1 s \(--report-wait\): 1 of 2 shards ended/);
    writeFileSync(join(local, '1'), '1\n');
    const done = spawnSync('/bin/sh', ['-c', tested], { encoding: 'utf8', timeout: 20_000 });
    expect(done.status).toBe(0);
  });

  it('names are valid DNS labels', () => {
    expect(k8sName('Quick_Sweep.v2')).toBe('ansatz-quick-sweep-v2');
    expect(k8sName('x'.repeat(100)).length).toBeLessThanOrEqual(63 - '-shards'.length);
  });
});
