import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
    expect(pod.containers[0]!.resources).toEqual({ requests: { cpu: '2' } });
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

  it('names are valid DNS labels', () => {
    expect(k8sName('Quick_Sweep.v2')).toBe('ansatz-quick-sweep-v2');
    expect(k8sName('x'.repeat(100)).length).toBeLessThanOrEqual(63 - '-shards'.length);
  });
});
