import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../shared/domain/settings';
import { useClient } from '../app/connection-context';
import { usePhoneSnapshot } from '../phone/phone-context';
import { ignoredNotice } from './IgnoredValueNotice';
import { useMicrophoneLevel } from './useMicrophoneLevel';

type DeviceField = 'microphoneId' | 'speakerId' | 'ringerId';
const fields: { field: DeviceField; kind: MediaDeviceKind; label: 'microphone' | 'speaker' | 'ringer' }[] = [
  { field: 'microphoneId', kind: 'audioinput', label: 'microphone' },
  { field: 'speakerId', kind: 'audiooutput', label: 'speaker' },
  { field: 'ringerId', kind: 'audiooutput', label: 'ringer' },
];

/**
 * Microphone, speaker and ringer, saved as soon as chosen (the phone switches during a call).
 * A device that is gone stays listed as chosen so plugging the headset back in restores it.
 */
export function AudioSection({ view, onView }: { view: SettingsView; onView: (view: SettingsView) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const { deviceFallback } = usePhoneSnapshot();
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const level = useMicrophoneLevel(view.values.audio.microphoneId);

  useEffect(() => {
    const media = navigator.mediaDevices;
    if (!media) return;
    const load = () => void media.enumerateDevices().then(setDevices, () => setDevices([]));
    load();
    media.addEventListener('devicechange', load);
    return () => media.removeEventListener('devicechange', load);
  }, [level.allowed]);

  const choose = async (field: DeviceField, id: string) => {
    const result = await client.request('settings.update', { audio: { [field]: id } });
    if (result.ok) onView(result.value);
  };
  const labelsHidden = devices.length > 0 && devices.every((device) => device.label === '');

  return (
    <fieldset className="settings-section audio-section">
      <legend>{t('settings.sections.audio')}</legend>
      {fields.map(({ field, kind, label }) => {
        const chosen = view.values.audio[field];
        const options = devices.filter((device) => device.kind === kind && device.deviceId !== 'default');
        const missing = chosen !== '' && !options.some((device) => device.deviceId === chosen);
        const locked = view.locked.includes(`audio.${field}`);
        const { notice, describedBy } = ignoredNotice(`audio.${field}`, `audio-${field}`, view, onView);
        return (
          <div className="field" key={field}>
            <label htmlFor={`audio-${field}`}>{t(`settings.fields.${label}.label`)}</label>
            <select
              id={`audio-${field}`}
              value={chosen}
              disabled={locked}
              aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
              onChange={(event) => void choose(field, event.target.value)}
            >
              <option value="">{t('settings.fields.systemDefault')}</option>
              {options.map((device, i) => (
                <option key={device.deviceId} value={device.deviceId}>
                  {device.label || `${t(`settings.fields.${label}.label`)} ${i + 1}`}
                </option>
              ))}
              {missing && <option value={chosen}>{chosen.slice(0, 12)}…</option>}
            </select>
            {notice}
            {(missing || deviceFallback?.kind === label) && (
              <p className="field-hint warning-text">{t('settings.fields.deviceMissing')}</p>
            )}
          </div>
        );
      })}
      <div className="field">
        <span id="mic-level-label">{t('settings.fields.level')}</span>
        {level.allowed ? (
          <meter
            className="mic-level"
            aria-labelledby="mic-level-label"
            min={0}
            max={1}
            low={0.05}
            high={0.8}
            optimum={0.3}
            value={level.value}
          />
        ) : (
          <button type="button" className="button" onClick={level.allow}>
            {t('settings.fields.allowMicrophone')}
          </button>
        )}
        {labelsHidden && <p className="field-hint">{t('settings.fields.noDeviceLabels')}</p>}
      </div>
    </fieldset>
  );
}
