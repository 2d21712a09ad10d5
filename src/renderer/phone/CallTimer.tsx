import { callClock, formatDuration } from './call-format';
import type { PhoneCall } from './engine/types';
import { useNow } from './useNow';

export function CallTimer({ call }: { call: PhoneCall }) {
  const now = useNow(call.state !== 'ended');
  return (
    <span className="call-timer mono" role="timer">
      {formatDuration(callClock(call, now))}
    </span>
  );
}
