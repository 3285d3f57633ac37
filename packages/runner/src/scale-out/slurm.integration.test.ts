/**
 * `runner slurm` against a real Slurm: a single-node cluster on this machine, started by
 * `bash scripts/setup-slurm.sh` (which .ci/run runs through `pnpm setup:test`). Without a
 * working Slurm this test FAILS, in CI and outside it: it never skips.
 *
 * 1. The generated scripts of a 3-shard sweep, submitted with one command, give the same
 *    cells and final metrics as one unsharded local run, and the site build runs after them.
 * 2. One array task cancelled (scancel) mid-run, then the same script submitted again: the
 *    missing cells, and only those, run; every cell is on disk exactly once.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { shardOwners } from '../schedule/shard.js';
import { loadSpecFile, uniqueCells } from '../spec/load-spec.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const CLI = here('../../../cli/dist/cli.js');
const TINY = here('../../test-fixtures/scale-out-tiny.yaml');
const SLOW = here('../../test-fixtures/scale-out-slow.yaml');
const SETUP = here('../../../../scripts/setup-slurm.sh');

/** Upper bound on any one wait for Slurm jobs (a bound for failure, not a timing assertion). */
const WAIT_MS = 150_000;

const work = mkdtempSync(join(tmpdir(), 'ansatz-slurm-it-'));
const submitted: string[] = [];

function run(cmd: string, args: string[], cwd = work): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

function ok(cmd: string, args: string[], cwd = work): string {
  const r = run(cmd, args, cwd);
  if (r.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} exited ${String(r.status)}\n${r.stdout}\n${r.stderr}`,
    );
  }
  return r.stdout;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One line per job (array tasks included) from `scontrol -o show job`, as key → value. */
function jobs(id: string): Record<string, string>[] {
  const r = run('scontrol', ['-o', 'show', 'job', id]);
  if (r.status !== 0) throw new Error(`scontrol show job ${id}: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const fields: Record<string, string> = {};
      for (const m of line.matchAll(/(\w+)=(\S*)/g)) fields[m[1]!] ??= m[2]!;
      return fields;
    });
}

const FINISHED =
  /^(COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|PREEMPTED|BOOT_FAIL|DEADLINE)/;

async function waitUntil(what: string, done: () => boolean): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!done()) {
    if (Date.now() > deadline) {
      throw new Error(`gave up after ${WAIT_MS / 1000}s waiting for ${what}\n${ok('squeue', [])}`);
    }
    await sleep(250);
  }
}

async function waitFinished(id: string): Promise<Record<string, string>[]> {
  let last: Record<string, string>[] = [];
  await waitUntil(`Slurm job ${id} to end`, () => {
    last = jobs(id);
    return last.length > 0 && last.every((j) => FINISHED.test(j.JobState ?? ''));
  });
  return last;
}

/** The jobs' log files, to explain a failed assertion. */
function logsOf(list: Record<string, string>[]): string {
  return list
    .map((j) => {
      const file = j.StdOut ?? '';
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '(no log)';
      return `--- ${j.JobId ?? '?'} ${j.JobState ?? '?'} ${file}\n${text.slice(-3000)}`;
    })
    .join('\n');
}

/** Submit with the generated script; the ids it printed. */
function submit(script: string): { array: string; report: string } {
  const out = ok('bash', [script]);
  const m = /job array (\d+) \(\d+ shards\), site build (\d+)/.exec(out);
  if (!m) throw new Error(`unexpected output of ${script}:\n${out}`);
  submitted.push(m[1]!, m[2]!);
  return { array: m[1]!, report: m[2]! };
}

interface Line {
  id: string;
  status: string;
  final: unknown;
  history: unknown;
}

/** Every whole record line of every JSONL file in `dir` (duplicates kept; a torn last line not). */
function lines(dir: string): Line[] {
  if (!existsSync(dir)) return [];
  const out: Line[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
    const text = readFileSync(join(dir, f), 'utf8').split('\n');
    text.forEach((l, i) => {
      if (l.trim() === '') return;
      try {
        out.push(JSON.parse(l) as Line);
      } catch (err) {
        if (i < text.length - 1 && text.slice(i + 1).some((x) => x.trim() !== '')) throw err;
      }
    });
  }
  return out;
}

function generate(spec: string, name: string): { script: string; results: string; site: string } {
  const script = join(work, name, 'submit.sh');
  const results = join(work, name, 'results');
  const site = join(work, name, 'site');
  ok(
    process.execPath,
    [CLI, 'slurm', spec, '--shards', '3', '--cpus', '1', '--script', script].concat([
      '--out',
      results,
      '--site',
      site,
    ]),
  );
  return { script, results, site };
}

/**
 * Numbers equal to a relative 1e-9 (the same seed must give the same numbers everywhere),
 * except wall-clock `time` fields.
 */
function expectSameNumbers(a: unknown, b: unknown, path: string): void {
  if (typeof a === 'number' && typeof b === 'number') {
    expect(Math.abs(a - b), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
  } else if (Array.isArray(a) && Array.isArray(b)) {
    expect(b.length, path).toBe(a.length);
    a.forEach((x, i) => expectSameNumbers(x, b[i], `${path}[${i}]`));
  } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(b).sort(), path).toEqual(Object.keys(a).sort());
    for (const k of Object.keys(a).filter((k) => k !== 'time')) {
      expectSameNumbers(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
    }
  } else {
    expect(b, path).toEqual(a);
  }
}

