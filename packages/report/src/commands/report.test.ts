import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs, { type CommandModule } from 'yargs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSiteInputs, SiteInputError } from '../build-site.js';
import { reportCommand } from './report.js';

const dir = mkdtempSync(join(tmpdir(), 'ansatz-report-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<void> {
  await yargs(argv)
    .command(reportCommand as CommandModule<object, never>)
    .strict()
    .fail((msg, err) => {
      throw err ?? new SiteInputError([msg]);
    })
    .parseAsync();
}

// The site build itself is covered by packages/report's browser test; here: the argument checks.
describe('runner report', () => {
  it('names every bad results directory at once, as a user error (exit 2), before building', async () => {
    const file = join(dir, 'results.jsonl');
    writeFileSync(file, '');
    const missing = join(dir, 'nope');
    const err = await run(['report', missing, file, '--out', join(dir, 'site')]).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SiteInputError);
    expect((err as SiteInputError).problems).toEqual([
      `results directory ${missing} does not exist`,
      expect.stringContaining(`${file} is not a directory`),
    ]);
  });

  it('stops on a results file that cannot be read, naming it (never an empty site)', async () => {
    const results = join(dir, 'unreadable');
    mkdirSync(results);
    writeFileSync(join(results, 'ok.jsonl'), '');
    // A regular file that even root cannot open for reading (a write-only sysctl).
    const writeOnly = '/proc/sys/vm/drop_caches';
    expect(existsSync(writeOnly), `${writeOnly} is this test's unreadable file`).toBe(true);
    symlinkSync(writeOnly, join(results, 'locked.jsonl'));
    const err = await run(['report', results, '--out', join(dir, 'site2')]).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SiteInputError);
    expect((err as SiteInputError).problems).toEqual([
      `${join(results, 'locked.jsonl')}: results file cannot be read (EACCES)`,
    ]);
  });

  it('lists a dangling symlink or a symlink loop instead of stopping (they hold no runs)', () => {
    const results = join(dir, 'links');
    mkdirSync(results);
    writeFileSync(join(results, 'ok.jsonl'), '');
    symlinkSync(join(results, 'missing-target'), join(results, 'gone.jsonl'));
    symlinkSync('loop-b.jsonl', join(results, 'loop-a.jsonl'));
    symlinkSync('loop-a.jsonl', join(results, 'loop-b.jsonl'));
    expect(checkSiteInputs({ dirs: [results], outDir: join(dir, 'site3') })).toEqual([]);
  });

  it('requires at least one directory', async () => {
    const err = await run(['report']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SiteInputError);
    expect(String((err as Error).message)).toMatch(/Not enough non-option arguments/);
  });
});
