import { describe, expect, it } from 'vitest';
import { summariseChoice, toggleChoice, withSelected } from '../../../../src/renderer/leads/list/filter-choice';

const order = ['new', 'contacted', 'appointment', 'sold'];

describe('multi-value filters', () => {
  it('keeps ticked values in the options order, whatever the click order', () => {
    const a = toggleChoice(toggleChoice([], 'sold', true, order), 'new', true, order);
    const b = toggleChoice(toggleChoice([], 'new', true, order), 'sold', true, order);
    expect(a).toEqual(['new', 'sold']);
    expect(b).toEqual(a);
  });

  it('unticks, and keeps values the options no longer list after the others', () => {
    expect(toggleChoice(['new', 'sold'], 'new', false, order)).toEqual(['sold']);
    expect(toggleChoice(['Ancien', 'sold'], 'new', true, order)).toEqual(['new', 'sold', 'Ancien']);
    expect(toggleChoice(['Ancien'], 'Ancien', false, order)).toEqual([]);
  });

  it('does not double a value ticked twice', () => {
    expect(toggleChoice(['new'], 'new', true, order)).toEqual(['new']);
  });

  it('summarises the closed filter', () => {
    const options = [
      ['new', 'Nouveau'],
      ['sold', 'Vendu'],
    ] as const;
    expect(summariseChoice([], options)).toEqual({ kind: 'any' });
    expect(summariseChoice(['sold'], options)).toEqual({ kind: 'one', label: 'Vendu' });
    expect(summariseChoice(['gone'], options)).toEqual({ kind: 'one', label: 'gone' });
    expect(summariseChoice(['new', 'sold'], options)).toEqual({ kind: 'many', count: 2 });
  });

  it('lists a selected value the store no longer has, so it can be unticked', () => {
    expect(withSelected(['A', 'B'], ['C', 'A'])).toEqual(['A', 'B', 'C']);
    expect(withSelected(undefined, ['C'])).toEqual(['C']);
  });
});
