/**
 * Stable codes on core's errors, for callers that branch on what went wrong. Match on the code,
 * not the class or the message: an error that crosses a worker thread (structured clone) keeps
 * only its message and stack, so a caller running core in a worker copies `code` across as a
 * plain string (the runner does) and the class and message stay free to change.
 */
export const ERROR_CODES = {
  /** `ConfigError`: a run config that does not validate. */
  configInvalid: 'ANSATZ_CONFIG_INVALID',
  /** `BackendUnavailableError`: a TensorFlow.js backend asked for cannot be loaded here. */
  backendUnavailable: 'ANSATZ_BACKEND_UNAVAILABLE',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

const CODES: ReadonlySet<string> = new Set(Object.values(ERROR_CODES));

/**
 * The code of one of core's errors, or of anything carrying such a code in a `code` property
 * (e.g. a copy made on another thread); undefined for anything else.
 */
export function errorCodeOf(err: unknown): ErrorCode | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && CODES.has(code) ? (code as ErrorCode) : undefined;
}
