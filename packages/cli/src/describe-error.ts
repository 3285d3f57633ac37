/**
 * How the `runner` CLI ends on an error (DESIGN.md §3 "CLI and exit codes"). Bad input — the
 * runner's UserError (spec, flags, results files) or the report's SiteInputError (results
 * directories, site options) — prints its problems without a stack trace and exits 2. Anything
 * else is an internal error: exit 70 (EX_SOFTWARE) with the stack, so that a crash never passes
 * for "some runs failed" (1).
 */
import { SiteInputError } from '@ansatz/report';
import { EXIT, UserError } from '@ansatz/runner';

/** Format an error for stderr and choose the exit code. */
export function describeError(err: unknown): { text: string; code: number } {
  if (err instanceof UserError || err instanceof SiteInputError) {
    const { problems } = err;
    const head = problems.length > 1 ? `error: ${problems.length} problems\n` : 'error: ';
    const body = problems.length > 1 ? problems.map((p) => `  ${p}`).join('\n') : problems[0];
    return { text: `${head}${body ?? ''}`, code: EXIT.badInput };
  }
  const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return { text: `internal error (please report it):\n${stack}`, code: EXIT.internal };
}
