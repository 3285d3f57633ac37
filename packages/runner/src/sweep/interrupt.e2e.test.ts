// End-to-end: killing a sweep (SIGKILL, Ctrl-C) loses at most the runs in flight, never leaves
// a broken line, and a re-run completes exactly the missing cells. Also worker crashes, runs
// that throw and fatal errors (on a faulty worker: test-fixtures/faulty-worker.mjs).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readResults } from '@ansatz/results';
import {
  rawLines,
  runCli,
  startCli,
  tempDir,
  tinySpec,
  waitFor,
  writeText,
} from '../test-support/harness.js';

/**
 * 16 cells of about half a second each: long enough to interrupt mid-sweep. They use the
 * TensorFlow.js reference engine on purpose: on the closed-form engine a cell takes ~0.1 s, and
 * a run in flight at the first Ctrl-C could finish before the second one arrives.
 */
const SLOW = `name: slow
defaults: { inputDim: 8, outputDim: 3, samples: 32, width: 16, steps: 1000, logEvery: 250, engine: reference }
experiments:
  e:
    grid: { depth: [2, 3, 4, 5], init: [balanced, gaussian] }
    seeds: 2
`;
const CELLS = 16;
const FAULTY_WORKER = fileURLToPath(
  new URL('../../test-fixtures/faulty-worker.mjs', import.meta.url),
);

const idsOf = (dir: string) => rawLines(dir).map((l) => (JSON.parse(l.text) as { id: string }).id);

describe('interrupting a sweep', () => {
  // --cohort 4: four reference-engine cells per task (trained one after another in it), so a
  // kill loses whole cohorts in flight; --cohort 1: a cell per task.
  it.each(['1', '4'])(
    '--cohort %s: SIGKILL while runs are in flight, then re-run: every cell exactly once, finished runs kept',
    async (cohort) => {
      const dir = tempDir();
      const spec = writeText(dir, 'slow.yaml', SLOW);
      const out = join(dir, 'out');
      const child = startCli(['sweep', spec, '--out', out, '--workers', '2', '--cohort', cohort]);
      await waitFor(() => rawLines(out).length >= 1);
      child.kill('SIGKILL');
      const first = await child.done;
      expect(first.signal).toBe('SIGKILL');
      const before = await readResults(out);
      // a torn last line is the only damage a kill may do
      expect(before.issues.every((b) => b.kind === 'torn-line')).toBe(true);
      expect(before.records.size).toBeGreaterThan(0);
      expect(before.records.size).toBeLessThan(CELLS);
      // No assertion that records arrive a whole cohort at a time: each record is its own
      // fsync'd append, so a kill can land between two records of one cohort (seen in CI).
      const kept = rawLines(out).filter((l) => l.text.endsWith('}'));

      const second = await runCli([
        'sweep',
        spec,
        '--out',
        out,
        '--workers',
        '1',
        '--cohort',
        cohort,
      ]);
      expect(second.code, second.stderr).toBe(0);
      const after = await readResults(out);
      expect(after.records.size).toBe(CELLS);
      expect(after.lines).toBe(CELLS); // no finished cell ran twice
      expect(new Set(idsOf(out)).size).toBe(CELLS);
      const now = new Set(rawLines(out).map((l) => l.text));
      for (const l of kept) expect(now.has(l.text)).toBe(true); // earlier records untouched
      expect(second.stdout).toMatch(
        new RegExp(`skipped \\(done before\\)\\s+${before.records.size}\\n`),
      );
    },
  );

  it('Ctrl-C finishes in-flight runs, writes whole lines, prints the summary and exits 130', async () => {
    const dir = tempDir();
    const spec = writeText(dir, 'slow.yaml', SLOW);
    const out = join(dir, 'out');
    const child = startCli(['sweep', spec, '--out', out, '--workers', '1']);
    await waitFor(() => rawLines(out).length >= 1);
    child.kill('SIGINT');
    const r = await child.done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/SIGINT: no new runs; waiting for \d in flight/);
    expect(r.stdout).toMatch(/end\s+stopped/);
    const read = await readResults(out);
    expect(read.issues).toEqual([]);
    expect(read.records.size).toBeLessThan(CELLS);
    const status = await runCli(['status', out, '--json']);
    const s = JSON.parse(status.stdout) as { total: { ok: number; missing: number } };
    expect(s.total.ok + s.total.missing).toBe(CELLS);
    expect(s.total.missing).toBe(CELLS - read.records.size);
  });

  it('a second Ctrl-C abandons the runs in flight; every line on disk is still whole', async () => {
    const dir = tempDir();
    const spec = writeText(dir, 'slow.yaml', SLOW);
    const out = join(dir, 'out');
    const child = startCli(['sweep', spec, '--out', out, '--workers', '1']);
    await waitFor(() => rawLines(out).length >= 1);
    child.kill('SIGINT');
    await waitFor(() => child.out.stderr.includes('no new runs'));
    child.kill('SIGINT');
    const r = await child.done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/SIGINT: aborting \d in-flight run/);
    expect(r.stdout).toMatch(/end\s+aborted/);
    const read = await readResults(out);
    expect(read.issues).toEqual([]);
    expect(read.records.size).toBeLessThan(CELLS);
  });
});

