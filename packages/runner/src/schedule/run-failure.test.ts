import { BackendUnavailableError, ERROR_CODES, errorCodeOf, type RunConfig } from '@ansatz/core';
import { describe, expect, it } from 'vitest';
import runTask from '../worker.js';
import { fromWorker, RunFailure, runFailureData } from './run-failure.js';

/** What the main thread gets when a worker throws `value` (piscina posts it: structured clone). */
const acrossThreads = (value: unknown) => fromWorker(structuredClone(value));

describe('run failures across the worker thread', () => {
  it("an Error's code does not survive structured clone: the reason for the failure data", () => {
    const err = new BackendUnavailableError('tensorflow', 'no native library');
    expect(errorCodeOf(err)).toBe(ERROR_CODES.backendUnavailable);
    expect(errorCodeOf(structuredClone(err))).toBeUndefined();
  });

  it("core's error arrives as a RunFailure with its message, stack and code", () => {
    const err = new BackendUnavailableError('tensorflow', 'no native library');
    const got = acrossThreads(runFailureData(err));
    expect(got).toBeInstanceOf(RunFailure);
    expect(got).toMatchObject({
      message: 'TensorFlow.js backend "tensorflow" is not available: no native library',
      code: ERROR_CODES.backendUnavailable,
      stack: err.stack,
    });
    expect(errorCodeOf(got)).toBe(ERROR_CODES.backendUnavailable);
  });

  it('other errors keep their message and have no core code; non-errors become text', () => {
    const io = acrossThreads(runFailureData(Object.assign(new Error('gone'), { code: 'ENOENT' })));
    expect(io).toMatchObject({ message: 'gone', code: 'ENOENT' });
    expect(errorCodeOf(io)).toBeUndefined();
    expect(acrossThreads(runFailureData(new TypeError('')))).toMatchObject({
      message: 'TypeError',
      code: undefined,
    });
    expect(acrossThreads(runFailureData(42))).toMatchObject({ message: '42' });
  });

  it('what is not failure data (a crashed thread, an abort) is passed on unchanged', () => {
    const crash = new Error('Terminating worker thread');
    expect(fromWorker(crash)).toBe(crash);
    const lookalike = { message: 'x', code: ERROR_CODES.backendUnavailable };
    expect(fromWorker(lookalike)).toBe(lookalike);
  });

  it('the worker throws what a run throws as failure data', async () => {
    // No config at all: runTraining throws (a TypeError).
    const config = null as unknown as RunConfig;
    const thrown = await runTask({ id: 'x', config, backend: 'cpu', attempt: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(thrown).not.toBeInstanceOf(Error);
    expect(acrossThreads(thrown)).toBeInstanceOf(RunFailure);
    expect((acrossThreads(thrown) as RunFailure).stack).toMatch(/^TypeError: /);
  });
});
