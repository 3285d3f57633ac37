// Run one yargs command module in-process, as the CLI would, capturing what it prints.
import yargs, { type CommandModule } from 'yargs';
import { vi } from 'vitest';
import { UserError } from '../errors.js';

export interface Printed {
  stdout: string;
  stderr: string;
}

/**
 * Parse `argv` with only `command` registered (strict, like the CLI); a yargs usage error
 * becomes a UserError. Rejects with whatever the handler throws. Call `vi.restoreAllMocks()`
 * after each test: stdout and stderr stay captured until then.
 */
export async function runCommand(
  command: CommandModule<object, never>,
  argv: string[],
): Promise<Printed> {
  const printed: Printed = { stdout: '', stderr: '' };
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.stderr += String(chunk);
    return true;
  });
  await yargs(argv)
    .command(command)
    .strict()
    .fail((msg, err) => {
      throw err ?? new UserError(msg);
    })
    .parseAsync();
  return printed;
}
