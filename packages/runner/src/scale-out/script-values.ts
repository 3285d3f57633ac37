/**
 * Values that go into generated scripts and manifests (spec path, working directory, flags,
 * the runner's command words). Quoting keeps a value one shell word, but a line break ends a
 * `#` comment or an `#SBATCH` line, and Slurm, YAML and people reading the file all treat
 * control characters differently: such values are refused (exit 2, naming where the value
 * came from), and comments are additionally made safe by `commentText`.
 */

/**
 * C0 controls (NUL, TAB, LF, CR, …), DEL, C1 controls (NEL U+0085 included) and the Unicode
 * line and paragraph separators U+2028/U+2029, which some editors and parsers treat as a
 * line break.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/** `U+000A` for a character. */
function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why `value` cannot go into a generated script or manifest, or undefined when it can. `what`
 * names where it came from, e.g. `the spec path` or `--out`; the message shows the value with
 * its control characters escaped (JSON), so printing it is safe too.
 */
export function scriptValueProblem(what: string, value: string): string | undefined {
  const m = UNSAFE.exec(value);
  if (m === null) return undefined;
  return (
    `${what} ${JSON.stringify(value)}: holds a control character or line separator ` +
    `(${codePoint(m[0])} at offset ${m.index}), which a generated script or manifest cannot ` +
    `carry safely; choose a value without it`
  );
}

/** Problems of several values at once: `[what, value]` pairs, undefined values skipped. */
export function scriptValueProblems(
  values: readonly (readonly [string, string | undefined])[],
): (string | undefined)[] {
  return values.map(([what, v]) => (v === undefined ? undefined : scriptValueProblem(what, v)));
}

const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

/**
 * Text for one `#` comment line: every control character or line separator becomes `?`, so
 * whatever a caller passes cannot end the comment (defence in depth behind the check above).
 */
export function commentText(text: string): string {
  return text.replace(UNSAFE_ALL, '?');
}
