// Test fixture: the runner's worker (dist/worker.js, so `pnpm build` first) with faults on
// purpose, for the tests of crash recovery, retries and fatal errors. A sweep runs it when
// ANSATZ_WORKER_FILE names this file (src/schedule/pool.ts). Its own variables, read nowhere
// else, each naming one run id:
//   ANSATZ_FAULTY_CRASH_ID        the thread running it exits abruptly on the first attempt
//   ANSATZ_FAULTY_THROW_ID        every attempt throws
//   ANSATZ_FAULTY_UNAVAILABLE_ID  it fails as when its TensorFlow.js backend cannot load
// A cohort task (runner sweep --cohort) has the fault when one of its cells has that id, so a
// fault in one cell fails its whole cohort, which the scheduler then runs cell by cell.
// Errors are thrown as the real worker throws them: as failure data (src/schedule/run-failure.ts).
import { BackendUnavailableError } from '@ansatz/core';
import { runFailureData } from '../dist/schedule/run-failure.js';
import runTask from '../dist/worker.js';

export default async function faultyRunTask(task) {
  const env = process.env;
  const ids = task.cells ? task.cells.map((c) => c.id) : [task.id];
  const has = (id) => id !== undefined && ids.includes(id);
  if (has(env.ANSATZ_FAULTY_CRASH_ID) && task.attempt === 0) process.exit(3);
  if (has(env.ANSATZ_FAULTY_THROW_ID)) {
    throw runFailureData(
      new Error(
        `test hook: run ${env.ANSATZ_FAULTY_THROW_ID} throws (attempt ${task.attempt + 1})`,
      ),
    );
  }
  if (has(env.ANSATZ_FAULTY_UNAVAILABLE_ID)) {
    throw runFailureData(new BackendUnavailableError(task.backend, 'test hook'));
  }
  return runTask(task);
}
