import { CallsView } from '../calls/CallsView';

/** The Calls screen (`#/calls?…filters`); `region` reads national numbers (settings.defaultRegion). */
export function CallsPage({ region = 'FR' }: { region?: string }) {
  return <CallsView region={region} />;
}
