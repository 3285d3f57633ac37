import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { parseAllDocuments } from 'yaml';
import type { CommandModule } from 'yargs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { scaleOutCommand } from '../commands/scale-out-command.js';
import { UserError } from '../errors.js';
import { runCommand } from '../test-support/run-command.js';
import { k8sTarget } from './k8s-target.js';
import type { ScaleOutPlan } from './target.js';

const SPEC = fileURLToPath(new URL('../../test-fixtures/scale-out-tiny.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ansatz-k8s-target-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const k8sCommand = scaleOutCommand(k8sTarget) as CommandModule<object, never>;
/** Run the command as the CLI would; returns what it printed on stdout. */
const run = async (command: CommandModule<object, never>, argv: string[]) =>
  (await runCommand(command, argv)).stdout;

describe('runner k8s', () => {
  it('writes a valid multi-document manifest', async () => {
    const file = join(dir, 'k8s', 'tiny.yaml');
    const printed = await run(k8sCommand, [
      'k8s',
      SPEC,
      '--shards',
      '4',
      '--image',
      'ghcr.io/x/ansatz:1',
      '--parallelism',
      '9',
      '--out',
      file,
    ]);
    expect(printed).toContain(`kubectl apply -f ${file}`);
    const docs = parseAllDocuments(readFileSync(file, 'utf8'));
    if (!Array.isArray(docs)) throw new Error('expected several documents');
    const jobs = docs
      .map((d) => d.toJS() as Record<string, unknown>)
      .filter((d) => d.kind === 'Job');
    expect(jobs).toHaveLength(2);
    for (const j of jobs) expect(() => new Job(j).validate()).not.toThrow();
    // parallelism is capped at the number of shards
    expect(jobs[0]).toMatchObject({ spec: { completions: 4, parallelism: 4 } });
  });

  it('prints the manifest with --out -', async () => {
    const printed = await run(k8sCommand, [
      'k8s',
      SPEC,
      '--shards',
      '2',
      '--image',
      'ansatz:dev',
      '--out',
      '-',
    ]);
    const kinds = parseAllDocuments(printed);
    if (!Array.isArray(kinds)) throw new Error('expected several documents');
    expect(kinds.map((d) => (d.toJS() as { kind: string }).kind)).toEqual([
      'ConfigMap',
      'Job',
      'Job',
    ]);
  });

  it('reports every bad flag at once', async () => {
    const err = await run(k8sCommand, [
      'k8s',
      SPEC,
      '--shards',
      '-1',
      '--image',
      'bad image',
      '--volume',
      'Bad_Claim',
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).problems).toHaveLength(3);
  });

  it('bounds the Jobs and sizes the pods with flags that have defaults', async () => {
    const jobs = async (extra: string[]) => {
      const printed = await run(k8sCommand, [
        'k8s',
        SPEC,
        '--shards',
        '2',
        '--cpus',
        '2',
        '--image',
        'ansatz:dev',
        '--out',
        '-',
        ...extra,
      ]);
      const docs = parseAllDocuments(printed);
      if (!Array.isArray(docs)) throw new Error('expected several documents');
      const all = docs
        .map((d) => d.toJS() as Record<string, never>)
        .filter((d) => d.kind === 'Job');
      for (const j of all) expect(() => new Job(j).validate()).not.toThrow();
      return all as unknown as {
        spec: {
          activeDeadlineSeconds: number;
          ttlSecondsAfterFinished: number;
          template: {
            spec: {
              containers: { resources: unknown }[];
              initContainers?: { command: string[] }[];
            };
          };
        };
      }[];
    };
    const [shards, report] = await jobs([]);
    expect(shards!.spec.activeDeadlineSeconds).toBe(86_400);
    expect(shards!.spec.ttlSecondsAfterFinished).toBe(604_800);
    expect(shards!.spec.template.spec.containers[0]!.resources).toEqual({
      requests: { cpu: '2', memory: '1Gi' },
      limits: { cpu: '2', memory: '1Gi' },
    });
    expect(report!.spec.template.spec.initContainers![0]!.command.at(-1)).toContain(
      'gave up after 87000 s',
    );

    const [s2, r2] = await jobs([
      ...['--deadline', '7200', '--ttl', '0', '--report-wait', '900'],
      ...['--cpu-limit', '2500m', '--memory', '512Mi', '--memory-limit', '2Gi'],
    ]);
    expect(s2!.spec.activeDeadlineSeconds).toBe(7200);
    expect(s2!.spec.ttlSecondsAfterFinished).toBe(0);
    expect(s2!.spec.template.spec.containers[0]!.resources).toEqual({
      requests: { cpu: '2', memory: '512Mi' },
      limits: { cpu: '2500m', memory: '2Gi' },
    });
    expect(r2!.spec.template.spec.initContainers![0]!.command.at(-1)).toContain(
      'gave up after 900 s',
    );
  });

  it('reports bad limits at once', async () => {
    const err = await run(k8sCommand, [
      ...['k8s', SPEC, '--shards', '2', '--image', 'ansatz:dev'],
      ...['--deadline', '0', '--ttl', '-1', '--report-wait', '1.5'],
      ...['--cpu-limit', 'two', '--memory', '1GB', '--memory-limit', 'lots', '--user', '0'],
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).problems).toHaveLength(7);
  });
});

describe('k8sTarget.generate', () => {
  const plan: ScaleOutPlan = {
    sweep: 'tiny',
    specFile: SPEC,
    specText: readFileSync(SPEC, 'utf8'),
    cells: 24,
    shards: 3,
    cpus: 2,
    runner: ['runner'],
    workDir: '/w',
  };
  const options = {
    image: 'ansatz:dev',
    volume: 'ansatz-results',
    deadline: 3600,
    ttl: 60,
    memory: '1Gi',
    user: 1000,
  };

  it('writes k8s/<name>.yaml under the working directory and says how to apply it', () => {
    const out = k8sTarget.generate(plan, options);
    expect(out.files.map((f) => [f.path, f.flag])).toEqual([['/w/k8s/tiny.yaml', '--out']]);
    expect(out.stdout).toContain('  kubectl apply -f /w/k8s/tiny.yaml\n');
    expect(out.stdout).toMatch(/^sweep "tiny": 24 cells in 3 shards, 3 pods at once\n/);
  });

  it('with --out - writes nothing and prints the manifest itself', () => {
    const out = k8sTarget.generate(plan, { ...options, out: '-' });
    expect(out.files).toEqual([]);
    expect(out.stdout).toBe(k8sTarget.generate(plan, options).files[0]!.text);
  });
});
