import { useCallback, useEffect, useState } from 'react';
import type { NetworkReach } from '../../shell/networkApi';
import { useNetworkApi } from '../../shell/useNetworkApi';

/**
 * GET …/reach for the leaders: whom the bot reaches and who not, and why. Fetched again when `version` changes
 * (the plan was reloaded after a change: a participant linked to Teams, the network linked to a channel).
 */
export function useReach(networkId: string, version?: unknown) {
  const client = useNetworkApi(networkId);
  const [reach, setReach] = useState<NetworkReach>();
  const [error, setError] = useState<string>();
  const refresh = useCallback(async () => {
    try {
      setReach(await client.reach());
      setError(undefined);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [client]);
  useEffect(() => void refresh(), [refresh, version]);
  return { reach, error, refresh };
}
