import { z } from 'zod';

/** Task kinds: `linear` is Y = T X; the others are nonlinear teachers for the counterexamples. */
export const TASKS = ['linear', 'multi_index_relu', 'multi_index_tanh'] as const;
export const ACTIVATIONS = ['linear', 'relu', 'tanh', 'leaky_relu', 'gelu', 'softplus'] as const;
export const INITS = ['balanced', 'near_balanced', 'gaussian', 'orthogonal'] as const;
export const OPTIMIZERS = [
  'gd',
  'sgd',
  'momentum',
  'nesterov',
  'adam',
  'adamw',
  'rmsprop',
  'adagrad',
] as const;
export const ENGINES = ['auto', 'reference', 'linear', 'mlp'] as const;

const positiveInt = z.number().int().positive();

/** The fields the cross-field rules read. */
type CrossFields = {
  batchSize?: number | undefined;
  samples: number;
  optimizer: string;
  teacherRank: number;
  inputDim: number;
  outputDim: number;
  engine: string;
  activation: string;
};

/**
 * The rules between fields of a config whose fields are each valid (`runConfigSchema` checks
 * them after the fields): `path` is the field an issue is reported at.
 */
export function crossFieldIssues(c: CrossFields): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  const add = (path: string, message: string) => issues.push({ path: [path], message });
  if (c.batchSize !== undefined && c.batchSize > c.samples) {
    add('batchSize', `batchSize ${c.batchSize} exceeds samples ${c.samples}`);
  }
  if (c.batchSize !== undefined && c.optimizer === 'gd' && c.batchSize !== c.samples) {
    add(
      'batchSize',
      `optimizer gd is full batch: batchSize must be omitted or equal samples (${c.samples})`,
    );
  }
  if (c.teacherRank > Math.min(c.inputDim, c.outputDim)) {
    add(
      'teacherRank',
      `teacherRank ${c.teacherRank} exceeds min(inputDim, outputDim) = ${Math.min(c.inputDim, c.outputDim)}`,
    );
  }
  if (c.engine === 'linear' && c.activation !== 'linear') {
    add('engine', `engine linear needs activation linear, got ${c.activation}`);
  }
  return issues;
}

/**
 * The run config (DESIGN.md §3). Flat; every field has a default so that a record can store
 * the fully resolved config. `batchSize` is optional here and resolved by `resolveConfig`.
 */
export const runConfigSchema = z
  .strictObject({
    task: z.enum(TASKS).default('linear'),
    inputDim: positiveInt.max(4096).default(16),
    outputDim: positiveInt.max(4096).default(4),
    samples: positiveInt.max(1_000_000).default(128),
    /** Rank of the teacher; 0 means full rank min(c, d). */
    teacherRank: z.number().int().nonnegative().default(0),
    /** Ratio of the teacher's largest to smallest non-zero singular value (geometric spread). */
    teacherSpread: z.number().min(1).max(1e6).default(10),
    /** Hidden units of a nonlinear multi-index teacher. */
    teacherWidth: positiveInt.max(4096).default(8),
    noise: z.number().nonnegative().default(0),
    depth: positiveInt.max(64).default(2),
    width: positiveInt.max(4096).default(16),
    activation: z.enum(ACTIVATIONS).default('linear'),
    leakySlope: z.number().min(0).max(1).default(0.01),
    init: z.enum(INITS).default('balanced'),
    initScale: z.number().positive().max(1e3).default(0.5),
    /** For `near_balanced`: relative Frobenius size of the perturbation added to each layer. */
    initPerturb: z.number().nonnegative().max(10).default(0.1),
    optimizer: z.enum(OPTIMIZERS).default('gd'),
    learningRate: z.number().positive().max(100).default(0.05),
    /** Minibatch size; omitted means full batch (and `sgd` then uses min(32, samples)). */
    batchSize: positiveInt.optional(),
    momentum: z.number().min(0).lt(1).default(0.9),
    beta1: z.number().min(0).lt(1).default(0.9),
    beta2: z.number().min(0).lt(1).default(0.999),
    eps: z.number().positive().max(1).default(1e-8),
    weightDecay: z.number().nonnegative().max(100).default(0),
    steps: z.number().int().nonnegative().max(10_000_000).default(2000),
    logEvery: positiveInt.default(100),
    seed: z
      .number()
      .int()
      .nonnegative()
      .max(2 ** 31 - 1)
      .default(0),
    /**
     * Training engine: `reference` (TensorFlow.js autodiff), `linear` (closed form, linear nets),
     * `mlp` (float64 backprop, any activation), `auto` (`linear` or `mlp`).
     */
    engine: z.enum(ENGINES).default('auto'),
  })
  .superRefine((c, ctx) => {
    for (const issue of crossFieldIssues(c)) ctx.addIssue({ code: 'custom', ...issue });
  });

/** What a user may write: any subset of the fields. */
export type RunConfigInput = z.input<typeof runConfigSchema>;

/** A fully resolved run config: every field present, batchSize filled in. */
export type RunConfig = Omit<z.output<typeof runConfigSchema>, 'batchSize'> & { batchSize: number };

/** Names of every run-config field, in schema order. */
export const RUN_CONFIG_FIELDS = Object.keys(runConfigSchema.shape) as (keyof RunConfig)[];
