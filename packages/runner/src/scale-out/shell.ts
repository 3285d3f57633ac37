/**
 * POSIX shell quoting for the scripts `runner slurm` writes: every path and argument is
 * inserted as one word, whatever characters it holds (spaces, quotes, `$`).
 */

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quote one word for a POSIX shell (left bare when it needs no quoting). */
export function shellQuote(word: string): string {
  if (word !== '' && SAFE.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Quote and join an argument vector into one shell command line. */
export function shellJoin(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}
