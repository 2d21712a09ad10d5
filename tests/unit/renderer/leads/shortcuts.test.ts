import { describe, expect, it } from 'vitest';
import {
  detailShortcut,
  isEditableTarget,
  listShortcut,
  moveSelection,
} from '../../../../src/renderer/leads/shortcuts';

describe('list shortcuts', () => {
  it('focuses search with / (not while typing) and Ctrl/Cmd+K (always)', () => {
    expect(listShortcut({ key: '/' }, 'list')).toBe('focus-search');
    expect(listShortcut({ key: '/' }, 'other')).toBe('focus-search');
    expect(listShortcut({ key: '/' }, 'search')).toBeNull();
    expect(listShortcut({ key: '/' }, 'editing')).toBeNull();
    expect(listShortcut({ key: 'k', ctrlKey: true }, 'editing')).toBe('focus-search');
    expect(listShortcut({ key: 'K', metaKey: true }, 'search')).toBe('focus-search');
  });

  it('moves and opens from the search box and the list', () => {
    expect(listShortcut({ key: 'ArrowDown' }, 'search')).toBe('next');
    expect(listShortcut({ key: 'ArrowUp' }, 'list')).toBe('previous');
    expect(listShortcut({ key: 'Enter' }, 'search')).toBe('open');
    expect(listShortcut({ key: 'Home' }, 'search')).toBeNull();
    expect(listShortcut({ key: 'End' }, 'list')).toBe('last');
    expect(listShortcut({ key: 'ArrowDown' }, 'other')).toBeNull();
    expect(listShortcut({ key: 'ArrowDown', altKey: true }, 'list')).toBeNull();
  });

  it('clamps selection moves', () => {
    expect(moveSelection('next', -1, 5, 10)).toBe(0);
    expect(moveSelection('previous', -1, 5, 10)).toBe(0);
    expect(moveSelection('next', 4, 5, 10)).toBe(4);
    expect(moveSelection('page-down', 1, 5, 10)).toBe(4);
    expect(moveSelection('page-up', 3, 5, 10)).toBe(0);
    expect(moveSelection('last', 0, 5, 10)).toBe(4);
    expect(moveSelection('next', 9, 3, 10)).toBe(2);
    expect(moveSelection('next', 0, 0, 10)).toBe(-1);
  });
});

describe('detail shortcuts', () => {
  it('uses single letters only outside fields and dialogs', () => {
    expect(detailShortcut({ key: 'n' }, false, false)).toBe('focus-note');
    expect(detailShortcut({ key: 'c' }, false, false)).toBe('open-callback');
    expect(detailShortcut({ key: 'n' }, true, false)).toBeNull();
    expect(detailShortcut({ key: 'n', ctrlKey: true }, false, false)).toBeNull();
    expect(detailShortcut({ key: 'c' }, false, true)).toBeNull();
  });

  it('goes back with Escape unless typing, and searches with / or Ctrl+K', () => {
    expect(detailShortcut({ key: 'Escape' }, false, false)).toBe('back');
    expect(detailShortcut({ key: 'Escape' }, true, false)).toBeNull();
    expect(detailShortcut({ key: '/' }, false, false)).toBe('search');
    expect(detailShortcut({ key: 'k', ctrlKey: true }, true, false)).toBe('search');
  });

  it('knows which targets take typing', () => {
    expect(isEditableTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isEditableTarget({ tagName: 'input', type: 'search' })).toBe(true);
    expect(isEditableTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isEditableTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isEditableTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isEditableTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isEditableTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isEditableTarget(null)).toBe(false);
  });
});
