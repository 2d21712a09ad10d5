import type { CallEvent } from '../../shared/domain/call-event';
import type { DialerService } from './dialer-service';
import type { DialerHandlers } from './events';
import type { RendererCallPlacer } from './renderer-placer';

/** The dialer, outcomes and calls requests (`dialerRequests` in src/shared/domain/dialer.ts). */
export function dialerHandlers(
  service: DialerService,
  placer: RendererCallPlacer,
): DialerHandlers & { 'calls.report': (event: CallEvent) => Promise<{ recorded: boolean; recordId?: string }> } {
  return {
    'calls.report': (event) => service.report(event),
    'calls.list': (query) => service.listCalls(query),
    'calls.setOutcome': (input) => service.setCallOutcome(input),
    'dispositions.list': () => service.dispositions(),
    'dispositions.update': ({ set }) => service.updateDispositions(set),
    'doNotCall.list': () => service.doNotCall(),
    'doNotCall.add': ({ number }) => service.addDoNotCall(number),
    'doNotCall.remove': ({ number }) => service.removeDoNotCall(number),
    'callbackLists.list': () => service.lists(),
    'callbackLists.get': (input) => service.list(input),
    'callbackLists.count': async ({ filter }) => ({ count: await service.countFilter(filter) }),
    'callbackLists.create': (input) => service.createList(input),
    'callbackLists.refresh': ({ id }) => service.refreshList(id),
    'callbackLists.delete': async ({ id }) => ({ deleted: await service.deleteList(id) }),
    'dialer.state': () => service.view(),
    'dialer.start': (input) => service.start(input),
    'dialer.callNow': () => service.callNow(),
    'dialer.skip': () => service.skip(),
    'dialer.pause': ({ phoneProblem }) => service.pause(phoneProblem),
    'dialer.resume': () => service.resume(),
    'dialer.stop': () => service.stop(),
    'dialer.saveOutcome': (input) => service.saveOutcome(input),
    'dialer.placeResult': (input) => ({ accepted: placer.settle(input) }),
  };
}
