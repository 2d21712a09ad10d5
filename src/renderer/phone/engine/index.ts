// The softphone engine of a window: create it once and hand it to the phone panel.
export { createPhoneEngine } from './engine';
export type { DiagnosablePhoneEngine, PhoneEngineDeps, PhoneEngineDiagnostics } from './engine';
export type { GatheringReport } from './fast-sdh';
export type * from './types';
