/**
 * Errors for people. A `UserError` is bad input (spec, flags, results files): its message
 * names what is wrong, where, and what would be valid; the CLI prints it without a stack
 * trace and exits with code 2. Anything else is an internal error: exit 70 with the stack
 * (@ansatz/cli's describeError).
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
  /**
   * `runner sweep`: a record could not be written (full disk, EIO, EROFS, EDQUOT, …; EX_IOERR):
   * the sweep stopped, the records written before it stay valid, and a re-run resumes.
   */
  ioError: 74,
  /** A bug (an error that is not a UserError): the stack is printed. */
  internal: 70,
  interrupted: 130,
} as const;
