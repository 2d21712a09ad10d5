import { describe, expect, it } from 'vitest';
import { inAppDestination, leavePage, type LinkClick } from '../../../../src/renderer/app/leave-guard';

const plainClick: LinkClick = {
  button: 0,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  defaultPrevented: false,
};
const link = (href: string | null, target = '') => ({ href, target });

describe('leaving the lead page with unsaved contact changes', () => {
  it('holds back a plain click on an in-app link to another page', () => {
    expect(inAppDestination(plainClick, link('#/leads'), '#/leads/l1')).toBe('#/leads');
    expect(inAppDestination(plainClick, link('#/leads/l2'), '#/leads/l1')).toBe('#/leads/l2');
  });

  it('lets through other windows, other buttons, mailto: and the page itself', () => {
    expect(inAppDestination({ ...plainClick, ctrlKey: true }, link('#/leads'), '#/leads/l1')).toBeNull();
    expect(inAppDestination({ ...plainClick, button: 1 }, link('#/leads'), '#/leads/l1')).toBeNull();
    expect(inAppDestination({ ...plainClick, defaultPrevented: true }, link('#/leads'), '#/leads/l1')).toBeNull();
    expect(inAppDestination(plainClick, link('#/leads', '_blank'), '#/leads/l1')).toBeNull();
    expect(inAppDestination(plainClick, link('mailto:e@x.fr'), '#/leads/l1')).toBeNull();
    expect(inAppDestination(plainClick, link(null), '#/leads/l1')).toBeNull();
    expect(inAppDestination(plainClick, null, '#/leads/l1')).toBeNull();
    expect(inAppDestination(plainClick, link('#/leads/l1'), '#/leads/l1')).toBeNull();
  });

  it('goes at once when no editor holds changes', () => {
    let went = 0;
    leavePage(() => went++);
    expect(went).toBe(1);
  });
});
