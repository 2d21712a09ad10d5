import type { Core } from './app-core';

/** Enough to scroll, search and filter on a first look, and loaded in well under a second. */
export const DEMO_LEADS = 300;

/**
 * A newcomer's first look (`relance web --demo`, what scripts/start.sh runs): sample leads, with
 * their callbacks, on a data folder that has no leads and no SIP account. A folder someone works
 * in (an account set, or any lead) is never touched.
 */
export async function seedDemoData(
  core: Pick<Core, 'leads' | 'leadService' | 'settings'>,
  count = DEMO_LEADS,
): Promise<{ created: number; why?: 'account-set' | 'has-leads' }> {
  if (core.settings.current().sip.server !== '') return { created: 0, why: 'account-set' };
  if ((await core.leads).size > 0) return { created: 0, why: 'has-leads' };
  return core.leadService.loadSample(count);
}
