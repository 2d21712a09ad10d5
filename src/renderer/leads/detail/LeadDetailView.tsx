import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leadDisplayName, stages, type Lead, type Stage } from '../../../shared/domain/lead';
import { useClient } from '../../app/connection-context';
import { forgetListPosition, listMemory, useLeadsContext } from '../leads-context';
import { leadsListHref } from '../leads-route';
import { detailShortcut, isEditableTarget } from '../shortcuts';
import { navigate } from '../useHash';
import { CallbacksSection } from './CallbacksSection';
import { ConfirmDialog } from './ConfirmDialog';
import { ConsentSection } from './ConsentSection';
import { ContactSection, FollowSection, TradeInSection, VehiclesSection } from './ContactSection';
import { leavePage } from '../../app/leave-guard';
import { MergeDialog } from './MergeDialog';
import { stageStep } from './stage-change';
import { noteInputId, Timeline } from './Timeline';
import { useLead, type Mutate } from './useLead';

export function LeadDetailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { state, mutate } = useLead(id);
  const backHref = leadsListHref(listMemory.search);

  if (state.status === 'loading') return <p>{t('leads.detail.loading')}</p>;
  if (state.status === 'failed') {
    return (
      <div className="lead-detail">
        <a href={backHref}>{t('leads.detail.back')}</a>
        <p className="form-error" role="alert">
          {state.error.code === 'not-found' ? t('leads.detail.notFound') : t(`errors.${state.error.code}`)}
        </p>
      </div>
    );
  }
  return <LeadDetail lead={state.lead} mutate={mutate} backHref={backHref} />;
}

function LeadDetail({ lead, mutate, backHref }: { lead: Lead; mutate: Mutate; backHref: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const { showToast } = useLeadsContext();
  const name = leadDisplayName(lead.contact) || t('leads.noName');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [callbackFormOpen, setCallbackFormOpen] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [mergeOpen, setMergeOpen] = useState(false);
  const [stageStatus, setStageStatus] = useState<string | null>(null);
  /** A change to or from sold/lost waiting for the seller's yes (see stageStep). */
  const [stageToConfirm, setStageToConfirm] = useState<Stage | null>(null);
  const stageRef = useRef<HTMLSelectElement>(null);

  // Arriving on a lead: screen readers start at its name.
  useEffect(() => headingRef.current?.focus(), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const editing = isEditableTarget(event.target as HTMLElement | null);
      const dialogOpen = document.querySelector('dialog[open]') !== null;
      const action = detailShortcut(event, editing, dialogOpen);
      if (!action) return;
      event.preventDefault();
      if (action === 'focus-note') document.getElementById(noteInputId)?.focus();
      else if (action === 'open-callback') setCallbackFormOpen(true);
      // An open contact editor with changes asks first.
      else if (action === 'back') leavePage(() => navigate(backHref));
      else if (action === 'search') {
        leavePage(() => {
          forgetListPosition();
          navigate(backHref);
        });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [backHref]);

  const setStage = async (stage: Stage) => {
    setStageStatus(null);
    const result = await mutate('leads.setStage', { id: lead.id, stage });
    setStageStatus(result.ok ? t('leads.detail.stageSaved') : t(`errors.${result.error.code}`));
  };

  const pickStage = (stage: Stage) => {
    const step = stageStep(lead.stage, stage);
    // Until confirmed the select keeps showing the lead's stage (it is controlled by it).
    if (step === 'confirm') setStageToConfirm(stage);
    else if (step === 'save') void setStage(stage);
  };

  const endStageConfirm = (confirmed: boolean) => {
    const stage = stageToConfirm;
    setStageToConfirm(null);
    if (confirmed && stage) void setStage(stage);
  };
  // Back to the select once the dialog has closed (the page is inert while it is open).
  const stageDialogShown = useRef(false);
  useEffect(() => {
    if (stageToConfirm !== null) stageDialogShown.current = true;
    else if (stageDialogShown.current) {
      stageDialogShown.current = false;
      stageRef.current?.focus();
    }
  }, [stageToConfirm]);

  const remove = async () => {
    setDeleteError(null);
    const result = await client.request('leads.delete', { id: lead.id });
    if (!result.ok) {
      setDeleteError(t(`errors.${result.error.code}`));
      return;
    }
    setConfirmDelete(false);
    showToast({ kind: 'deleted', undoToken: result.value.undoToken, expiresAt: result.value.expiresAt, name });
    navigate(backHref);
  };

  return (
    <article className="lead-detail" aria-labelledby="lead-name">
      <div className="detail-top">
        <a className="back-link" href={backHref}>
          ← {t('leads.detail.back')}
        </a>
        <p className="field-hint">{t('leads.detail.shortcutsHint')}</p>
      </div>
      <header className="detail-header">
        <div className="detail-title">
          <h2 id="lead-name" ref={headingRef} tabIndex={-1}>
            {name}
          </h2>
          <span className={`stage-badge stage-${lead.stage}`}>{t(`leads.stages.${lead.stage}`)}</span>
        </div>
        <div className="detail-actions">
          <div className="inline-field">
            <label htmlFor="lead-stage">{t('leads.detail.stage')}</label>
            <select
              ref={stageRef}
              id="lead-stage"
              value={lead.stage}
              onChange={(event) => pickStage(event.target.value as Stage)}
            >
              {stages.map((stage) => (
                <option key={stage} value={stage}>
                  {t(`leads.stages.${stage}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button" onClick={() => setMergeOpen(true)}>
            {t('leads.merge.button')}
          </button>
          <button type="button" className="button button-danger-quiet" onClick={() => setConfirmDelete(true)}>
            {t('leads.delete.button')}
          </button>
        </div>
        <p className="form-status" aria-live="polite">
          {stageStatus}
        </p>
      </header>

      <div className="detail-grid">
        <div className="detail-column">
          <ContactSection lead={lead} mutate={mutate} />
          <VehiclesSection lead={lead} />
          <TradeInSection lead={lead} />
          <FollowSection lead={lead} mutate={mutate} />
        </div>
        <div className="detail-column">
          <CallbacksSection lead={lead} mutate={mutate} formOpen={callbackFormOpen} onFormOpen={setCallbackFormOpen} />
          <ConsentSection lead={lead} mutate={mutate} />
        </div>
      </div>
      <Timeline lead={lead} mutate={mutate} />

      <ConfirmDialog
        open={confirmDelete}
        title={t('leads.delete.title')}
        body={t('leads.delete.body', { name })}
        confirmLabel={t('leads.delete.confirm')}
        cancelLabel={t('leads.delete.cancel')}
        error={deleteError}
        onConfirm={() => void remove()}
        onCancel={() => {
          setConfirmDelete(false);
          setDeleteError(null);
        }}
      />
      <ConfirmDialog
        open={stageToConfirm !== null}
        title={t('leads.detail.stageConfirm.title')}
        body={t('leads.detail.stageConfirm.body', {
          name,
          from: t(`leads.stages.${lead.stage}`),
          to: stageToConfirm ? t(`leads.stages.${stageToConfirm}`) : '',
        })}
        confirmLabel={t('leads.detail.stageConfirm.confirm', {
          to: stageToConfirm ? t(`leads.stages.${stageToConfirm}`) : '',
        })}
        cancelLabel={t('leads.detail.stageConfirm.cancel', { from: t(`leads.stages.${lead.stage}`) })}
        onConfirm={() => endStageConfirm(true)}
        onCancel={() => endStageConfirm(false)}
      />
      <MergeDialog open={mergeOpen} lead={lead} name={name} mutate={mutate} onClose={() => setMergeOpen(false)} />
    </article>
  );
}
