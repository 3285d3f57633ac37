/**
 * Version of the run record and of the id scheme (DESIGN.md §3 "Run record"). Part of every id's
 * hash, so a new version gives every cell a new id. Version 2: independent init streams per
 * scale, quality flags, baselines and the centred statistic.
 */
export const RECORD_VERSION = 2;
