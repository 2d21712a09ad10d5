import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { leadDisplayName, type Lead } from '../../../shared/domain/lead';
import type { LeadSummary } from '../../../shared/domain/lead-query';
import { mergeOutcome } from '../../../shared/domain/lead-merge';
import { BusyButton } from '../../app/BusyButton';
import { useClient } from '../../app/connection-context';
import { displayPhone } from '../format';
import { useLeadsContext } from '../leads-context';
import { Dialog } from './ConfirmDialog';
import { mergeCandidates, pickerKey, sharedContactQuery } from './merge-picker';
import type { Mutate } from './useLead';
import './merge-dialog.css';

/** Find the duplicate, confirm, merge it into the lead on screen (which stays). */
export function MergeDialog(props: { open: boolean; lead: Lead; name: string; mutate: Mutate; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} title={t('leads.merge.title')} onClose={props.onClose} className="merge-dialog">
      <MergeSteps {...props} />
    </Dialog>
  );
}

const optionId = (index: number) => `merge-option-${index}`;

function MergeSteps({
  lead,
  name,
  mutate,
  onClose,
}: {
  lead: Lead;
  name: string;
  mutate: Mutate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const { region, showToast } = useLeadsContext();
  const [text, setText] = useState('');
  const [results, setResults] = useState<LeadSummary[] | null>(null);
  const [sharing, setSharing] = useState<LeadSummary[]>([]);
  // The highlighted result, for the list it was chosen in.
  const [highlight, setHighlight] = useState({ list: '', index: 0 });
  const [chosen, setChosen] = useState<LeadSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The leads with one of this lead's numbers or its e-mail: the likely duplicates, offered first.
  const sharedQuery = sharedContactQuery(lead);
  const sharedKey = JSON.stringify(sharedQuery);
  useEffect(() => {
    if (!sharedQuery) return;
    let live = true;
    void client.request('leads.findDuplicates', sharedQuery).then((result) => {
      if (live && result.ok) setSharing(result.value);
    });
    return () => {
      live = false;
    };
  }, [client, sharedKey]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void client.request('leads.search', { text: text.trim(), limit: 8, offset: 0 }).then((result) => {
        if (!live) return;
        if (result.ok) setResults(result.value.items);
        else setError(t(`errors.${result.error.code}`));
      });
    }, 60);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, text, t]);

  const candidates = results ? mergeCandidates(lead.id, sharing, results, text.trim() !== '') : null;
  // A new list: the first lead is the one Enter takes, as in the Prospects search.
  const listKey = candidates?.map((c) => c.lead.id).join(' ') ?? '';
  const active = highlight.list === listKey ? highlight.index : 0;
  const setActive = (index: number) => setHighlight({ list: listKey, index });

  if (chosen) {
    return (
      <MergeConfirm
        lead={lead}
        name={name}
        chosen={chosen}
        busy={busy}
        error={error}
        onBack={() => {
          setError(null);
          setChosen(null);
        }}
        onClose={onClose}
        onError={setError}
        onConfirm={async () => {
          setBusy(true);
          const result = await mutate('leads.merge', { keepId: lead.id, otherId: chosen.id });
          setBusy(false);
          if (result.ok) {
            showToast({ kind: 'message', text: t('leads.merge.done') });
            onClose();
          } else setError(t(`errors.${result.error.code}`));
        }}
      />
    );
  }

  const count = candidates?.length ?? 0;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const key = pickerKey(event, active, count);
    if (!key || !candidates) return;
    event.preventDefault();
    if ('choose' in key) setChosen(candidates[key.choose]!.lead);
    else {
      setActive(key.move);
      document.getElementById(optionId(key.move))?.scrollIntoView({ block: 'nearest' });
    }
  };

  return (
    <>
      <p>{t('leads.merge.intro', { name })}</p>
      <div className="field">
        <label htmlFor="merge-search">{t('leads.merge.searchLabel')}</label>
        <input
          id="merge-search"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={count > 0}
          aria-controls="merge-results"
          aria-activedescendant={count > 0 ? optionId(Math.min(active, count - 1)) : undefined}
          autoComplete="off"
          autoFocus
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {candidates && count === 0 && <p className="note">{t('leads.merge.noResults')}</p>}
      <ul id="merge-results" role="listbox" className="plain-list merge-results" aria-label={t('leads.merge.results')}>
        {candidates?.map(({ lead: item, shared }, index) => {
          const itemName = item.name || t('leads.noName');
          return (
            <li
              key={item.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'merge-choice merge-choice-active' : 'merge-choice'}
              onClick={() => setChosen(item)}
              onMouseMove={() => index !== active && setActive(index)}
            >
              <strong>{itemName}</strong>
              {shared && <span className="merge-shared">{t('leads.merge.sharesContact')}</span>}
              <span className="note">
                {[displayPhone(item.phone, region), item.email, item.city, item.vehicle].filter(Boolean).join(' · ')}
              </span>
            </li>
          );
        })}
      </ul>
      <div className="form-actions dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('leads.merge.cancel')}
        </button>
      </div>
    </>
  );
}

/** The chosen lead, and what the merged lead keeps (the rule the lead service applies). */
function MergeConfirm(props: {
  lead: Lead;
  name: string;
  chosen: LeadSummary;
  busy: boolean;
  error: string | null;
  onBack: () => void;
  onClose: () => void;
  onError: (error: string) => void;
  onConfirm: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const { lead, chosen, onError } = props;
  const [other, setOther] = useState<Lead | null>(null);
  useEffect(() => {
    let live = true;
    void client.request('leads.get', { id: chosen.id }).then((result) => {
      if (!live) return;
      if (result.ok) setOther(result.value);
      else onError(t(`errors.${result.error.code}`));
    });
    return () => {
      live = false;
    };
  }, [client, chosen.id, onError, t]);

  const otherName = chosen.name || t('leads.noName');
  const kept = other ? mergeOutcome(lead, other) : null;
  return (
    <>
      <p>{t('leads.merge.confirmBody', { other: otherName, name: props.name })}</p>
      {kept ? (
        <>
          <p className="merge-keeps-title">{t('leads.merge.keeps')}</p>
          <ul className="merge-keeps">
            <li>{t('leads.merge.keptName', { name: leadDisplayName(kept.name) || t('leads.noName') })}</li>
            <li>{t('leads.merge.keptStage', { stage: t(`leads.stages.${kept.stage}`) })}</li>
            <li>{kept.owner ? t('leads.merge.keptOwner', { owner: kept.owner }) : t('leads.merge.keptNoOwner')}</li>
            <li>{t('leads.merge.keptAll')}</li>
          </ul>
        </>
      ) : (
        !props.error && <p className="note">{t('leads.merge.loadingOther')}</p>
      )}
      {props.error && (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      )}
      <div className="form-actions dialog-actions">
        <button type="button" className="button button-quiet" onClick={props.onBack}>
          {t('leads.merge.back')}
        </button>
        <button type="button" className="button" onClick={props.onClose}>
          {t('leads.merge.cancel')}
        </button>
        <BusyButton
          className="button button-primary"
          busy={props.busy || !kept}
          onClick={() => {
            if (!props.busy && kept) void props.onConfirm();
          }}
          autoFocus
        >
          {t('leads.merge.confirm')}
        </BusyButton>
      </div>
    </>
  );
}
