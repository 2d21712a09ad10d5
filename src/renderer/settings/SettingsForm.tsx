import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../shared/domain/settings';
import type { AppError } from '../../shared/result';
import { useClient } from '../app/connection-context';
import { Field, type ControlProps } from './Field';
import { splitServerError } from './field-errors';
import { ServerErrorMessage, type FieldProblem } from './FieldProblem';
import { ignoredNotice } from './IgnoredValueNotice';
import { TestConnectionButton } from './TestConnectionButton';
import { buildPatch, formFieldId, formFields, formText, isEmptyPatch, type Edits, type FormField } from './form-model';

type Problems = Partial<Record<FormField, FieldProblem>>;
type Status = 'idle' | 'saving' | 'saved' | 'nothing-to-save' | 'fix-fields' | { error: AppError };

export const fieldId = formFieldId;

/** SIP account, ICE and phone-number settings, saved together; only changed fields are sent. */
export function SettingsForm({ view, onView }: { view: SettingsView; onView: (view: SettingsView) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [edits, setEdits] = useState<Edits>({});
  const [problems, setProblems] = useState<Problems>({});
  const [status, setStatus] = useState<Status>('idle');
  const [focusRequest, setFocusRequest] = useState<{ field: FormField } | null>(null);

  useEffect(() => {
    if (focusRequest) document.getElementById(fieldId(focusRequest.field))?.focus();
  }, [focusRequest]);

  const value = (field: FormField) => edits[field] ?? formText(view.values, field);
  const change = (field: FormField, text: string) => {
    setEdits((current) => ({ ...current, [field]: text }));
    setProblems(({ [field]: _fixed, ...rest }) => rest);
    setStatus('idle');
  };
  const showProblems = (next: Problems) => {
    setProblems(next);
    const first = formFields.find((field) => next[field]);
    if (first) setFocusRequest({ field: first });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // Not disabling the button while saving: that would drop keyboard focus.
    if (status === 'saving') return;
    const { patch, problems: local } = buildPatch(view.values, edits, view.locked);
    if (local.length > 0) {
      showProblems(Object.fromEntries(local.map(({ field, ...detail }) => [field, { kind: 'local', ...detail }])));
      setStatus('fix-fields');
      return;
    }
    if (isEmptyPatch(patch)) {
      setEdits({});
      setProblems({});
      setStatus('nothing-to-save');
      return;
    }
    setStatus('saving');
    const result = await client.request('settings.update', patch);
    if (result.ok) {
      onView(result.value);
      setEdits({});
      setProblems({});
      setStatus('saved');
      return;
    }
    const { fields, general } = splitServerError(result.error, formFields);
    showProblems(
      Object.fromEntries(
        Object.entries(fields).map(([field, error]) => [
          field,
          { kind: 'server', code: error.code, detail: error.detail, path: error.path },
        ]),
      ),
    );
    setStatus(general ? { error: general } : 'fix-fields');
  };

  const field = (name: FormField, label: string, render: (control: ControlProps) => ReactNode, hint?: string) => {
    const { notice, describedBy } = ignoredNotice(name, fieldId(name), view, onView);
    return (
      <Field
        id={fieldId(name)}
        label={label}
        hint={hint}
        locked={view.locked.includes(name)}
        problem={problems[name]}
        notice={notice}
        describedBy={describedBy}
      >
        {render}
      </Field>
    );
  };
  const text =
    (name: FormField, type: 'text' | 'url' = 'text') =>
    (control: ControlProps) => (
      <input
        {...control}
        type={type}
        value={value(name)}
        onChange={(event) => change(name, event.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
    );

  const number = (name: FormField) => (control: ControlProps) => (
    <input
      {...control}
      className="narrow"
      type="text"
      inputMode="numeric"
      value={value(name)}
      onChange={(event) => change(name, event.target.value)}
      autoComplete="off"
    />
  );

  return (
    <form className="settings-form" onSubmit={(event) => void save(event)} noValidate>
      <fieldset className="settings-section">
        <legend>{t('settings.sections.sip')}</legend>
        {field(
          'sip.server',
          t('settings.fields.server.label'),
          text('sip.server', 'url'),
          t('settings.fields.server.hint'),
        )}
        {field('sip.uri', t('settings.fields.uri.label'), text('sip.uri'), t('settings.fields.uri.hint'))}
        {field(
          'sip.authorizationUsername',
          t('settings.fields.authorizationUsername.label'),
          text('sip.authorizationUsername'),
        )}
        {field(
          'sip.displayName',
          t('settings.fields.displayName.label'),
          text('sip.displayName'),
          t('settings.fields.displayName.hint'),
        )}
        {field(
          'sip.outboundProxy',
          t('settings.fields.outboundProxy.label'),
          text('sip.outboundProxy'),
          t('settings.fields.outboundProxy.hint'),
        )}
        {field('sip.dtmfMethod', t('settings.fields.dtmfMethod.label'), (control) => (
          <select
            {...control}
            value={value('sip.dtmfMethod')}
            onChange={(e) => change('sip.dtmfMethod', e.target.value)}
          >
            <option value="rfc4733">{t('settings.fields.dtmfMethod.rfc4733')}</option>
            <option value="info">{t('settings.fields.dtmfMethod.info')}</option>
          </select>
        ))}
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('settings.sections.ice')}</legend>
        {field(
          'ice.servers',
          t('settings.fields.iceServers.label'),
          (control) => (
            <textarea
              {...control}
              className="mono"
              rows={4}
              value={value('ice.servers')}
              onChange={(event) => change('ice.servers', event.target.value)}
              spellCheck={false}
              autoComplete="off"
            />
          ),
          t('settings.fields.iceServers.hint'),
        )}
        {field(
          'ice.gatheringTimeoutMs',
          t('settings.fields.gatheringTimeout.label'),
          (control) => (
            <input
              {...control}
              className="narrow"
              type="text"
              inputMode="numeric"
              value={value('ice.gatheringTimeoutMs')}
              onChange={(event) => change('ice.gatheringTimeoutMs', event.target.value)}
              autoComplete="off"
            />
          ),
          t('settings.fields.gatheringTimeout.hint'),
        )}
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('settings.sections.numbers')}</legend>
        {field(
          'rules',
          t('settings.fields.rules.label'),
          (control) => (
            <select {...control} value={value('rules')} onChange={(event) => change('rules', event.target.value)}>
              <option value="FR">{t('settings.fields.rules.FR')}</option>
              <option value="US">{t('settings.fields.rules.US')}</option>
              <option value="custom">{t('settings.fields.rules.custom')}</option>
            </select>
          ),
          // Where a custom set comes from, and what applies without one: the choice alone says neither.
          value('rules') === 'custom' ? t('settings.fields.rules.customHint') : undefined,
        )}
        {field(
          'defaultRegion',
          t('settings.fields.defaultRegion.label'),
          (control) => (
            <input
              {...control}
              className="narrow"
              type="text"
              maxLength={2}
              autoCapitalize="characters"
              value={value('defaultRegion')}
              onChange={(event) => change('defaultRegion', event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          ),
          t('settings.fields.defaultRegion.hint'),
        )}
        {field(
          'dealershipZone',
          t('settings.fields.dealershipZone.label'),
          text('dealershipZone'),
          t('settings.fields.dealershipZone.hint'),
        )}
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('settings.sections.phone')}</legend>
        {field(
          'phone.maxLines',
          t('settings.fields.maxLines.label'),
          (control) => (
            <select
              {...control}
              value={value('phone.maxLines')}
              onChange={(event) => change('phone.maxLines', event.target.value)}
            >
              {['1', '2', '3', '4'].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          ),
          t('settings.fields.maxLines.hint'),
        )}
        {field('phone.declineCode', t('settings.fields.declineCode.label'), (control) => (
          <select
            {...control}
            value={value('phone.declineCode')}
            onChange={(event) => change('phone.declineCode', event.target.value)}
          >
            <option value="486">{t('settings.fields.declineCode.486')}</option>
            <option value="603">{t('settings.fields.declineCode.603')}</option>
          </select>
        ))}
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('settings.sections.dialer')}</legend>
        {field(
          'dialer.previewSeconds',
          t('settings.fields.previewSeconds.label'),
          number('dialer.previewSeconds'),
          t('settings.fields.previewSeconds.hint'),
        )}
        {field(
          'dialer.ringTimeoutSeconds',
          t('settings.fields.ringTimeoutSeconds.label'),
          number('dialer.ringTimeoutSeconds'),
          t('settings.fields.ringTimeoutSeconds.hint'),
        )}
        {field(
          'dialer.wrapUpSeconds',
          t('settings.fields.wrapUpSeconds.label'),
          number('dialer.wrapUpSeconds'),
          t('settings.fields.wrapUpSeconds.hint'),
        )}
      </fieldset>

      <div className="form-actions">
        <TestConnectionButton
          values={view.values}
          edits={edits}
          locked={view.locked}
          passwordSet={view.sipPassword.isSet}
        />
        <button type="submit" className="button button-primary">
          {t('settings.save')}
        </button>
        <p className="form-status" role="status">
          {status === 'saving' && t('settings.saving')}
          {status === 'saved' && t('settings.saved')}
          {status === 'nothing-to-save' && t('settings.nothingToSave')}
        </p>
      </div>
      {status === 'fix-fields' && (
        <p className="form-error" role="alert">
          {t('settings.fixFields')}
        </p>
      )}
      {typeof status === 'object' && (
        <p className="form-error" role="alert">
          <ServerErrorMessage error={status.error} />
        </p>
      )}
    </form>
  );
}
