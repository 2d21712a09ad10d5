import type { z } from 'zod';
import type { dialerEvents, dialerRequests } from '../../shared/domain/dialer';

export type DialerEventName = keyof typeof dialerEvents;
export type DialerEventPayload<E extends DialerEventName> = z.output<(typeof dialerEvents)[E]>;
/** core's event bus, for the dialer's events. */
export type DialerEmit = <E extends DialerEventName>(event: E, payload: DialerEventPayload<E>) => void;

export type DialerRequestName = keyof typeof dialerRequests;
export type DialerInput<M extends DialerRequestName> = z.output<(typeof dialerRequests)[M]['input']>;
export type DialerOutput<M extends DialerRequestName> = z.output<(typeof dialerRequests)[M]['output']>;
export type DialerHandlers = {
  [M in DialerRequestName]: (input: DialerInput<M>) => Promise<DialerOutput<M>> | DialerOutput<M>;
};
