/**
 * Above this many per-run marks a chart draws per-group summaries instead (median and spread),
 * so it stays readable and light at 10⁵ runs; the runs of a group stay one link away. Shared by
 * the data producers (which leave the per-run points out above it) and the renderers.
 */
export const MARK_LIMIT = 2000;
