import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './test-support/run-cli.js';

// The `runner` bin is a committed launcher (packages/cli/bin/runner.js), so `pnpm install` links
// it before the build; the root package depends on @ansatz/cli, so `pnpm exec runner` resolves
// from the repository root.
const BIN = join(ROOT, 'packages/cli/bin/runner.js');

describe('the runner bin', () => {
  it('is committed as an executable file', () => {
    expect(statSync(BIN).mode & 0o111).toBe(0o111);
    const mode = execFileSync('git', ['ls-files', '-s', 'packages/cli/bin/runner.js'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(mode).toMatch(/^100755 /);
  });

  it('pnpm exec runner --help works at the repository root', () => {
    const r = spawnSync('pnpm', ['exec', 'runner', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/runner sweep <spec>/);
    expect(r.stdout).toMatch(/runner k8s <spec>/);
  });

  it('passes exit codes through: bad input is 2', () => {
    const r = spawnSync(BIN, ['sweep', join(ROOT, 'no-such-spec.yaml')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
  });

  it('says to build first when dist/cli.js is missing', () => {
    const pkg = join(tempDir('ansatz-bin-'), 'cli');
    mkdirSync(join(pkg, 'bin'), { recursive: true });
    copyFileSync(BIN, join(pkg, 'bin/runner.js'));
    const r = spawnSync(process.execPath, [join(pkg, 'bin/runner.js'), '--help'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/run pnpm build first/);
  });
});
