import { useCallback, useEffect, useRef, useState } from 'react';
import type { SendRecord } from '../../shell/networkApi';
import { useNetworkApi } from '../../shell/useNetworkApi';
import { lastSendOf, type SendKind } from '../../../../bot/sending/view';

/** How often the tab looks again while a send is under way (Teams asked the bot to wait). */
const FOLLOW_MS = 2_000;

/**
 * The last send of these kinds to the channel (the agenda of one meeting, or the idea lot) from GET …/sends, so its
 * outcome is still on screen after a reload; followed every few seconds while it is under way, until it ends.
 */
export function useChannelSend(networkId: string, kinds: readonly SendKind[], meetingId?: string) {
  const client = useNetworkApi(networkId);
  const [sends, setSends] = useState<SendRecord[]>([]);
  const [loaded, setLoaded] = useState(false);
  const kindsKey = kinds.join(' ');
  const alive = useRef(true);
  const refresh = useCallback(async () => {
    try {
      const kinds = kindsKey.split(' ') as SendKind[];
      const all = await client.sends(meetingId);
      if (alive.current) setSends(all.filter((send) => kinds.includes(send.kind) && (meetingId === undefined || send.meetingId === meetingId)));
    } catch {
      // The send's own answer (or the next look) says how it went; a failed look changes nothing on screen.
    } finally {
      if (alive.current) setLoaded(true);
    }
  }, [client, kindsKey, meetingId]);

  useEffect(() => {
    alive.current = true;
    void refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh]);

  const last = lastSendOf(sends, kinds, meetingId);
  // Under way (asked for now, or retrying after Teams said wait): look again until it has ended.
  const underWay = !!last && last.state !== 'done' && (last.onDemand || last.attempts > 0 || last.state === 'running');
  useEffect(() => {
    if (!underWay) return;
    const timer = setInterval(() => void refresh(), FOLLOW_MS);
    return () => clearInterval(timer);
  }, [underWay, refresh]);

  return { last, sends, loaded, refresh };
}