let slurmProblem: Error | null | undefined;

/** Throw (fail the test, never skip it) unless Slurm answers and the CLI is built. */
function requireSlurm(): void {
  if (slurmProblem === undefined) {
    try {
      checkSlurm();
      slurmProblem = null;
    } catch (err) {
      slurmProblem = err as Error;
    }
  }
  if (slurmProblem) throw slurmProblem;
}

function checkSlurm(): void {
  const sinfo = spawnSync('sinfo', ['-h', '-o', '%T'], { encoding: 'utf8', timeout: 20_000 });
  if (sinfo.error || sinfo.status !== 0 || !/idle|mixed|alloc/.test(sinfo.stdout)) {
    const why = sinfo.error?.message ?? (sinfo.stderr.trim() || sinfo.stdout.trim() || 'no answer');
    throw new Error(
      `no working Slurm on this machine (sinfo: ${why.split('\n')[0]}).\n` +
        `Start a single-node cluster with: sudo bash ${SETUP}`,
    );
  }
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (pnpm turbo run build)`);
}

afterAll(() => {
  if (submitted.length > 0) run('scancel', submitted);
  rmSync(work, { recursive: true, force: true });
});

describe('runner slurm on a real Slurm cluster', () => {
  it('3 shards submitted with one command equal an unsharded local run; the site build follows', async () => {
    requireSlurm();
    const local = join(work, 'local');
    ok(process.execPath, [CLI, 'sweep', TINY, '--out', local, '--workers', '2']);
    const expected = new Map(lines(local).map((r) => [r.id, r]));
    expect(expected.size).toBe(24);

    const g = generate(TINY, 'tiny');
    const ids = submit(g.script);
    const tasks = await waitFinished(ids.array);
    expect(
      tasks.map((t) => t.JobState),
      logsOf(tasks),
    ).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(new Set(tasks.map((t) => t.ArrayTaskId))).toEqual(new Set(['0', '1', '2']));

    const got = lines(g.results);
    expect(got.length).toBe(24);
    expect(new Set(got.map((r) => r.id))).toEqual(new Set(expected.keys()));
    for (const r of got) {
      expect(r.status).toBe(expected.get(r.id)!.status);
      expectSameNumbers(expected.get(r.id)!.final, r.final, `${r.id}.final`);
      expectSameNumbers(expected.get(r.id)!.history, r.history, `${r.id}.history`);
    }
    // Each shard wrote its own file, and each task its own log.
    expect(readdirSync(g.results).filter((f) => f.endsWith('.jsonl')).length).toBe(3);
    expect(readdirSync(join(work, 'tiny', 'logs')).filter((f) => /_\d\.out$/.test(f)).length).toBe(
      3,
    );

    const [report] = await waitFinished(ids.report);
    const arrayEnd = Math.max(...tasks.map((t) => Date.parse(t.EndTime!)));
    expect(Date.parse(report!.StartTime!)).toBeGreaterThanOrEqual(arrayEnd);
    expect(report!.JobState, logsOf([report!])).toBe('COMPLETED');
    expect(readFileSync(join(g.site, 'index.html'), 'utf8')).toMatch(/<html/i);
  }, 240_000);

  it('after scancel of one array task, submitting again runs exactly the missing cells', async () => {
    requireSlurm();
    const cells = uniqueCells(loadSpecFile(SLOW).cells);
    const all = new Set(cells.map((c) => c.id));
    const owner = shardOwners(cells, 3);
    const ofTask1 = new Set(cells.filter((c) => owner.get(c.id) === 1).map((c) => c.id));
    expect(ofTask1.size).toBeGreaterThan(1);

    const g = generate(SLOW, 'slow');
    const first = submit(g.script);
    // This part does not need the site: keep the cores for the shards.
    run('scancel', [first.report]);

    // Cancel task 1 once it has finished a first cell, while it still runs.
    await waitUntil('array task 1 to finish a first cell', () =>
      lines(g.results).some((r) => ofTask1.has(r.id)),
    );
    ok('scancel', [`${first.array}_1`]);
    const tasks = await waitFinished(first.array);
    const state = Object.fromEntries(tasks.map((t) => [t.ArrayTaskId, t.JobState]));
    expect(state, logsOf(tasks)).toEqual({ '0': 'COMPLETED', '1': 'CANCELLED', '2': 'COMPLETED' });

    const before = lines(g.results);
    const doneBefore = new Set(before.map((r) => r.id));
    expect(doneBefore.size).toBe(before.length);
    const missing = [...all].filter((id) => !doneBefore.has(id));
    expect(
      missing.length,
      'task 1 ended before its cancellation left anything missing',
    ).toBeGreaterThan(0);
    // Only task 1's cells are missing: tasks 0 and 2 completed theirs.
    for (const id of missing) expect(ofTask1.has(id), id).toBe(true);

    const second = submit(g.script);
    run('scancel', [second.report]);
    const again = await waitFinished(second.array);
    expect(
      again.map((t) => t.JobState),
      logsOf(again),
    ).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);

    const after = lines(g.results);
    // Every cell on disk exactly once.
    expect(after.length).toBe(all.size);
    expect(new Set(after.map((r) => r.id))).toEqual(all);
    // The second submission ran the missing cells and nothing else.
    const ran = after.filter((r) => !doneBefore.has(r.id)).map((r) => r.id);
    expect(new Set(ran)).toEqual(new Set(missing));
    expect(ran.length).toBe(missing.length);
  }, 240_000);
});
