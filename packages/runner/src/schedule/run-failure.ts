/**
 * How a run's error crosses from its worker thread to the scheduler. Piscina posts what the
 * task function throws with structured clone, which keeps an Error's message and stack but not
 * its class or its other properties: core's `code` (ERROR_CODES in @ansatz/core) would be lost,
 * and the only way left to tell a fatal error from a flaky one would be matching the message.
 * So the worker throws plain data instead, which clones whole, and the pool turns it back into
 * an Error that carries the code.
 */

const TAG = 'ansatz/run-failure';

/** What the worker throws: plain data, tagged so that the pool recognises it. */
export interface RunFailureData {
  tag: typeof TAG;
  message: string;
  stack?: string;
  /** The error's own `code` when it had a string one (core's error codes, Node's `ENOENT`…). */
  code?: string;
}

/** In the worker: the error a run threw, as data that survives the thread boundary. */
export function runFailureData(err: unknown): RunFailureData {
  if (!(err instanceof Error)) return { tag: TAG, message: String(err) };
  const code = (err as { code?: unknown }).code;
  return {
    tag: TAG,
    message: err.message || err.name,
    ...(err.stack === undefined ? {} : { stack: err.stack }),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

/** On the main thread: a run's error, with the worker's message, stack and code. */
export class RunFailure extends Error {
  readonly code: string | undefined;

  constructor(data: RunFailureData) {
    super(data.message);
    this.name = 'RunFailure';
    this.code = data.code;
    if (data.stack !== undefined) this.stack = data.stack;
  }
}

function isRunFailureData(value: unknown): value is RunFailureData {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { tag?: unknown }).tag === TAG &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/**
 * On the main thread: what a pool task rejected with, as an Error. The worker's failure data
 * becomes a RunFailure; anything else (a crashed thread, an abort) is returned unchanged.
 */
export function fromWorker(rejection: unknown): unknown {
  return isRunFailureData(rejection) ? new RunFailure(rejection) : rejection;
}
