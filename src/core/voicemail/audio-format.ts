import type { VoicemailFormat } from '../../shared/domain/voicemail';

// Shared so the page checks an imported file the same way before sending it.
export { sniffAudioFormat } from '../../shared/domain/voicemail';

const names: Record<VoicemailFormat, string> = { wav: 'WAV', mp3: 'MP3', ogg: 'Ogg', webm: 'WebM' };
export const formatName = (format: VoicemailFormat): string => names[format];
