import type * as TfCore from '@tensorflow/tfjs-core';
import { ERROR_CODES } from '../errors/error-code.js';
import { chooseBackend } from './choose-backend.js';

export const BACKENDS = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** A backend that was asked for by name but cannot be loaded here. */
export class BackendUnavailableError extends Error {
  readonly code = ERROR_CODES.backendUnavailable;

  constructor(name: string, reason: string) {
    super(`TensorFlow.js backend "${name}" is not available: ${reason}`);
    this.name = 'BackendUnavailableError';
  }
}

let pending: Promise<string> | null = null;
let requested: BackendName | null = null;

type Tf = typeof TfCore;

/** Switches to tfjs-node's backend; returns why not when it cannot, undefined when it did. */
async function tryTensorflow(tf: Tf): Promise<string | undefined> {
  try {
    // Optional dependency: its install downloads a native library, which may have failed.
    const specifier = '@tensorflow/tfjs-node';
    await import(specifier);
    return (await tf.setBackend('tensorflow')) ? undefined : 'setBackend returned false';
  } catch (e) {
    return e instanceof Error ? (e.message.split('\n')[0] ?? e.name) : 'failed to load';
  }
}

/**
 * TensorFlow.js is loaded on first use, so that importing @ansatz/core (for its config schema or
 * metrics) and training linear nets on the closed-form engine never pay for it. The union
 * package registers every op's gradient (tfjs-core alone registers none).
 */
async function loadTf(): Promise<Tf> {
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs');
  await import('@tensorflow/tfjs-backend-cpu');
  await import('@tensorflow/tfjs-backend-wasm');
  return tf;
}

async function select(name: BackendName): Promise<string> {
  const tf = await loadTf();
  const use = async (b: 'wasm' | 'cpu') =>
    (await tf.setBackend(b)) ? undefined : 'setBackend returned false';
  return chooseBackend(name, {
    tensorflow: () => tryTensorflow(tf),
    wasm: () => use('wasm'),
    cpu: () => use('cpu'),
  });
}

/**
 * Select the TensorFlow.js backend for this thread: `auto` picks tensorflow (tfjs-node) if it
 * loads, else wasm, else cpu. Idempotent per name; returns the backend actually in use.
 */
export function initBackend(name: BackendName = 'auto'): Promise<string> {
  if (pending && requested === name) return pending;
  requested = name;
  pending = select(name);
  pending.catch(() => {
    pending = null;
    requested = null;
  });
  return pending;
}
