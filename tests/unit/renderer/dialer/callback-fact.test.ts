import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CallbackFact } from '../../../../src/renderer/dialer/LeadCard';

describe('the next lead card’s callback', () => {
  const html = (callback: { overdue: boolean; note?: string }) =>
    renderToStaticMarkup(createElement(CallbackFact, { callback, when: '23/11/2026 12:00', overdue: 'en retard' }));

  it('puts the callback’s note on a line of its own, with no separator left dangling after "overdue"', () => {
    const text = html({ overdue: true, note: 'Envoyer le devis puis rappeler' });
    expect(text).not.toContain('·');
    expect(text).toBe(
      '23/11/2026 12:00<span class="overdue-badge">en retard</span><div class="note dialer-callback-note">Envoyer le devis puis rappeler</div>',
    );
    expect(html({ overdue: false })).toBe('23/11/2026 12:00');
  });
});
