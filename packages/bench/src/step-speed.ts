import { train, type BackendName, type RunConfigInput } from '@ansatz/core';

/** The default metric cadence of a run config (DESIGN.md §3). */
export const DEFAULT_LOG_EVERY = 100;

export interface StepSpeed {
  engine: string;
  backend: string;
  steps: number;
  /** Training steps per second, metrics excluded (best of the repetitions). */
  stepsPerSecond: number;
  /** CPU seconds of this process per training step (best repetition; all threads). */
  cpuSecondsPerStep: number;
  /** Seconds per log step at this cell's shape (a run's metrics time over its log steps, the final one included; fastest repetition). */
  secondsPerLog: number;
  /** Share of a run's time in metrics when logging every DEFAULT_LOG_EVERY steps. */
  metricsShare: number;
}

/**
 * Times `steps` training steps of one cell on one engine and backend, `reps` times after a
 * warm-up run (logging every step), through the public `train` (so the loop, optimizer and checks are included).
 * Metrics run at the default cadence; their time (train's `metricsSeconds`) is separated out
 * and turned into the share a run with the default `logEvery` spends on them.
 */
export async function measureStepSpeed(
  config: RunConfigInput,
  engine: 'linear' | 'mlp' | 'reference',
  backend: BackendName,
  steps: number,
  reps: number,
): Promise<StepSpeed> {
  const run = { ...config, engine, steps, logEvery: DEFAULT_LOG_EVERY };
  // Warm-up logging at every step: a worker mid-sweep has run the metrics code many times
  // (JIT-compiled), which a single short run would not show.
  await train({ ...run, steps: Math.max(1, Math.ceil(steps / 4)), logEvery: 1 }, { backend });
  // Each cost at its fastest repetition: a log step disturbed by the host in the repetition
  // with the fastest steps would otherwise decide the metrics' share.
  let best: Omit<StepSpeed, 'secondsPerLog' | 'metricsShare'> | null = null;
  let fastestLog = Number.POSITIVE_INFINITY;
  for (let r = 0; r < reps; r++) {
    const cpu0 = process.cpuUsage();
    const result = await train(run, { backend });
    const cpu = process.cpuUsage(cpu0);
    if (result.status !== 'ok') {
      throw new Error(`bench cell (${engine}, ${backend}) ended ${result.status}: ${result.error}`);
    }
    const { seconds, metricsSeconds } = result.timing;
    const trainSeconds = seconds - metricsSeconds;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const stepsPerSecond = steps / trainSeconds;
    if (!best || stepsPerSecond > best.stepsPerSecond) {
      best = {
        engine: result.engine,
        backend: result.backend,
        steps,
        stepsPerSecond,
        // CPU time of the whole call, less the metrics' share of it.
        cpuSecondsPerStep: (cpuSeconds * (trainSeconds / seconds)) / steps,
      };
    }
    fastestLog = Math.min(fastestLog, metricsSeconds / result.history.length);
  }
  const perStep = 1 / best!.stepsPerSecond;
  return {
    ...best!,
    secondsPerLog: fastestLog,
    metricsShare: fastestLog / (fastestLog + DEFAULT_LOG_EVERY * perStep),
  };
}
