import { useMemo } from 'react';
import { useApp } from './AppContext';
import { networkApi, type NetworkApi } from './networkApi';

/** The typed client for one network, with the page's identity and language (AppContext). */
export function useNetworkApi(networkId: string): NetworkApi {
  const { api } = useApp();
  return useMemo(() => networkApi(api, networkId), [api, networkId]);
}
