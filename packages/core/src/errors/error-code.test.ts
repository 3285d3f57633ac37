import { describe, expect, it } from 'vitest';
import { BackendUnavailableError } from '../backend/backend.js';
import { ConfigError, resolveConfig } from '../config/resolve.js';
import { ERROR_CODES, errorCodeOf } from './error-code.js';

describe('error codes', () => {
  it("each of core's errors carries its own code", () => {
    const backend = new BackendUnavailableError('tensorflow', 'no native library');
    expect(backend.code).toBe('ANSATZ_BACKEND_UNAVAILABLE');
    expect(errorCodeOf(backend)).toBe(ERROR_CODES.backendUnavailable);
    let config: unknown;
    try {
      resolveConfig({ depth: 0 });
    } catch (e) {
      config = e;
    }
    expect(config).toBeInstanceOf(ConfigError);
    expect(errorCodeOf(config)).toBe(ERROR_CODES.configInvalid);
    expect(new Set(Object.values(ERROR_CODES)).size).toBe(Object.keys(ERROR_CODES).length);
  });

  it('reads the code from anything carrying it, such as a copy made on another thread', () => {
    expect(errorCodeOf({ message: 'x', code: 'ANSATZ_BACKEND_UNAVAILABLE' })).toBe(
      ERROR_CODES.backendUnavailable,
    );
  });

  it('is undefined for every other error or value', () => {
    const io = Object.assign(new Error('no such file'), { code: 'ENOENT' });
    for (const v of [new Error('TensorFlow.js backend "x" is not available'), io, null, 'x', 7]) {
      expect(errorCodeOf(v)).toBeUndefined();
    }
  });
});
