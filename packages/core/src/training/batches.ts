import { Rng } from '../random/rng.js';

/**
 * Minibatch index sequence from the run's seed: each epoch is a fresh permutation cut into
 * ⌊n/b⌋ batches of b samples (a remainder smaller than b is dropped for that epoch). Returns
 * `null` batches when b = n (full batch), so engines can use their full-data fast paths.
 */
export class BatchSampler {
  private readonly rng: Rng;
  private perm: Int32Array | null = null;
  private cursor = 0;

  constructor(
    readonly samples: number,
    readonly batchSize: number,
    seed: number,
  ) {
    this.rng = Rng.stream(seed, 'batches');
  }

  get fullBatch(): boolean {
    return this.batchSize >= this.samples;
  }

  /** Indices of the next minibatch, or null for the full data set. */
  next(): Int32Array | null {
    if (this.fullBatch) return null;
    if (this.perm === null || this.cursor + this.batchSize > this.samples) {
      this.perm = this.rng.permutation(this.samples);
      this.cursor = 0;
    }
    const batch = this.perm.subarray(this.cursor, this.cursor + this.batchSize);
    this.cursor += this.batchSize;
    return batch;
  }
}
