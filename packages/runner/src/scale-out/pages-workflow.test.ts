// The GitHub Actions target of SCALING.md: the Pages workflow runs the quick sweep's shards as a
// matrix and publishes their union. Checks what the schema validator (pnpm lint:workflows) cannot:
// the order of the steps and where the site's base comes from.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const FILE = join(ROOT, '.github/workflows/pages.yml');
const text = readFileSync(FILE, 'utf8');

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
const workflow = parse(text) as {
  jobs: Record<string, { steps: Step[]; strategy?: { matrix: { shard: number[] } } }>;
};
const steps = (job: string) => workflow.jobs[job]!.steps;
const index = (job: string, match: (s: Step) => boolean) => steps(job).findIndex(match);
const uses = (name: string) => (s: Step) => s.uses?.startsWith(`${name}@`) === true;

const dir = mkdtempSync(join(tmpdir(), 'ansatz-workflow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Pages workflow', () => {
  it('sets up pnpm before Node, with the pnpm store cached, in every job that installs', () => {
    for (const job of ['sweep', 'site']) {
      const pnpm = index(job, uses('pnpm/action-setup'));
      const node = index(job, uses('actions/setup-node'));
      const install = index(
        job,
        (s) => s.run?.startsWith('pnpm install --frozen-lockfile') === true,
      );
      expect(pnpm).toBeGreaterThanOrEqual(0);
      expect(node).toBeGreaterThan(pnpm);
      expect(install).toBeGreaterThan(node);
      expect(steps(job)[node]!.with).toMatchObject({ cache: 'pnpm' });
    }
  });

  it('runs configure-pages first and builds the site under its base_path, with its origin as site', () => {
    const first = steps('site')[0]!;
    expect(first).toMatchObject({ id: 'pages' });
    expect(uses('actions/configure-pages')(first)).toBe(true);
    const report = steps('site').find((s) => s.run?.includes('runner report'))!;
    expect(report.run).toContain('--base "${{ steps.pages.outputs.base_path }}/"');
    expect(report.env).toEqual({ ANSATZ_SITE_URL: '${{ steps.pages.outputs.origin }}' });
    const upload = steps('site').find(uses('actions/upload-pages-artifact'))!;
    expect(upload.with).toMatchObject({ path: 'site/', 'include-hidden-files': true });
  });

  it('runs one matrix job per shard, each with its own --shard I/N', () => {
    const shards = workflow.jobs['sweep']!.strategy!.matrix.shard;
    expect(shards).toEqual([0, 1, 2]);
    expect(text).toContain(`--shard \${{ matrix.shard }}/${shards.length}`);
  });

  it('passes the offline validator, which rejects a broken copy', () => {
    const validate = (file: string) =>
      spawnSync(join(ROOT, 'node_modules/.bin/action-validator'), [file], { encoding: 'utf8' });
    expect(validate(FILE).status).toBe(0);
    const broken = join(dir, 'pages.yml');
    writeFileSync(broken, text.replace('needs: sweep', 'needs: [sweep, nope]'));
    const r = validate(broken);
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('unresolved job nope');
  });
});
