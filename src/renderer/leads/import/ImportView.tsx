import type { TFunction } from 'i18next';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestOutput } from '../../../shared/contract';
import type { ColumnMapping, ImportProgress } from '../../../shared/domain/import-report';
import type { AppError } from '../../../shared/result';
import { useClient } from '../../app/connection-context';
import { looseT } from '../../dialer/translate';
import { ServerErrorMessage } from '../../settings/FieldProblem';
import { arrayBufferToBase64, base64ToBytes } from '../base64';
import { formatCount, formatPercent } from '../format';
import { listMemory } from '../leads-context';
import { leadsListHref } from '../leads-route';
import { nextProgress, progressView } from './import-progress';
import { focusAfter, importFocusIds, refusedAdvice, type ImportStep } from './import-steps';
import { importWarningText, rejectText } from './reject-text';
import { asksWhatKeepValidWouldDo, keepValidWouldText, reportFigures, reportTitleKey } from './report-wording';
import { IGNORE, isKnownTarget, targetOptions } from './targets';

type Inspection = RequestOutput<'leads.inspectImport'>;
type Report = RequestOutput<'leads.import'>;
interface Picked {
  fileName: string;
  contentBase64: string;
}

export function ImportView() {
  const { t } = useTranslation();
  const client = useClient();
  const [file, setFile] = useState<Picked | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [keepValid, setKeepValid] = useState(false);
  const [busy, setBusy] = useState<'reading' | 'running' | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  /** A refused report's "what ticking the box would import" (core's dry run with keepValid), once known. */
  const [wouldBe, setWouldBe] = useState<Report | 'asking' | null>(null);
  /** Counts runs, so the answer of an earlier run's keepValid question is dropped. */
  const runs = useRef(0);
  const [inputKey, setInputKey] = useState(0);
  const [rejectsUrl, setRejectsUrl] = useState<string | null>(null);
  const rejectsUrlRef = useRef<string | null>(null);
  // The file itself was refused (a workbook rather than a CSV): the message belongs to the file field.
  const fileRefused = error !== null && error.field === 'contentBase64';

  // Focus follows each step (see focusAfter), once what it points at is on screen: every step is
  // a new object, so the effect runs once per step, not on other renders.
  const [step, setStep] = useState<ImportStep>({ kind: 'arrived' });
  useEffect(() => {
    document.getElementById(importFocusIds[focusAfter(step)])?.focus();
  }, [step]);

  // One Blob URL for the current report's rejects; the previous one is freed when replaced.
  const showReport = (next: Report | null) => {
    runs.current += 1;
    setReport(next);
    setWouldBe(null);
    if (rejectsUrlRef.current) URL.revokeObjectURL(rejectsUrlRef.current);
    rejectsUrlRef.current = next?.rejectsCsvBase64
      ? URL.createObjectURL(new Blob([base64ToBytes(next.rejectsCsvBase64)], { type: 'text/csv' }))
      : null;
    setRejectsUrl(rejectsUrlRef.current);
  };

  const pick = async (picked: File | undefined) => {
    showReport(null);
    setInspection(null);
    setError(null);
    setFile(null);
    if (!picked) return;
    setBusy('reading');
    const contentBase64 = arrayBufferToBase64(await picked.arrayBuffer());
    const next = { fileName: picked.name, contentBase64 };
    const result = await client.request('leads.inspectImport', next);
    setBusy(null);
    setStep({ kind: 'picked', ok: result.ok });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setFile(next);
    setInspection(result.value);
    setMapping(result.value.suggestedMapping);
  };

  const run = async (dryRun: boolean) => {
    if (!file || !inspection) return;
    setBusy('running');
    setError(null);
    setProgress(null);
    // Tells this import's events from another window's; not a secret.
    const progressId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    const off = client.on('leads.importProgress', (event) =>
      setProgress((current) => nextProgress(current, event, progressId)),
    );
    const result = await client
      .request('leads.import', {
        ...file,
        format: inspection.format,
        ...(inspection.format === 'csv' && { mapping: cleanMapping(mapping) }),
        keepValid,
        dryRun,
        progressId,
      })
      .finally(off);
    setBusy(null);
    setStep({ kind: 'ran', ok: result.ok });
    if (!result.ok) return setError(result.error);
    showReport(result.value);
    if (!asksWhatKeepValidWouldDo(result.value, keepValid)) return;
    // A refused report counts nothing: ask core what the box would change (a dry run writes nothing).
    const thisRun = runs.current;
    setWouldBe('asking');
    const answer = await client.request('leads.import', {
      ...file,
      format: inspection.format,
      ...(inspection.format === 'csv' && { mapping: cleanMapping(mapping) }),
      keepValid: true,
      dryRun: true,
    });
    if (thisRun === runs.current) setWouldBe(answer.ok ? answer.value : null);
  };

  const restart = () => {
    setFile(null);
    setInspection(null);
    showReport(null);
    setError(null);
    setInputKey((k) => k + 1);
    setStep({ kind: 'restarted' });
  };

  const finished = report && !report.dryRun && !report.refused;

  return (
    <div className="import">
      <a className="back-link" href={leadsListHref(listMemory.search)}>
        ← {t('leads.import.back')}
      </a>
      <h2>{t('leads.importFile')}</h2>

      {!finished && (
        <section className="settings-section">
          <div className="field">
            <label htmlFor="import-file">{t('leads.import.file')}</label>
            <input
              key={inputKey}
              id={importFocusIds.file}
              type="file"
              accept=".csv,.txt,.tsv,.xml,.adf,text/csv,text/xml,application/xml"
              onChange={(event) => void pick(event.target.files?.[0])}
              {...(fileRefused && { 'aria-invalid': true, 'aria-describedby': 'import-error' })}
            />
          </div>
          {busy === 'reading' && <p className="form-status">{t('leads.import.reading')}</p>}
        </section>
      )}

      {error && (
        <p id={importFocusIds.error} className="form-error" role="alert" tabIndex={-1}>
          <ServerErrorMessage error={error} />
        </p>
      )}

      {inspection && file && !finished && (
        <>
          <Detected inspection={inspection} />
          {inspection.format === 'csv' ? (
            <MappingStep inspection={inspection} mapping={mapping} onMapping={setMapping} />
          ) : (
            <p className="note">{t('leads.import.adfNoMapping')}</p>
          )}
          <section className="settings-section">
            <label className="checkbox">
              <input type="checkbox" checked={keepValid} onChange={(event) => setKeepValid(event.target.checked)} />
              {t('leads.import.keepValid')}
            </label>
            <div className="form-actions">
              <button type="button" className="button" disabled={busy !== null} onClick={() => void run(true)}>
                {t('leads.import.dryRun')}
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={busy !== null}
                onClick={() => void run(false)}
              >
                {t('leads.import.run')}
              </button>
              {busy === 'running' && <ProgressStatus progress={progress} />}
            </div>
          </section>
        </>
      )}

      {report && <ReportView report={report} rejectsUrl={rejectsUrl} keepValid={keepValid} wouldBe={wouldBe} />}
      {finished && (
        <div className="form-actions">
          <a className="button button-primary" href={leadsListHref()}>
            {t('leads.import.report.toList')}
          </a>
          <button type="button" className="button" onClick={restart}>
            {t('leads.import.another')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Every column travels, unmapped ones as an explicit "ignore" (an absent column would be guessed again). */
function ProgressStatus({ progress }: { progress: ImportProgress | null }) {
  const { t, i18n } = useTranslation();
  const view = progressView(progress);
  return (
    <span className="import-progress">
      <progress
        aria-label={t('leads.import.progress.label')}
        max={1}
        {...(view.share !== undefined ? { value: view.share } : {})}
      />
      <span className="form-status">
        {t(`leads.import.progress.${view.text}`, {
          percent: view.share !== undefined ? formatPercent(view.share, i18n.language) : '',
        })}
      </span>
    </span>
  );
}

const cleanMapping = (mapping: ColumnMapping): ColumnMapping =>
  Object.fromEntries(Object.entries(mapping).map(([header, target]) => [header, target === '' ? IGNORE : target]));

function separatorName(separator: string | undefined, t: TFunction): string {
  if (separator === ';') return t('leads.import.separators.semicolon');
  if (separator === ',') return t('leads.import.separators.comma');
  if (separator === '\t') return t('leads.import.separators.tab');
  return t('leads.import.separators.other', { char: separator ?? '' });
}

function Detected({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation();
  return (
    <section className="settings-section" aria-labelledby={importFocusIds.detected}>
      <h3 id={importFocusIds.detected} tabIndex={-1}>
        {t('leads.import.detected')}
      </h3>
      <dl className="facts facts-inline">
        <div className="fact">
          <dt>{t('leads.import.format')}</dt>
          <dd>{inspection.format.toUpperCase()}</dd>
        </div>
        {inspection.encoding && (
          <div className="fact">
            <dt>{t('leads.import.encoding')}</dt>
            <dd>{inspection.encoding}</dd>
          </div>
        )}
        {inspection.format === 'csv' && (
          <div className="fact">
            <dt>{t('leads.import.separator')}</dt>
            <dd>{separatorName(inspection.separator, t)}</dd>
          </div>
        )}
      </dl>
      {inspection.headers.length > 0 && (
        <div className="table-scroll">
          <table className="issues preview">
            <caption>{t('leads.import.preview')}</caption>
            <thead>
              <tr>
                {inspection.headers.map((header, index) => (
                  <th key={index} scope="col">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {inspection.sampleRows.slice(0, 5).map((row, r) => (
                <tr key={r}>
                  {inspection.headers.map((_, c) => (
                    <td key={c}>{row[c] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

type Preset = RequestOutput<'leads.mappingPresets'>[number];

function MappingStep({
  inspection,
  mapping,
  onMapping,
}: {
  inspection: Inspection;
  mapping: ColumnMapping;
  onMapping: (mapping: ColumnMapping) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const idBase = useId();
  const [presets, setPresets] = useState<Preset[]>([]);
  const [presetName, setPresetName] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const options = useMemo(() => targetOptions(inspection.suggestedMapping), [inspection]);

  useEffect(() => {
    let live = true;
    void client.request('leads.mappingPresets', {}).then((result) => {
      if (live && result.ok) setPresets(result.value);
    });
    return () => {
      live = false;
    };
  }, [client]);

  const applyPreset = (name: string) => {
    const preset = presets.find((p) => p.name === name);
    if (!preset) return;
    // A preset may name columns this file lacks; keep only this file's headers.
    onMapping(Object.fromEntries(inspection.headers.map((h) => [h, preset.mapping[h] ?? ''])));
  };

  const savePreset = async () => {
    if (presetName.trim() === '') {
      setStatus(t('leads.import.presets.needName'));
      return;
    }
    const result = await client.request('leads.saveMappingPreset', {
      name: presetName.trim(),
      mapping: cleanMapping(mapping),
    });
    if (result.ok) {
      setPresets(result.value);
      setStatus(t('leads.import.presets.saved'));
    } else setStatus(t(`errors.${result.error.code}`));
  };

  const label = (id: string) => (isKnownTarget(id) ? t(`leads.import.targets.${id}`) : id);

  return (
    <section className="settings-section" aria-labelledby="import-mapping">
      <h3 id="import-mapping">{t('leads.import.mapping')}</h3>
      <p className="field-hint">{t('leads.import.mappingHint')}</p>
      <div className="preset-bar">
        <div className="field">
          <label htmlFor="import-preset">{t('leads.import.presets.label')}</label>
          <select
            id="import-preset"
            value=""
            onChange={(event) => applyPreset(event.target.value)}
            disabled={presets.length === 0}
          >
            <option value="">{t('leads.import.presets.choose')}</option>
            {presets.map((preset) => (
              <option key={preset.name} value={preset.name}>
                {preset.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-preset-name">{t('leads.import.presets.name')}</label>
          <input
            id="import-preset-name"
            maxLength={100}
            value={presetName}
            onChange={(event) => setPresetName(event.target.value)}
          />
        </div>
        <button type="button" className="button" onClick={() => void savePreset()}>
          {t('leads.import.presets.save')}
        </button>
      </div>
      <p className="form-status" aria-live="polite">
        {status}
      </p>
      <div className="mapping-grid">
        {inspection.headers.map((header, index) => {
          const id = `${idBase}-col-${index}`;
          return (
            <div className="field" key={index}>
              <label htmlFor={id}>{t('leads.import.columnLabel', { column: header })}</label>
              <select
                id={id}
                value={mapping[header] === IGNORE ? '' : (mapping[header] ?? '')}
                onChange={(event) => onMapping({ ...mapping, [header]: event.target.value })}
              >
                <option value="">{t('leads.import.ignore')}</option>
                {options.map((target) => (
                  <option key={target} value={target}>
                    {label(target)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </section>
  );
}

function ReportView({
  report,
  rejectsUrl,
  keepValid,
  wouldBe,
}: {
  report: Report;
  rejectsUrl: string | null;
  /** The box as it is now, perhaps ticked since this report. */
  keepValid: boolean;
  /** For a refused report: the same file's dry run with the box ticked. */
  wouldBe: Report | 'asking' | null;
}) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatCount(value, i18n.language);
  const rejectsName = `${report.file.replace(/\.[^.]+$/, '')}-rejets.csv`;
  const wouldText =
    wouldBe === 'asking'
      ? t('leads.import.report.ifKeepValid.asking')
      : wouldBe && keepValidWouldText(wouldBe, looseT(t), i18n.language);
  return (
    <section className="settings-section report" aria-labelledby={importFocusIds.report} role="region">
      <h3 id={importFocusIds.report} tabIndex={-1}>
        {t(`leads.import.report.${reportTitleKey(report)}`)}
      </h3>
      {report.refused && (
        <p className="note-warning" role="alert">
          {t(`leads.import.report.${refusedAdvice(keepValid)}`, { box: t('leads.import.keepValid') })}
        </p>
      )}
      {report.refused && (
        <p className="note" aria-live="polite">
          {wouldText}
        </p>
      )}
      <dl className="report-figures">
        {reportFigures(report).map((key) => (
          <div key={key} className="figure">
            <dt>{t(`leads.import.report.${key}`)}</dt>
            <dd>{n(report[key])}</dd>
          </div>
        ))}
        <div className={report.rejected.length > 0 ? 'figure figure-bad' : 'figure'}>
          <dt>{t('leads.import.report.rejected')}</dt>
          <dd>{n(report.rejected.length)}</dd>
        </div>
      </dl>
      {report.merged + report.unchanged > 0 && <p className="field-hint">{t('leads.import.report.matchedHint')}</p>}
      {rejectsUrl && (
        <p>
          <a href={rejectsUrl} download={rejectsName}>
            {t('leads.import.report.downloadRejects')}
          </a>
        </p>
      )}
      {report.rejected.length > 0 && (
        <div className="table-scroll">
          <table className="issues">
            <caption>{t('leads.import.report.rejectsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('leads.import.report.line')}</th>
                <th scope="col">{t('leads.import.report.column')}</th>
                <th scope="col">{t('leads.import.report.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((reject, index) => (
                <tr key={index}>
                  <td>{reject.line}</td>
                  <td>{reject.column ?? ''}</td>
                  <td>{rejectText(reject, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.warnings.length > 0 && (
        <>
          <h4>{t('leads.import.report.warnings')}</h4>
          <ul>
            {report.warnings.map((warning, index) => (
              <li key={index}>
                {t('leads.import.report.lineMessage', {
                  line: warning.line,
                  message: importWarningText(warning, i18n.language),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
