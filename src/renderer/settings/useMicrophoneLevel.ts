import { useCallback, useEffect, useState } from 'react';

/**
 * Live microphone level (0..1) while the settings page is open, so a seller can see the headset
 * picks them up before the first call. Asks for the microphone only when the user clicks.
 */
export function useMicrophoneLevel(deviceId: string): { allowed: boolean; value: number; allow: () => void } {
  const [allowed, setAllowed] = useState(false);
  const [value, setValue] = useState(0);

  const allow = useCallback(() => setAllowed(true), []);

  useEffect(() => {
    if (!allowed || !navigator.mediaDevices) return;
    let stopped = false;
    let stream: MediaStream | undefined;
    let context: AudioContext | undefined;
    let frame = 0;
    void navigator.mediaDevices
      .getUserMedia({ audio: deviceId ? { deviceId: { ideal: deviceId } } : true })
      .then((media) => {
        if (stopped) return media.getTracks().forEach((track) => track.stop());
        stream = media;
        context = new AudioContext();
        const analyser = context.createAnalyser();
        analyser.fftSize = 512;
        context.createMediaStreamSource(media).connect(analyser);
        const samples = new Float32Array(analyser.fftSize);
        const tick = () => {
          analyser.getFloatTimeDomainData(samples);
          let sum = 0;
          for (const sample of samples) sum += sample * sample;
          // RMS scaled so normal speech sits mid-meter.
          setValue(Math.min(1, Math.sqrt(sum / samples.length) * 4));
          frame = requestAnimationFrame(tick);
        };
        tick();
      })
      .catch(() => setAllowed(false));
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
      void context?.close();
    };
  }, [allowed, deviceId]);

  return { allowed, value, allow };
}
