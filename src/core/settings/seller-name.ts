import type { Locale, Settings } from '../../shared/domain/settings';

/** "Seller" in each UI language: the author and owner when no SIP display name is set. */
const DEFAULT_SELLER: Record<Locale, string> = { fr: 'Vendeur', en: 'Seller' };

export const defaultSellerName = (locale: Locale): string => DEFAULT_SELLER[locale];

/** The seller at this workstation: the SIP display name, else "Vendeur"/"Seller" in the settings' language. */
export function sellerName(settings: Pick<Settings, 'locale'> & { sip: Pick<Settings['sip'], 'displayName'> }): string {
  return settings.sip.displayName.trim() || defaultSellerName(settings.locale);
}
