import type { Stage } from '../../../shared/domain/lead';

/** A lead that is sold or lost is closed: the stages a seller does not reach by accident. */
export const closedStages: readonly Stage[] = ['sold', 'lost'];

export type StageStep = 'nothing' | 'save' | 'confirm';

/**
 * What picking `to` in the stage select does. Chromium's closed select changes its value (and
 * fires `change`) on each arrow key, so closing a lead (sold, lost) or reopening one is asked
 * first; a move between open stages is saved at once and is undone the same way.
 */
export function stageStep(from: Stage, to: Stage): StageStep {
  if (from === to) return 'nothing';
  return closedStages.includes(to) || closedStages.includes(from) ? 'confirm' : 'save';
}
