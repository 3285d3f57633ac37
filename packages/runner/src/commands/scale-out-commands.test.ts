import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { parseAllDocuments } from 'yaml';
import yargs, { type CommandModule } from 'yargs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../errors.js';
import { k8sCommand } from './k8s.js';
import { slurmCommand } from './slurm.js';

const SPEC = fileURLToPath(new URL('../../test-fixtures/scale-out-tiny.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ansatz-scale-out-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Run one command module as the CLI would; returns what it printed on stdout. */
async function run(command: CommandModule<object, never>, argv: string[]): Promise<string> {
  let printed = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  await yargs(argv)
    .command(command)
    .strict()
    .fail((msg, err) => {
      throw err ?? new UserError(msg);
    })
    .parseAsync();
  return printed;
}

describe('runner slurm', () => {
  it('writes the submit, array and report scripts and says how to submit', async () => {
    const script = join(dir, 'slurm', 'go.sh');
    const printed = await run(slurmCommand as CommandModule<object, never>, [
      'slurm',
      SPEC,
      '--shards',
      '3',
      '--cpus',
      '2',
      '--time',
      '0:30:00',
      '--script',
      script,
      '--out',
      join(dir, 'res'),
      '--site',
      join(dir, 'site'),
    ]);
    expect(printed).toContain(`sbatch ${script}`);
    expect(printed).toMatch(/24 cells in 3 shards of 2 CPUs/);
    expect(statSync(script).mode & 0o111).not.toBe(0);
    expect(statSync(join(dir, 'slurm', 'logs')).isDirectory()).toBe(true);
    const array = readFileSync(join(dir, 'slurm', 'go-array.sbatch'), 'utf8');
    expect(array).toContain('#SBATCH --array=0-2');
    expect(array).toContain('#SBATCH --time=0:30:00');
    expect(array).toMatch(
      new RegExp(`sweep ${SPEC} --out ${join(dir, 'res')} --workers 2 --shard`),
    );
    // By default the nodes run this Node on this checkout's built CLI, by absolute path.
    expect(array).toContain(`${process.execPath} `);
    expect(readFileSync(join(dir, 'slurm', 'go-report.sbatch'), 'utf8')).toContain(
      `report ${join(dir, 'res')} --out ${join(dir, 'site')}`,
    );
  });

  it('uses --runner as the command on the nodes', async () => {
    const script = join(dir, 'slurm2', 'submit.sh');
    await run(slurmCommand as CommandModule<object, never>, [
      'slurm',
      SPEC,
      '--shards',
      '2',
      '--script',
      script,
      '--runner',
      'runner',
    ]);
    expect(readFileSync(join(dir, 'slurm2', 'submit-array.sbatch'), 'utf8')).toMatch(
      /^exec runner sweep /m,
    );
  });

  it('reports every bad flag at once', async () => {
    const err = await run(slurmCommand as CommandModule<object, never>, [
      'slurm',
      SPEC,
      '--shards',
      '0',
      '--cpus',
      '1.5',
      '--time',
      '2 hours',
      '--partition',
      'a b',
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    const problems = (err as UserError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(
      /--shards 0.*\n.*--cpus 1.5.*\n.*--time "2 hours".*\n.*--partition "a b"/,
    );
  });

  it('a bad spec is a UserError naming the file, and nothing is written', async () => {
    const script = join(dir, 'never', 'submit.sh');
    const err = await run(slurmCommand as CommandModule<object, never>, [
      'slurm',
      join(dir, 'missing.yaml'),
      '--shards',
      '2',
      '--script',
      script,
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(String((err as Error).message)).toContain('missing.yaml');
    expect(() => statSync(script)).toThrow();
  });
});

describe('runner k8s', () => {
  it('writes a valid multi-document manifest', async () => {
    const file = join(dir, 'k8s', 'tiny.yaml');
    const printed = await run(k8sCommand as CommandModule<object, never>, [
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
    const printed = await run(k8sCommand as CommandModule<object, never>, [
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
    const err = await run(k8sCommand as CommandModule<object, never>, [
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
});