describe('faults', () => {
  it('a crashed worker thread is replaced and its run retried; a run that keeps throwing is recorded as failed', async () => {
    const dir = tempDir();
    const spec = writeText(dir, 'tiny.yaml', tinySpec());
    const out = join(dir, 'out');
    const plan = await runCli(['sweep', spec, '--out', out, '--dry-run', '--json']);
    const ids = (JSON.parse(plan.stdout) as { toRun: { id: string }[] }).toRun.map((c) => c.id);
    const [crashId, throwId] = [ids[0]!, ids[3]!];
    // Cohorts on (auto): the crash and the throw each fail their cohort first, whose cells then
    // run one by one; only the throwing cell ends failed.
    const r = await runCli(['sweep', spec, '--out', out, '--workers', '1', '--retries', '1'], {
      env: {
        ANSATZ_WORKER_FILE: FAULTY_WORKER,
        ANSATZ_FAULTY_CRASH_ID: crashId,
        ANSATZ_FAULTY_THROW_ID: throwId,
      },
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/cohort of \d+ failed \(.*\); running its cells one by one/);
    expect(r.stderr).toMatch(new RegExp(`retrying ${crashId} \\(attempt 2\\)`));
    expect(r.stderr).toMatch(new RegExp(`failed ${throwId} after 2 attempt\\(s\\): test hook`));
    const recs = (await readResults(out)).records;
    expect(recs.size).toBe(9);
    expect(recs.get(crashId)).toMatchObject({ status: 'ok', attempts: 2 });
    expect(recs.get(throwId)).toMatchObject({ status: 'failed', attempts: 2, final: null });
    expect(recs.get(throwId)!.error).toMatch(/test hook: run .* throws \(attempt 2\)/);
    expect([...recs.values()].filter((x) => x.status === 'ok')).toHaveLength(8);

    // failed cells are not done: the next sweep runs exactly that one
    const again = await runCli(['sweep', spec, '--out', out, '--workers', '1']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/\nok\s+1\n/);
    expect((await readResults(out)).records.get(throwId)!.status).toBe('ok');
  });

  it('a run whose backend cannot load stops the sweep at once as bad input (exit 2), not retried', async () => {
    const dir = tempDir();
    const spec = writeText(dir, 'tiny.yaml', tinySpec());
    const out = join(dir, 'out');
    const plan = await runCli(['sweep', spec, '--out', out, '--dry-run', '--json']);
    const ids = (JSON.parse(plan.stdout) as { toRun: { id: string }[] }).toRun.map((c) => c.id);
    const unavailable = ids[2]!;
    const args = ['sweep', spec, '--out', out, '--workers', '1', '--retries', '3'];
    const env = { ANSATZ_WORKER_FILE: FAULTY_WORKER, ANSATZ_FAULTY_UNAVAILABLE_ID: unavailable };
    // In a cohort, the fatal error stops the sweep as well, without running its cells alone.
    const cohortOut = join(dir, 'out-cohort');
    const inCohort = await runCli(
      ['sweep', spec, '--out', cohortOut, '--workers', '1', '--backend', 'cpu', '--cohort', '9'],
      { env },
    );
    expect(inCohort.code, inCohort.stderr).toBe(2);
    expect(inCohort.stderr).not.toMatch(/one by one|retrying /);
    expect((await readResults(cohortOut)).records.has(unavailable)).toBe(false);
    const r = await runCli([...args, '--backend', 'cpu', '--cohort', '1'], { env });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(
      /\nerror: --backend cpu: TensorFlow\.js backend "cpu" is not available: test hook; use one that loads here \(auto picks the fastest\)\n$/,
    );
    expect(r.stderr).not.toMatch(/retrying |failed [0-9a-f]+ after/);
    // one worker: the two runs before it finished and are kept; it and the rest never ran
    expect([...(await readResults(out)).records.keys()].sort()).toEqual(ids.slice(0, 2).sort());
  });
});
