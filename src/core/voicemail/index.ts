export { openVoicemailService, checkAudio, VOICEMAIL_DIR } from './voicemail-service';
export type { VoicemailService, VoicemailDeps, CallOfDrop } from './voicemail-service';
export { voicemailHandlers, type VoicemailHandlers } from './handlers';
export { callLookup } from './call-lookup';
export { sniffAudioFormat } from './audio-format';
export { markVoicemailLeftVia } from './dialer-outcome';
