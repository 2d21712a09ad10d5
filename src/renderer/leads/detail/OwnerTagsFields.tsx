import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../shared/domain/lead';
import type { AppError } from '../../../shared/result';
import { FieldProblemText, type FieldProblem } from '../../settings/FieldProblem';
import { splitServerError } from '../../settings/field-errors';
import { pluralForm } from '../format';
import {
  addTags,
  diffTags,
  MAX_OWNER_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  ownerEdit,
  removeTag,
  tagSuggestions,
  type TagProblem,
} from './owner-tags';
import type { Mutate } from './useLead';
import '../leads-controls.css';

type Problem = FieldProblem | { kind: 'tag'; problem: TagProblem; tag?: string } | { kind: 'owner-too-long' };

/** A refused `leads.update`: the translated code plus core's words for the field (or the whole error). */
function serverProblem(error: AppError, field: 'owner' | 'tags'): Problem {
  const path = `changes.${field}`;
  const detail = splitServerError(error, [path]).fields[path]?.detail ?? error.message;
  return { kind: 'server', code: error.code, detail };
}

function ProblemText({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  if (problem.kind === 'owner-too-long') return <>{t('leads.owner.tooLong', { max: MAX_OWNER_LENGTH })}</>;
  if (problem.kind === 'tag') {
    if (problem.problem === 'too-long') return <>{t('leads.tags.tooLong', { max: MAX_TAG_LENGTH })}</>;
    if (problem.problem === 'duplicate') return <>{t('leads.tags.duplicate', { tag: problem.tag ?? '' })}</>;
    if (problem.problem === 'too-many') return <>{t('leads.tags.tooMany', { max: MAX_TAGS })}</>;
    return <>{t('leads.tags.empty')}</>;
  }
  return <FieldProblemText problem={problem} />;
}

/** The lead's owner: a name typed or picked among the dealership's owners; empty leaves it unassigned. */
export function OwnerField({ lead, mutate, owners }: { lead: Lead; mutate: Mutate; owners: readonly string[] }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(lead.owner ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  // Another window (or an import) changed the owner: show it unless the seller is typing here.
  useEffect(() => {
    if (document.activeElement !== inputRef.current) setDraft(lead.owner ?? '');
  }, [lead.owner]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const edit = ownerEdit(lead.owner, draft, owners);
    if (!edit.ok) {
      setProblem({ kind: 'owner-too-long' });
      inputRef.current?.focus();
      return;
    }
    setProblem(null);
    if (!edit.change) {
      setDraft(lead.owner ?? '');
      setStatus(t('leads.owner.unchanged'));
      return;
    }
    setBusy(true);
    const result = await mutate('leads.update', { id: lead.id, changes: edit.change });
    setBusy(false);
    if (!result.ok) {
      setProblem(serverProblem(result.error, 'owner'));
      inputRef.current?.focus();
      return;
    }
    setDraft(result.value.owner ?? '');
    setStatus(result.value.owner ? t('leads.owner.saved', { owner: result.value.owner }) : t('leads.owner.cleared'));
  };

  const described = ['lead-owner-hint', problem && 'lead-owner-error'].filter(Boolean).join(' ');
  return (
    <form className="owner-form" onSubmit={(event) => void save(event)} noValidate>
      <div className={problem ? 'field field-invalid' : 'field'}>
        <label htmlFor="lead-owner">{t('leads.owner.label')}</label>
        <div className="inline-controls">
          <input
            ref={inputRef}
            id="lead-owner"
            list="lead-owner-options"
            autoComplete="off"
            placeholder={t('leads.detail.noOwner')}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            aria-describedby={described}
            aria-invalid={problem ? true : undefined}
          />
          <button type="submit" className="button" disabled={busy} aria-label={t('leads.owner.saveLabel')}>
            {t('leads.owner.save')}
          </button>
        </div>
        <datalist id="lead-owner-options">
          {owners.map((owner) => (
            <option key={owner} value={owner} />
          ))}
        </datalist>
        <p id="lead-owner-hint" className="field-hint">
          {t('leads.owner.hint')}
        </p>
        {problem && (
          <p id="lead-owner-error" className="field-error" role="alert">
            <ProblemText problem={problem} />
          </p>
        )}
        <p className="form-status" aria-live="polite">
          {status}
        </p>
      </div>
    </form>
  );
}

/** The lead's tags: each with its own remove button, and a box to add one or several. */
export function TagsField({ lead, mutate, knownTags }: { lead: Lead; mutate: Mutate; knownTags: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const save = async (tags: string[]): Promise<boolean> => {
    setBusy(true);
    const before = lead.tags;
    const result = await mutate('leads.update', { id: lead.id, changes: { tags } });
    setBusy(false);
    if (!result.ok) {
      setProblem(serverProblem(result.error, 'tags'));
      return false;
    }
    setProblem(null);
    const { added, removed } = diffTags(before, result.value.tags);
    setStatus(
      [
        added.length > 0 &&
          t(`leads.tags.added.${pluralForm(added.length, i18n.language)}`, { tags: added.join(', ') }),
        removed.length > 0 &&
          t(`leads.tags.removed.${pluralForm(removed.length, i18n.language)}`, { tags: removed.join(', ') }),
      ]
        .filter(Boolean)
        .join(' '),
    );
    return true;
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const addition = addTags(lead.tags, draft, knownTags);
    if (!addition.ok) {
      setProblem({ kind: 'tag', problem: addition.problem, tag: addition.tag });
      return;
    }
    if (await save(addition.tags)) setDraft('');
    inputRef.current?.focus();
  };

  const remove = async (tag: string) => {
    if (busy) return;
    setStatus(null);
    // Its button goes away with the tag: keep the keyboard in the field.
    inputRef.current?.focus();
    await save(removeTag(lead.tags, tag));
  };

  const suggestions = tagSuggestions(knownTags, lead.tags);
  const described = ['lead-tag-hint', problem && 'lead-tag-error'].filter(Boolean).join(' ');
  return (
    <div className={problem ? 'field field-invalid tags-field' : 'field tags-field'}>
      <h4 id="lead-tags-title">{t('leads.detail.tags')}</h4>
      {lead.tags.length === 0 ? (
        <p className="note">{t('leads.tags.none')}</p>
      ) : (
        <ul className="tags plain-list" aria-labelledby="lead-tags-title">
          {lead.tags.map((tag) => (
            <li key={tag} className="tag tag-editable">
              <span>{tag}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={t('leads.tags.removeLabel', { tag })}
                title={t('leads.tags.removeLabel', { tag })}
                disabled={busy}
                onClick={() => void remove(tag)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="tag-form" onSubmit={(event) => void add(event)} noValidate>
        <label htmlFor="lead-tag-input">{t('leads.tags.addLabel')}</label>
        <div className="inline-controls">
          <input
            ref={inputRef}
            id="lead-tag-input"
            list="lead-tag-options"
            autoComplete="off"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            aria-describedby={described}
            aria-invalid={problem ? true : undefined}
          />
          <button type="submit" className="button" disabled={busy} aria-label={t('leads.tags.addAria')}>
            {t('leads.tags.add')}
          </button>
        </div>
        <datalist id="lead-tag-options">
          {suggestions.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <p id="lead-tag-hint" className="field-hint">
          {t('leads.tags.hint')}
        </p>
        {problem && (
          <p id="lead-tag-error" className="field-error" role="alert">
            <ProblemText problem={problem} />
          </p>
        )}
        <p className="form-status" aria-live="polite">
          {status}
        </p>
      </form>
    </div>
  );
}
