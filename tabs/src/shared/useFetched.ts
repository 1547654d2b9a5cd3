import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../shell/AppContext';

/**
 * A read-only view the API builds (the plenary view, the analysis material): fetched when the path changes, again on
 * `refresh()`. The last answer stays on screen while a refresh runs.
 */
export function useFetched<T>(path: string) {
  const { api } = useApp();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const refresh = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.get<T>(path));
      setError(undefined);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setLoading(false);
    }
  }, [api, path]);
  useEffect(() => void refresh(), [refresh]);
  return { data, error, loading, refresh };
}
