/**
 * The config part of @ansatz/core (schema, field names, resolution) without TensorFlow.js.
 *
 * `@ansatz/core`'s entry point also exports `train`, which loads TensorFlow.js — seconds of
 * start-up that the CLI's main thread (parsing specs, status, export) never needs; only the
 * worker threads train. So this module loads core's `config/` modules next to its entry point
 * and falls back to the full entry point if they are not there (e.g. under a bundler).
 */
import type * as Core from '@ansatz/core';
import type { BackendName } from '@ansatz/core';

type ConfigApi = Pick<
  typeof Core,
  'RUN_CONFIG_FIELDS' | 'runConfigSchema' | 'safeResolveConfig' | 'resolveConfig'
>;

async function load(): Promise<ConfigApi> {
  try {
    const entry = import.meta.resolve('@ansatz/core');
    const schema = (await import(new URL('./config/schema.js', entry).href)) as Partial<ConfigApi>;
    const resolve = (await import(
      new URL('./config/resolve.js', entry).href
    )) as Partial<ConfigApi>;
    if (
      schema.RUN_CONFIG_FIELDS &&
      schema.runConfigSchema &&
      resolve.safeResolveConfig &&
      resolve.resolveConfig
    ) {
      return {
        RUN_CONFIG_FIELDS: schema.RUN_CONFIG_FIELDS,
        runConfigSchema: schema.runConfigSchema,
        safeResolveConfig: resolve.safeResolveConfig,
        resolveConfig: resolve.resolveConfig,
      };
    }
  } catch {
    // fall through to the full entry point
  }
  return import('@ansatz/core');
}

export const { RUN_CONFIG_FIELDS, runConfigSchema, safeResolveConfig, resolveConfig } =
  await load();

/** TensorFlow.js backends a run may ask for (core's `BACKENDS`, without loading TensorFlow.js). */
export const BACKEND_NAMES = [
  'auto',
  'tensorflow',
  'wasm',
  'cpu',
] as const satisfies readonly BackendName[];
