import type { z } from 'zod';
import { ERROR_CODES } from '../errors/error-code.js';
import { runConfigSchema, type RunConfig, type RunConfigInput } from './schema.js';

/** One problem with a config: where (a field path) and what. */
export interface ConfigIssue {
  path: (string | number)[];
  message: string;
}

/** A config that does not validate. A user error, not an internal one. */
export class ConfigError extends Error {
  readonly code = ERROR_CODES.configInvalid;

  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`).join('; '));
    this.name = 'ConfigError';
  }
}

/** Default minibatch size for `sgd` when none is given. */
export const DEFAULT_SGD_BATCH = 32;

/** Fill `batchSize` so that a resolved config says exactly what ran. */
export function withBatch(c: z.output<typeof runConfigSchema>): RunConfig {
  return { ...c, batchSize: batchSizeOf(c) };
}

/** The batch size a config runs with: its own, else full batch (`sgd`: min(32, samples)). */
export function batchSizeOf(
  c: Pick<z.output<typeof runConfigSchema>, 'batchSize' | 'samples' | 'optimizer'>,
): number {
  const full = c.samples;
  return c.batchSize ?? (c.optimizer === 'sgd' ? Math.min(DEFAULT_SGD_BATCH, full) : full);
}

/** Validate a partial config and fill every default; returns the issues instead of throwing. */
export function safeResolveConfig(
  input: unknown,
): { ok: true; config: RunConfig } | { ok: false; issues: ConfigIssue[] } {
  const parsed = runConfigSchema.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        message: i.message,
      })),
    };
  }
  return { ok: true, config: withBatch(parsed.data) };
}

/** Validate a partial config and fill every default; throws ConfigError naming each bad field. */
export function resolveConfig(input: RunConfigInput = {}): RunConfig {
  const r = safeResolveConfig(input);
  if (!r.ok) throw new ConfigError(r.issues);
  return r.config;
}
