import type { CallQuality } from '../../shared/domain/call-record';
import type { Disposition } from '../../shared/domain/disposition';
import { gradeQuality } from '../phone/engine/quality';
import type { LiveQuality } from '../phone/engine/types';

/** SIP final statuses the Calls screen says in words (`calls.sip.<code>`); others show their number. */
export const namedSipStatuses = [200, 403, 404, 408, 480, 484, 486, 487, 488, 500, 503, 600, 603, 604] as const;

type NamedSipStatus = (typeof namedSipStatuses)[number];
export type SipStatusKey = `calls.sip.${NamedSipStatus}` | 'calls.sip.other';

const isNamed = (status: number): status is NamedSipStatus => (namedSipStatuses as readonly number[]).includes(status);

export function sipStatusKey(status: number | undefined): SipStatusKey | undefined {
  if (status === undefined) return undefined;
  return isNamed(status) ? `calls.sip.${status}` : 'calls.sip.other';
}

/** A disposition's label in the UI language (French unless English), or its id when unknown. */
export function dispositionLabel(set: readonly Disposition[], id: string | undefined, language: string): string {
  if (!id) return '';
  const found = set.find((d) => d.id === id);
  if (!found) return id;
  return language.startsWith('en') ? found.labels.en : found.labels.fr;
}

/** A stored quality summary with the grade the live indicator shows. */
export const withGrade = (quality: CallQuality): LiveQuality => ({ ...quality, grade: gradeQuality(quality) });

/** Talk time when answered; undefined for a call nobody picked up. */
export function talkMs(row: { answeredAt?: string | undefined; endedAt?: string | undefined }): number | undefined {
  if (!row.answeredAt || !row.endedAt) return undefined;
  return Math.max(0, Date.parse(row.endedAt) - Date.parse(row.answeredAt));
}
