import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv, CommandModule } from 'yargs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../errors.js';
import { localRunnerArgv } from '../scale-out/runner-invocation.js';
import type { ScaleOutPlan, ScaleOutTarget } from '../scale-out/target.js';
import { runCommand } from '../test-support/run-command.js';
import { intProblem } from './flag-problems.js';
import { scaleOutCommand } from './scale-out-command.js';

const SPEC = fileURLToPath(new URL('../../test-fixtures/scale-out-tiny.yaml', import.meta.url));
const CELLS = 24;
const dir = mkdtempSync(join(tmpdir(), 'ansatz-scale-out-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

interface EchoOptions {
  dest: string;
  level: number;
}

/** A target as small as one can be: writes the plan it was given as JSON to `--dest`. */
const echoTarget: ScaleOutTarget<EchoOptions> = {
  name: 'echo',
  describe: 'write the plan as JSON',
  help: { shards: 'jobs (shards)', cpus: 'CPUs per job', runner: 'how jobs start the runner' },
  shardRunners: 'jobs',
  options: (y: Argv) =>
    y
      .option('dest', { type: 'string', demandOption: true })
      .option('level', { type: 'number', default: 1 }) as unknown as Argv<EchoOptions>,
  flagProblems: (o) => [intProblem('level', o.level, 0)],
  generate: (plan, o) => {
    if (o.level > 9) throw new UserError(`--level ${o.level}: the echo target stops at 9`);
    return {
      files: [{ path: resolve(plan.workDir, o.dest), text: JSON.stringify(plan), flag: '--dest' }],
      stdout: `echo: ${plan.sweep} at level ${o.level}\n`,
    };
  },
};
const echo = scaleOutCommand(echoTarget) as CommandModule<object, never>;

describe('scaleOutCommand', () => {
  it('is `runner <name> <spec>`, described as the target says', () => {
    expect(echo.command).toBe('echo <spec>');
    expect(echo.describe).toBe('write the plan as JSON');
  });

  it('hands the target the spec and the shared flags, writes its files, prints its message', async () => {
    const dest = join(dir, 'a', 'plan.json');
    const printed = await runCommand(echo, [
      'echo',
      SPEC,
      '--shards',
      '3',
      '--cpus',
      '2',
      '--dest',
      dest,
      '--level',
      '4',
    ]);
    expect(printed.stdout).toBe('echo: scale-out-tiny at level 4\n');
    expect(printed.stderr).toBe('');
    const plan = JSON.parse(readFileSync(dest, 'utf8')) as ScaleOutPlan;
    expect(plan).toEqual({
      sweep: 'scale-out-tiny',
      specFile: SPEC,
      specText: readFileSync(SPEC, 'utf8'),
      cells: CELLS,
      sweepArgs: [],
      shards: 3,
      cpus: 2,
      // no --runner and no default of the target's: this Node and this checkout's CLI
      runner: localRunnerArgv(),
      workDir: process.cwd(),
    });
    expect(readdirSync(join(dir, 'a'))).toEqual(['plan.json']);
  });

  it('--only, --where and --set: the selected cells, and the flags every shard gets', async () => {
    const dest = join(dir, 'selected.json');
    const base = ['echo', SPEC, '--shards', '2', '--dest', dest];
    await runCommand(echo, [
      ...base,
      '--where',
      'depth=3',
      '--where',
      'weightDecay>0',
      '--set',
      'steps=10',
    ]);
    const plan = JSON.parse(readFileSync(dest, 'utf8')) as ScaleOutPlan;
    expect(plan.cells).toBe(CELLS / 4);
    expect(plan.sweepArgs).toEqual([
      '--where',
      'depth=3',
      '--where',
      'weightDecay>0',
      '--set',
      'steps=10',
    ]);
    await expect(
      runCommand(echo, [...base, '--where', 'depht=3', '--only', 'nope']),
    ).rejects.toThrow(
      /--where "depht=3": unknown run-config field "depht" \(did you mean "depth"\?\); fields: task,/,
    );
    await expect(runCommand(echo, [...base, '--only', 'nope'])).rejects.toThrow(
      /--only nope: no experiment "nope" in .*; experiments: depth/,
    );
    await expect(runCommand(echo, [...base, '--set', 'depth=two'])).rejects.toThrow(
      /--set "depth=two": Invalid input: expected number, received string/,
    );
  });

  it('--runner is split into words; a target may give its own default', async () => {
    const dest = join(dir, 'runner.json');
    const planOf = async (target: ScaleOutTarget<EchoOptions>, extra: string[]) => {
      await runCommand(scaleOutCommand(target) as CommandModule<object, never>, [
        'echo',
        SPEC,
        '--shards',
        '1',
        '--dest',
        dest,
        ...extra,
      ]);
      return (JSON.parse(readFileSync(dest, 'utf8')) as ScaleOutPlan).runner;
    };
    expect(await planOf(echoTarget, ['--runner', ' node  /app/cli.js '])).toEqual([
      'node',
      '/app/cli.js',
    ]);
    expect(await planOf({ ...echoTarget, defaultRunner: 'runner' }, [])).toEqual(['runner']);
  });

  it('reports the shared flags, then the target’s, then --runner, all at once', async () => {
    const err = await runCommand(echo, [
      'echo',
      SPEC,
      '--shards',
      '0',
      '--cpus',
      '0.5',
      '--dest',
      join(dir, 'never.json'),
      '--level',
      '-1',
      '--runner',
      '',
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).problems).toEqual([
      '--shards 0: expected an integer from 1 to 100000',
      '--cpus 0.5: expected an integer from 1 to 1024',
      '--level -1: expected an integer ≥ 0',
      '--runner "": expected a command, e.g. --runner runner',
    ]);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  it('warns, in the target’s words, when there are more shards than cells', async () => {
    const printed = await runCommand(echo, [
      'echo',
      SPEC,
      '--shards',
      String(CELLS + 6),
      '--dest',
      join(dir, 'many.json'),
    ]);
    expect(printed.stderr).toBe(
      `warning: ${CELLS + 6} shards for ${CELLS} cells: 6 jobs will have nothing to run\n`,
    );
  });

  it('a problem the target finds with the spec loaded is a UserError; nothing is written', async () => {
    const dest = join(dir, 'refused.json');
    const err = await runCommand(echo, [
      'echo',
      SPEC,
      '--shards',
      '2',
      '--dest',
      dest,
      '--level',
      '10',
    ]).catch((e: unknown) => e);
    expect((err as UserError).problems).toEqual(['--level 10: the echo target stops at 9']);
    expect(existsSync(dest)).toBe(false);
  });
});
