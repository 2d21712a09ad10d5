import { useCallback, useEffect, useState } from 'react';
import type { StoreProblem } from '../../shared/domain/store-problem';
import { useConnection } from '../app/connection-context';
import { mergeProblems, problemKey } from './describe-problem';

/** Store problems of this run, listed at start (and after a reconnect) and pushed as they happen; minus those dismissed. */
export function useStoreProblems(): { problems: StoreProblem[]; dismiss: (problem: StoreProblem) => void } {
  const { client, onReconnected } = useConnection();
  const [problems, setProblems] = useState<StoreProblem[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());

  useEffect(() => {
    let live = true;
    const load = () => {
      void client.request('store.problems', {}).then((result) => {
        if (live && result.ok) setProblems((current) => mergeProblems(current, result.value));
      });
    };
    // Subscribe first so a problem found between the list and the subscription isn't missed.
    const off = client.on('store.problem', (problem) => {
      if (live) setProblems((current) => mergeProblems(current, [problem]));
    });
    load();
    const offReconnected = onReconnected(load);
    return () => {
      live = false;
      off();
      offReconnected();
    };
  }, [client, onReconnected]);

  const dismiss = useCallback(
    (problem: StoreProblem) => setDismissed((current) => new Set([...current, problemKey(problem)])),
    [],
  );
  return { problems: problems.filter((problem) => !dismissed.has(problemKey(problem))), dismiss };
}
