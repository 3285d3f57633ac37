/**
 * `runner sweep --rerun IDS|failed|diverged`: run chosen cells again although they have a
 * record (after a bug fix, say). Only the chosen cells of this shard run. Each new record
 * carries the rerun round 1 + the round of the record it replaces, and the dedupe prefers the
 * higher round whatever the status (packages/results/src/dedupe.ts), so it supersedes the old
 * record. A plain sweep that later retries a failed rerun writes the same round as it.
 */
import type { RunStatus } from '@ansatz/results';
import { UserError } from '../errors.js';
import type { Cell } from '../spec/expand.js';

export interface RerunChoice {
  /** The flag as given, for messages. */
  text: string;
  statuses: RunStatus[];
  ids: string[];
}

const ID = /^[0-9a-f]{16}$/;

/** Parse `--rerun`: comma-separated ids (16 hex digits), `failed` and `diverged`. */
export function parseRerun(text: string | undefined): RerunChoice | string | undefined {
  if (text === undefined) return undefined;
  const flag = `--rerun "${text}"`;
  const words = text.split(',').map((w) => w.trim());
  const choice: RerunChoice = { text, statuses: [], ids: [] };
  for (const w of words) {
    if (w === 'failed' || w === 'diverged') choice.statuses.push(w);
    else if (ID.test(w)) choice.ids.push(w);
    else
      return `${flag}: "${w}" is neither a run id (16 hex digits, as runner sweep --list shows) nor failed or diverged`;
  }
  return choice;
}

/** What the plan knows of each id's winning record. */
export interface Winner {
  status: RunStatus;
  rerun?: number | undefined;
}

/** A cell with the rerun round its record will be written in (absent: 0). */
export type PlannedCell = Cell & { rerun?: number };

/**
 * The cells of this shard to run again. `selected` are the ids of the whole selection (every
 * shard): an id outside it is a UserError; one of another shard is that shard's to run.
 */
export function rerunCells(
  mine: readonly Cell[],
  winners: ReadonlyMap<string, Winner>,
  choice: RerunChoice,
  selected: ReadonlySet<string>,
  specFile: string,
): PlannedCell[] {
  checkRerunIds(choice, (id) => selected.has(id), specFile);
  const ids = new Set(choice.ids);
  return mine
    .filter((c) => {
      const w = winners.get(c.id);
      return ids.has(c.id) || (w !== undefined && choice.statuses.includes(w.status));
    })
    .map((c) => inRerun(c, winners.get(c.id)));
}

/** A `--rerun` id that is no cell of the selection (`has`: of any shard) is a UserError. */
export function checkRerunIds(
  choice: RerunChoice,
  has: (id: string) => boolean,
  specFile: string,
): void {
  const unknown = choice.ids.filter((id) => !has(id));
  if (unknown.length > 0) {
    throw new UserError(
      unknown.map(
        (id) =>
          `--rerun ${id}: no cell of ${specFile} (with this --only/--where/--set) has this id; runner sweep ${specFile} --list shows them`,
      ),
    );
  }
}

/** A cell run again: one round past the record it replaces. */
export function inRerun(cell: Cell, winner: Winner | undefined): PlannedCell {
  return { ...cell, rerun: (winner?.rerun ?? 0) + 1 };
}

/** A cell run without --rerun keeps the round of the record it retries (a failed rerun). */
export function inRound(cell: Cell, winner: Winner | undefined): PlannedCell {
  return winner?.rerun ? { ...cell, rerun: winner.rerun } : cell;
}
