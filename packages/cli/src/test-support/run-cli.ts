import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The built `runner` program. */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export const tempDir = (prefix = 'ansatz-cli-'): string => mkdtempSync(join(tmpdir(), prefix));

/** Run the built CLI; resolves with its exit code and output whatever the code. */
export async function runCli(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
