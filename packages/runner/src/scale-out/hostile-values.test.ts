// Hostile values in every place `runner slurm` / `runner k8s` interpolate into what they write:
// either the command refuses the value (exit 2, naming where it came from) or the generated
// files carry it as data. The scripts are then run with bash, `sbatch` stubbed by a PATH shim
// that records its calls and the runner by a stub that records its argv: no payload may run.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { CommandModule } from 'yargs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { scaleOutCommand } from '../commands/scale-out-command.js';
import { UserError } from '../errors.js';
import { runCommand } from '../test-support/run-command.js';
import { k8sTarget } from './k8s-target.js';
import { commentText, scriptValueProblem } from './script-values.js';
import { slurmScripts } from './slurm-script.js';
import { slurmTarget } from './slurm-target.js';

const SPEC = fileURLToPath(new URL('../../test-fixtures/scale-out-tiny.yaml', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'ansatz-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const slurm = scaleOutCommand(slurmTarget) as CommandModule<object, never>;
const k8s = scaleOutCommand(k8sTarget) as CommandModule<object, never>;

/** Each payload creates the file PWNED in the current directory if it ever runs. */
const PAYLOADS: [string, string, 'refused' | 'carried'][] = [
  ['newline', 'a\ntouch PWNED\n', 'refused'],
  ['carriage return', 'a\rtouch PWNED\r', 'refused'],
  ['NUL', 'a\u0000touch PWNED', 'refused'],
  ['tab', 'a\ttouch PWNED', 'refused'],
  ['U+2028 line separator', 'a\u2028touch PWNED', 'refused'],
  ['U+2029 paragraph separator', 'a\u2029touch PWNED', 'refused'],
  ['NEL U+0085', 'a\u0085touch PWNED', 'refused'],
  ['command substitution', 'a$(touch PWNED)', 'carried'],
  ['backticks', 'a`touch PWNED`', 'carried'],
  ['semicolon', 'a;touch PWNED;', 'carried'],
  ['single quote', "a';touch PWNED;'", 'carried'],
  ['double quote', 'a";touch PWNED;"', 'carried'],
  ['variable', 'a${IFS}$HOME', 'carried'],
];

let n = 0;
/** A fresh case directory with the PATH shim (sbatch) and the runner stub. */
function caseDir() {
  const dir = join(root, `case${n++}`);
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const calls = join(dir, 'calls.log');
  writeFileSync(
    join(bin, 'sbatch'),
    `#!/bin/sh\nprintf '%s\\0' sbatch "$@" >> '${calls}'\necho 42\n`,
  );
  writeFileSync(join(bin, 'kubectl'), `#!/bin/sh\nprintf '%s\\0' kubectl "$@" >> '${calls}'\n`);
  writeFileSync(join(bin, 'runner-stub'), `#!/bin/sh\nprintf '%s\\0' runner "$@" >> '${calls}'\n`);
  for (const f of ['sbatch', 'kubectl', 'runner-stub']) chmodSync(join(bin, f), 0o755);
  return { dir, bin, calls, stub: join(bin, 'runner-stub') };
}

/** Run a generated script with bash in `dir`, the shim first on the PATH. */
function bash(dir: string, bin: string, script: string, env: Record<string, string> = {}) {
  const r = spawnSync('bash', [script], {
    cwd: dir,
    env: { ...process.env, ...env, PATH: `${bin}:${process.env['PATH'] ?? ''}` },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
}

/** Every recorded call's argv (NUL-separated words; a call starts with its program name). */
function recorded(calls: string): string[] {
  return existsSync(calls) ? readFileSync(calls, 'utf8').split('\0').slice(0, -1) : [];
}

async function outcome(command: CommandModule<object, never>, argv: string[]) {
  try {
    await runCommand(command, argv);
    return undefined;
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
}

describe('runner slurm with hostile values', () => {
  const places = ['the spec path', '--out', '--site', '--runner'] as const;
  for (const [label, value, expected] of PAYLOADS) {
    for (const place of places) {
      it(`${label} in ${place}: ${expected}, and nothing runs`, async () => {
        const c = caseDir();
        // The spec really exists under the hostile name, so only the check can refuse it.
        let spec = SPEC;
        if (place === 'the spec path' && !value.includes('\u0000')) {
          spec = join(c.dir, `spec${value}.yaml`);
          copyFileSync(SPEC, spec);
        } else if (place === 'the spec path') spec = join(c.dir, `spec${value}.yaml`);
        const out = place === '--out' ? join(c.dir, `res${value}`) : join(c.dir, 'res');
        const site = place === '--site' ? join(c.dir, `site${value}`) : join(c.dir, 'site');
        const runner = place === '--runner' ? `${c.stub} ${value}` : c.stub;
        const script = join(c.dir, 'slurm', 'submit.sh');
        const argv = ['slurm', spec, '--shards', '2', '--script', script, '--out', out];
        const err = await outcome(slurm, [...argv, '--site', site, '--runner', runner]);
        if (expected === 'refused') {
          expect(err?.message).toContain(place);
          expect(err?.message).toMatch(/control character or line separator \(U\+[0-9A-F]{4}/);
          expect(existsSync(script)).toBe(false);
          return;
        }
        expect(err).toBeUndefined();
        for (const f of ['submit.sh', 'submit-array.sbatch', 'submit-report.sbatch']) {
          const text = readFileSync(join(c.dir, 'slurm', f), 'utf8');
          // Every line before `set -euo pipefail` is a comment or a directive.
          const head = text.split('\n').slice(0, text.split('\n').indexOf('set -euo pipefail'));
          for (const line of head) expect(line.startsWith('#'), line).toBe(true);
        }
        bash(c.dir, c.bin, join(c.dir, 'slurm', 'submit.sh'));
        bash(c.dir, c.bin, join(c.dir, 'slurm', 'submit-array.sbatch'), {
          SLURM_ARRAY_TASK_ID: '1',
        });
        bash(c.dir, c.bin, join(c.dir, 'slurm', 'submit-report.sbatch'));
        expect(existsSync(join(c.dir, 'PWNED'))).toBe(false);
        expect(existsSync(join(c.dir, 'slurm', 'PWNED'))).toBe(false);
        const words = recorded(c.calls);
        expect(words.filter((w) => w === 'sbatch')).toHaveLength(2);
        // The value arrived intact, as one argument, where it was meant to go.
        const arrived = place === 'the spec path' ? spec : place === '--out' ? out : site;
        if (place === '--runner') {
          const at = words.indexOf('runner');
          expect(words.slice(at + 1, at + 1 + value.split(' ').length)).toEqual(value.split(' '));
        } else expect(words).toContain(arrived);
      });
    }
  }
});

describe('runner k8s with hostile values', () => {
  for (const [label, value, expected] of PAYLOADS) {
    it(`${label} in --runner: ${expected}, and the manifest carries it as data`, async () => {
      const c = caseDir();
      const file = join(c.dir, 'k8s.yaml');
      const err = await outcome(k8s, [
        'k8s',
        SPEC,
        '--shards',
        '2',
        '--image',
        'img:1',
        '--out',
        file,
        '--runner',
        `${c.stub} ${value}`,
      ]);
      if (expected === 'refused') {
        expect(err?.message).toContain('--runner');
        expect(existsSync(file)).toBe(false);
        return;
      }
      expect(err).toBeUndefined();
      const text = readFileSync(file, 'utf8');
      const docs: unknown[] = parseAllDocuments(text).map((d) => d.toJS() as unknown);
      expect(docs).toHaveLength(3);
      interface Container {
        command: string[];
        args: string[];
      }
      const job = docs[1] as unknown as {
        spec: { template: { spec: { containers: Container[] } } };
      };
      const shard = job.spec.template.spec.containers[0]!;
      const words = value.split(' ');
      expect(shard.args.slice(0, 1 + words.length)).toEqual([c.stub, ...words]);
      // Run the pod's command as the container would (the volume path moved into the case dir).
      const [sh, flag, wrapper, name] = shard.command as [string, string, string, string];
      const r = spawnSync(sh, [flag, wrapper.replaceAll('/data', c.dir), name, ...shard.args], {
        cwd: c.dir,
        env: { ...process.env, JOB_COMPLETION_INDEX: '0', PATH: `${c.bin}:/usr/bin:/bin` },
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(join(c.dir, 'PWNED'))).toBe(false);
      expect(recorded(c.calls).slice(0, 2 + words.length)).toEqual(['runner', ...words, 'sweep']);
    });
  }
});

describe('script values', () => {
  it('refuses control characters and line separators, and names them', () => {
    expect(scriptValueProblem('--out', '/a/b c$(x)`y`;\'"')).toBeUndefined();
    expect(scriptValueProblem('--out', 'a\nb')).toMatch(/^--out "a\\nb": .*U\+000A at offset 1/);
    expect(scriptValueProblem('--out', 'a\u2028')).toMatch(/U\+2028/);
    expect(scriptValueProblem('--out', '\u007f')).toMatch(/U\+007F/);
  });

  it('keeps a line break in a plan out of the script even without the check', () => {
    const c = caseDir();
    const files = {
      submit: join(c.dir, 'submit.sh'),
      array: join(c.dir, 'a.sbatch'),
      report: join(c.dir, 'r.sbatch'),
    };
    const scripts = slurmScripts({
      sweep: 'x\ntouch PWNED',
      specFile: `/s\ntouch PWNED\r\u2028touch PWNED\n`,
      shards: 1,
      cpus: 1,
      resultsDir: join(c.dir, 'res'),
      siteDir: join(c.dir, 'site'),
      logDir: join(c.dir, 'logs'),
      workDir: c.dir,
      files,
      runner: [c.stub],
    });
    writeFileSync(files.submit, scripts.submit);
    writeFileSync(files.array, scripts.array);
    writeFileSync(files.report, scripts.report);
    bash(c.dir, c.bin, files.submit);
    expect(existsSync(join(c.dir, 'PWNED'))).toBe(false);
    expect(recorded(c.calls).filter((w) => w === 'sbatch')).toHaveLength(2);
  });

  it('makes any text one comment line', () => {
    expect(commentText('a\nb\rc\u2028d\u0000e')).toBe('a?b?c?d?e');
  });
});
