import { createContext, useContext, useSyncExternalStore } from 'react';
import type { RelanceClient } from '../../shared/client';
import type { Connection, ConnectionState } from './connection';

export const ConnectionContext = createContext<Connection | null>(null);

export function useConnection(): Connection {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('useConnection outside ConnectionContext');
  return connection;
}

export const useClient = (): RelanceClient => useConnection().client;

export function useConnectionState(): ConnectionState {
  const connection = useConnection();
  return useSyncExternalStore(connection.subscribe, connection.getState);
}
