import type { BackendName } from '@ansatz/core';

/**
 * The sweep's one line about TensorFlow.js's native backend: under `--backend auto`, when runs of
 * the reference engine (the only one that uses TensorFlow.js) ran on another backend because
 * tfjs-node did not load here. Undefined when there is nothing to say. Each record's `backend`
 * field says which backend ran it.
 */
export function tfjsNodeNote(
  requested: BackendName,
  referenceBackends: ReadonlySet<string>,
): string | undefined {
  if (requested !== 'auto' || referenceBackends.size === 0) return undefined;
  const others = [...referenceBackends].filter((b) => b !== 'tensorflow').sort();
  if (others.length === 0) return undefined;
  return (
    `note: tfjs-node (TensorFlow.js's native backend) did not load here, so the reference engine ` +
    `ran on ${others.join(' and ')}; see "TensorFlow.js native backend" in the README to get it`
  );
}
