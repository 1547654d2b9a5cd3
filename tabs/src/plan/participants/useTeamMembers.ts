import { useEffect, useState } from 'react';
import { useApp } from '../../shell/AppContext';
import { networkApi, type TeamMember } from '../../shell/networkApi';

export type { TeamMember };

/**
 * The members of the network's team, for linking a participant to a Teams user; only leaders may ask, so only
 * they do. An empty list (no team yet, standalone, or the list could not be loaded) means: type the id instead.
 */
export function useTeamMembers(networkId: string, canEdit: boolean): TeamMember[] {
  const { api } = useApp();
  const [members, setMembers] = useState<TeamMember[]>([]);
  useEffect(() => {
    if (!canEdit) return;
    let current = true;
    networkApi(api, networkId)
      .teamMembers()
      .then((list) => current && setMembers(list))
      .catch(() => current && setMembers([]));
    return () => {
      current = false;
    };
  }, [api, networkId, canEdit]);
  return members;
}
