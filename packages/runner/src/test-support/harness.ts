// Helpers for tests that run the built `runner` CLI (packages/cli/dist/cli.js) as a subprocess:
// turbo builds @ansatz/cli before this package's tests (turbo.json).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PKG_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(PKG_ROOT, '..', 'cli', 'dist', 'cli.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** Environment for a child: no inherited shard variables, plain (non-TTY) progress. */
function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) {
    if (k.startsWith('SLURM_') || k === 'JOB_COMPLETION_INDEX' || k.startsWith('ANSATZ_'))
      delete env[k];
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Start the CLI; stdout/stderr are collected on the returned object. */
export function startCli(
  args: string[],
  opts: CliOptions = {},
): ChildProcess & { out: CliResult; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? PKG_ROOT,
    env: childEnv(opts.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: CliResult = { code: null, signal: null, stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const done = new Promise<CliResult>((resolve) =>
    child.on('close', (code, signal) => {
      out.code = code;
      out.signal = signal;
      resolve(out);
    }),
  );
  return Object.assign(child, { out, done });
}

/** Run the CLI to completion. */
export function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return startCli(args, opts).done;
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'ansatz-runner-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write a file (creating its directory) and return its path. */
export function writeText(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Every non-empty line of every *.jsonl file in `dir`, with its file. */
export function rawLines(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.jsonl'));
  } catch {
    return out;
  }
  for (const n of names.sort()) {
    for (const text of readFileSync(join(dir, n), 'utf8').split('\n')) {
      if (text !== '') out.push({ file: n, text });
    }
  }
  return out;
}

/** Wait until `check()` is true, polling every `ms` milliseconds (no deadline: the test timeout bounds it). */
export async function waitFor(check: () => boolean, ms = 25): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, ms));
}

/** A tiny linear-network spec (4 → 2, 16 samples): each run takes milliseconds. */
export function tinySpec(
  opts: { name?: string; depths?: number[]; seeds?: number; steps?: number; extra?: string } = {},
): string {
  const depths = opts.depths ?? [2, 3];
  return `name: ${opts.name ?? 'tiny'}
defaults:
  task: linear
  inputDim: 4
  outputDim: 2
  samples: 16
  width: 4
  steps: ${opts.steps ?? 40}
  logEvery: 20
experiments:
  depth:
    grid:
      depth: [${depths.join(', ')}]
      init: [balanced, gaussian]
    seeds: ${opts.seeds ?? 2}
    rules:
      - when: { depth: 3 }
        set: { learningRate: 0.02 }
  optimizers:
    grid:
      optimizer: [gd, adam]
    set: { depth: 2 }
    rules:
      - when: { optimizer: adam }
        set: { learningRate: 0.01 }
${opts.extra ?? ''}`;
}
