import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveShard } from '../schedule/shard.js';
import { sbatchValueProblem, slurmScripts, type SlurmPlan } from './slurm-script.js';

const dir = mkdtempSync(join(tmpdir(), 'ansatz-slurm-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for the runner that records its arguments, one per line. */
const fakeRunner = join(dir, 'fake-runner.sh');
writeFileSync(fakeRunner, '#!/bin/sh\nprintf "%s\\n" "$@" > "$FAKE_OUT"\n');
chmodSync(fakeRunner, 0o755);

/** A stand-in for sbatch: logs its arguments and answers with a job id, as --parsable does. */
const binDir = join(dir, 'bin');
spawnSync('mkdir', ['-p', binDir]);
writeFileSync(
  join(binDir, 'sbatch'),
  '#!/bin/sh\necho "$*" >> "$SBATCH_LOG"\nn=$(wc -l < "$SBATCH_LOG")\necho "$((100 + n));cluster"\n',
);
chmodSync(join(binDir, 'sbatch'), 0o755);

function plan(over: Partial<SlurmPlan> = {}): SlurmPlan {
  return {
    sweep: 'tiny',
    specFile: '/work/sweeps/my spec.yaml',
    shards: 3,
    cpus: 2,
    resultsDir: join(dir, 'results', 'tiny'),
    siteDir: join(dir, 'site', 'tiny'),
    logDir: join(dir, 'logs'),
    workDir: dir,
    files: {
      submit: join(dir, 'submit.sh'),
      array: join(dir, 'submit-array.sbatch'),
      report: join(dir, 'submit-report.sbatch'),
    },
    runner: [fakeRunner],
    ...over,
  };
}

function sbatchLines(script: string): string[] {
  return script.split('\n').filter((l) => l.startsWith('#SBATCH'));
}

describe('slurmScripts', () => {
  it('writes a job array of N tasks with C CPUs, per-task logs and optional partition/time', () => {
    const s = slurmScripts(plan({ partition: 'short', time: '1:00:00' }));
    const lines = sbatchLines(s.array);
    expect(lines).toContain('#SBATCH --array=0-2');
    expect(lines).toContain('#SBATCH --cpus-per-task=2');
    expect(lines).toContain('#SBATCH --partition=short');
    expect(lines).toContain('#SBATCH --time=1:00:00');
    expect(lines).toContain(`#SBATCH --output=${join(dir, 'logs')}/ansatz-tiny-%A_%a.out`);
    const bare = slurmScripts(plan());
    expect(sbatchLines(bare.array).some((l) => /--partition|--time/.test(l))).toBe(false);
    expect(sbatchLines(bare.report).some((l) => /--array/.test(l))).toBe(false);
  });

  it('produces scripts bash accepts', () => {
    const s = slurmScripts(plan({ partition: 'a,b', time: '30' }));
    for (const [name, text] of Object.entries(s)) {
      const file = join(dir, `syntax-${name}.sh`);
      writeFileSync(file, text);
      const r = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
      expect(r.stderr, name).toBe('');
      expect(r.status, name).toBe(0);
    }
  });

  it('array task i runs `sweep` on shard i/N with C workers, whatever the array env says', () => {
    const s = slurmScripts(plan());
    const file = join(dir, 'array.sbatch');
    writeFileSync(file, s.array);
    for (const i of [0, 1, 2]) {
      const out = join(dir, `args-${i}.txt`);
      // A re-run of one task (sbatch --array=1) has COUNT=1: the shard must still be i/3.
      const env = {
        ...process.env,
        SLURM_ARRAY_TASK_ID: String(i),
        SLURM_ARRAY_TASK_COUNT: '1',
        FAKE_OUT: out,
      };
      const r = spawnSync('bash', [file], { encoding: 'utf8', env });
      expect(r.status, r.stderr).toBe(0);
      const args = readFileSync(out, 'utf8').split('\n').slice(0, -1);
      expect(args).toEqual([
        'sweep',
        '/work/sweeps/my spec.yaml',
        '--out',
        join(dir, 'results', 'tiny'),
        '--workers',
        '2',
        '--shard',
        `${i}/3`,
      ]);
      expect(resolveShard({ shard: args[7] }, {})).toMatchObject({ index: i, count: 3 });
    }
  });

  it('every task passes the selection and overrides on, quoted for the shell', () => {
    const sweepArgs = [
      '--only',
      'depth',
      '--where',
      'depth>=3',
      '--where',
      'init!=balanced',
      '--set',
      'steps=10',
    ];
    const file = join(dir, 'array-selected.sbatch');
    writeFileSync(file, slurmScripts(plan({ sweepArgs })).array);
    const out = join(dir, 'args-selected.txt');
    const env = { ...process.env, SLURM_ARRAY_TASK_ID: '1', FAKE_OUT: out };
    const r = spawnSync('bash', [file], { encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
    const args = readFileSync(out, 'utf8').split('\n').slice(0, -1);
    expect(args.slice(6)).toEqual([...sweepArgs, '--shard', '1/3']);
  });

  it('the array script refuses to run outside an array task', () => {
    const file = join(dir, 'array-alone.sbatch');
    writeFileSync(file, slurmScripts(plan()).array);
    const env: NodeJS.ProcessEnv = { ...process.env, FAKE_OUT: join(dir, 'never.txt') };
    delete env.SLURM_ARRAY_TASK_ID;
    const r = spawnSync('bash', [file], { encoding: 'utf8', env });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/run this script with sbatch/);
  });

  it('the report script builds the site from the results directory', () => {
    const file = join(dir, 'report.sbatch');
    writeFileSync(file, slurmScripts(plan()).report);
    const out = join(dir, 'report-args.txt');
    const r = spawnSync('bash', [file], {
      encoding: 'utf8',
      env: { ...process.env, FAKE_OUT: out },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n').slice(0, -1)).toEqual([
      'report',
      join(dir, 'results', 'tiny'),
      '--out',
      join(dir, 'site', 'tiny'),
    ]);
  });

  it('one submit command submits the array, then the report with afterany on the array id', () => {
    const p = plan();
    const s = slurmScripts(p);
    writeFileSync(p.files.submit, s.submit);
    const log = join(dir, 'sbatch.log');
    const env = { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}`, SBATCH_LOG: log };
    const r = spawnSync('bash', [p.files.submit], { encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(log, 'utf8').split('\n').slice(0, -1)).toEqual([
      `--parsable ${p.files.array}`,
      `--parsable --dependency=afterany:101 ${p.files.report}`,
    ]);
    expect(r.stdout).toMatch(/job array 101 \(3 shards\), site build 102/);
  });

  it('says which values #SBATCH lines cannot carry', () => {
    expect(sbatchValueProblem('/home/me/ansatz/slurm/logs')).toBeUndefined();
    expect(sbatchValueProblem('/home/me/my runs')).toMatch(/whitespace/);
    expect(sbatchValueProblem("/it's")).toMatch(/quote/);
  });
});
