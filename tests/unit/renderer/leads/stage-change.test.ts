import { describe, expect, it } from 'vitest';
import { stageStep } from '../../../../src/renderer/leads/detail/stage-change';
import { stages } from '../../../../src/shared/domain/lead';

describe('stage select', () => {
  it('asks before closing a lead: an arrow key onto "Vendu" or "Perdu" saves nothing by itself', () => {
    expect(stageStep('visited', 'sold')).toBe('confirm');
    expect(stageStep('sold', 'lost')).toBe('confirm');
    expect(stageStep('new', 'lost')).toBe('confirm');
  });

  it('asks before reopening a sold or lost lead', () => {
    expect(stageStep('sold', 'visited')).toBe('confirm');
    expect(stageStep('lost', 'new')).toBe('confirm');
  });

  it('saves a move between open stages at once, and nothing when the stage is the same', () => {
    expect(stageStep('new', 'contacted')).toBe('save');
    expect(stageStep('appointment', 'contacted')).toBe('save');
    for (const stage of stages) expect(stageStep(stage, stage)).toBe('nothing');
  });
});
