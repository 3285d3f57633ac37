import { BackendUnavailableError, type BackendName } from './backend.js';

/** The backends `auto` tries, fastest first: tfjs-node's native TensorFlow, WebAssembly, plain JS. */
export const AUTO_ORDER = ['tensorflow', 'wasm', 'cpu'] as const;
export type ConcreteBackend = (typeof AUTO_ORDER)[number];

/**
 * Makes one backend the active one: resolves undefined when it did, or the reason it could not
 * (e.g. tfjs-node's native library is missing). Never rejects.
 */
export type BackendAttempt = () => Promise<string | undefined>;

/**
 * The selection rule, apart from TensorFlow.js so it is testable without the native library:
 * `auto` takes the first of AUTO_ORDER whose attempt succeeds; a named backend must succeed.
 * Throws BackendUnavailableError with the reasons otherwise.
 */
export async function chooseBackend(
  name: BackendName,
  attempts: Record<ConcreteBackend, BackendAttempt>,
): Promise<ConcreteBackend> {
  if (name !== 'auto') {
    const why = await attempts[name]();
    if (why === undefined) return name;
    throw new BackendUnavailableError(name, why);
  }
  const reasons: string[] = [];
  for (const candidate of AUTO_ORDER) {
    const why = await attempts[candidate]();
    if (why === undefined) return candidate;
    reasons.push(`${candidate}: ${why}`);
  }
  throw new BackendUnavailableError('auto', reasons.join('; '));
}
