import { useCallback, useMemo, useState } from 'react';
import { NewLeadView } from './create/NewLeadView';
import { LeadDetailView } from './detail/LeadDetailView';
import { ImportView } from './import/ImportView';
import { LeadsContext, type LeadsContextValue, type Toast } from './leads-context';
import { parseLeadsHash } from './leads-route';
import { LeadsListView } from './list/LeadsListView';
import { ToastRegion } from './ToastRegion';
import { useHash } from './useHash';

/** Everything under `#/leads`: list, lead, new lead, import; plus the toast that outlives a view (undo). */
export function LeadsArea({ region }: { region: string }) {
  const hash = useHash();
  const route = useMemo(() => parseLeadsHash(hash), [hash]);
  const [toast, setToast] = useState<Toast | null>(null);
  const showToast = useCallback((next: Toast) => setToast(next), []);
  const context = useMemo<LeadsContextValue>(() => ({ region, showToast }), [region, showToast]);

  return (
    <LeadsContext value={context}>
      {route.view === 'list' && <LeadsListView search={route.search} />}
      {route.view === 'detail' && <LeadDetailView key={route.id} id={route.id} />}
      {route.view === 'new' && <NewLeadView />}
      {route.view === 'import' && <ImportView />}
      <ToastRegion toast={toast} onClose={() => setToast(null)} onToast={setToast} />
    </LeadsContext>
  );
}
