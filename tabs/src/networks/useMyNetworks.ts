import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../shell/AppContext';
import type { NetworkEntry } from './networkDraft';
import { networksApi } from '../shell/networkApi';

/** GET /api/networks (optionally only the channel's): the caller's networks with their role. `skip` asks nothing. */
export function useMyNetworks(channelId?: string, skip = false) {
  const { api, me } = useApp();
  const [networks, setNetworks] = useState<NetworkEntry[]>();
  const [error, setError] = useState<Error>();
  const load = useCallback(async () => {
    if (skip) return;
    try {
      setNetworks(await networksApi(api).list(channelId));
      setError(undefined);
    } catch (failure) {
      setError(failure as Error);
    }
  }, [api, channelId, skip, me.identity.userId]);
  useEffect(() => void load(), [load]);
  return { networks, error, reload: load };
}
