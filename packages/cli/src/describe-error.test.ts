import { fileURLToPath } from 'node:url';
import { SiteInputError } from '@ansatz/report';
import { EXIT, UserError } from '@ansatz/runner';
import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error.js';
import { runCli } from './test-support/run-cli.js';

const SPEC = fileURLToPath(
  new URL('../../runner/test-fixtures/scale-out-tiny.yaml', import.meta.url),
);

describe('exit codes', () => {
  it('tell apart done, some runs failed, bad input, a crash and an interruption', () => {
    expect([EXIT.ok, EXIT.someFailed, EXIT.badInput, EXIT.internal, EXIT.interrupted]).toEqual([
      0, 1, 2, 70, 130,
    ]);
  });

  it('a UserError is bad input: its problems, no stack', () => {
    expect(describeError(new UserError('--shards 0: expected an integer ≥ 1'))).toEqual({
      text: 'error: --shards 0: expected an integer ≥ 1',
      code: 2,
    });
    expect(describeError(new UserError(['a: bad', 'b: bad']))).toEqual({
      text: 'error: 2 problems\n  a: bad\n  b: bad',
      code: 2,
    });
  });

  it('the report’s input errors are bad input too', () => {
    expect(describeError(new SiteInputError(['results directory x does not exist']))).toEqual({
      text: 'error: results directory x does not exist',
      code: 2,
    });
  });

  it('anything else is an internal error: its own code, with the stack', () => {
    const { text, code } = describeError(new TypeError('x is undefined'));
    expect(code).toBe(70);
    expect(text).toMatch(
      /^internal error \(please report it\):\nTypeError: x is undefined\n\s+at /,
    );
    expect(describeError('thrown string')).toEqual({
      text: 'internal error (please report it):\nthrown string',
      code: 70,
    });
  });

  it('a flag missing its value is bad input (exit 2), not a crash', async () => {
    const r = await runCli(['k8s', SPEC, '--shards', '2', '--image', 'a:1', '--out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: Not enough arguments following: out (see runner --help)\n');
  });

  it('registers the commands of both packages, and every one has --help', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const c of [
      'sweep',
      'status',
      'export',
      'slurm',
      'k8s',
      'report',
      'verdicts',
      'preview',
    ]) {
      expect(help.stdout).toMatch(new RegExp(`runner ${c}\\b`));
      const r = await runCli([c, '--help']);
      expect(r.code, c).toBe(0);
    }
  });

  it('no command is bad input, naming the commands', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give a command: sweep, status, export');
  });

  it('prints a shell completion script that completes the commands', async () => {
    const r = await runCli(['completion']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('_runner_yargs_completions');
    const words = await runCli(['--get-yargs-completions', 'runner', 'ver']);
    expect(words.stdout.split('\n')).toContain('verdicts');
  });
});
