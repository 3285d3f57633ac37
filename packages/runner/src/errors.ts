/**
 * Errors for people. A `UserError` is bad input (spec, flags, results files): its message
 * names what is wrong, where, and what would be valid; the CLI prints it without a stack
 * trace and exits with code 2. Anything else is an internal error: exit 70 with the stack.
 */
export class UserError extends Error {
  /** Every problem found, one line each (all issues at once, not only the first). */
  readonly problems: string[];

  constructor(problems: string | string[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.join('\n'));
    this.name = 'UserError';
    this.problems = list;
  }
}

/**
 * Exit codes of the CLI (DESIGN.md §3). 1 means "finished, but some runs failed", so a script
 * may go on (e.g. publish a site that lists the failed runs); a crash must not look like that,
 * hence its own code, EX_SOFTWARE of sysexits.h.
 */
export const EXIT = {
  ok: 0,
  someFailed: 1,
  /** `runner verdicts`: a claim fails or lacks data. */
  claimsNotAllPass: 1,
  badInput: 2,
  /** A bug (an error that is not a UserError): the stack is printed. */
  internal: 70,
  interrupted: 130,
} as const;

/** Format an error for stderr and choose the exit code. */
export function describeError(err: unknown): { text: string; code: number } {
  if (err instanceof UserError) {
    const head = err.problems.length > 1 ? `error: ${err.problems.length} problems\n` : 'error: ';
    const body =
      err.problems.length > 1 ? err.problems.map((p) => `  ${p}`).join('\n') : err.problems[0];
    return { text: `${head}${body ?? ''}`, code: EXIT.badInput };
  }
  const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return { text: `internal error (please report it):\n${stack}`, code: EXIT.internal };
}
