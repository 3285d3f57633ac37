/**
 * A results file that cannot be opened or read is bad input, not a warning (DESIGN.md §3 "CLI
 * and exit codes"): status, export and resume stop with exit 2 and name every such file,
 * rather than go on as if its runs did not exist (and re-run them, or report them missing).
 * Torn and bad lines stay warnings.
 */
import { describeIssues, type ReadIssue } from '@ansatz/results';
import { UserError } from '../errors.js';

/** Throw a `UserError` naming every unreadable file or directory among `issues`. */
export function failOnUnreadable(issues: readonly ReadIssue[]): void {
  const unreadable = issues.filter((i) => i.kind === 'unreadable');
  if (unreadable.length === 0) return;
  throw new UserError(
    describeIssues(unreadable).map(
      (line) => `${line}: a results file that cannot be read (fix its permissions or remove it)`,
    ),
  );
}
