import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandModule } from 'yargs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { scaleOutCommand } from '../commands/scale-out-command.js';
import { UserError } from '../errors.js';
import { runCommand } from '../test-support/run-command.js';
import { slurmTarget } from './slurm-target.js';
import type { ScaleOutPlan } from './target.js';

const SPEC = fileURLToPath(new URL('../../test-fixtures/scale-out-tiny.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ansatz-slurm-target-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const slurmCommand = scaleOutCommand(slurmTarget) as CommandModule<object, never>;
/** Run the command as the CLI would; returns what it printed on stdout. */
const run = async (command: CommandModule<object, never>, argv: string[]) =>
  (await runCommand(command, argv)).stdout;

describe('runner slurm', () => {
  it('writes the submit, array and report scripts and says how to submit', async () => {
    const script = join(dir, 'slurm', 'go.sh');
    const printed = await run(slurmCommand, [
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
    await run(slurmCommand, [
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
    const err = await run(slurmCommand, [
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
    const err = await run(slurmCommand, [
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

describe('slurmTarget.generate', () => {
  const plan = (workDir: string): ScaleOutPlan => ({
    sweep: 'tiny',
    specFile: SPEC,
    specText: '',
    cells: 24,
    shards: 2,
    cpus: 1,
    runner: ['runner'],
    workDir,
  });

  it('resolves paths against the working directory; logs go beside the submit script', () => {
    const out = slurmTarget.generate(plan('/w'), { script: 'jobs/go.sh', site: '/www' });
    expect(out.files.map((f) => [f.path, f.executable === true])).toEqual([
      ['/w/jobs/go-array.sbatch', false],
      ['/w/jobs/go-report.sbatch', false],
      ['/w/jobs/go.sh', true],
    ]);
    expect(out.dirs).toEqual([{ path: '/w/jobs/logs', flag: '--script' }]);
    expect(out.files[0]!.text).toContain('#SBATCH --chdir=/w\n');
    expect(out.files[1]!.text).toContain('exec runner report /w/results/tiny --out /www\n');
  });

  it('refuses every path an #SBATCH line cannot carry, naming where it comes from', () => {
    let err: unknown;
    try {
      slurmTarget.generate(plan('/my w'), { script: "/x/it's/go.sh" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).problems).toEqual([
      "--script: /x/it's/logs holds whitespace, a quote or a backslash, which #SBATCH lines cannot carry; choose a path without them",
      'the working directory: /my w holds whitespace, a quote or a backslash, which #SBATCH lines cannot carry; choose a path without them',
    ]);
  });
});
