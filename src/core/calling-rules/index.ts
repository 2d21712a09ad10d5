export { checkCall, checkVoicemailDrop, compileRules, isCallableNow, nextLegalTime } from './engine';
export type { CallContext, CallVerdict, NextLegal, VoicemailVerdict } from './engine';
export { resolveCalleeZone, placesFromAddress, placesFromNumber } from './callee-zone';
export type { CalleePlace, CalleeZone } from './callee-zone';
export { ruleSetJsonSchema, parseRuleSetFile } from './rule-set-file';
