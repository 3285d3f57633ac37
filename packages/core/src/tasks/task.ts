import type { Dense } from '../linalg/dense.js';

/** A synthetic regression data set: inputs X (n × d) and targets Y (n × c), row-major float64. */
export interface Task {
  x: Dense;
  y: Dense;
  /** The teacher's singular values (linear part), largest first, for reference. */
  teacherSingularValues: number[];
}
