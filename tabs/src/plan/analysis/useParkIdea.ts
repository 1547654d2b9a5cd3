import { useState } from 'react';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { useSaver } from '../../shared/formKit';
import { savedNow, type SavedInfo } from '../../shared/SavedNote';
import { networkApi } from '../../shell/networkApi';

/** Whether an idea with this text is on the parking lot already (a note parked once shows as parked). */
export const isParked = (plan: PlanView, text: string) => plan.ideas.some((idea) => idea.text.trim() === text.trim());

/**
 * "Lav en planche, hvor deltagerne kan parkere deres idéer" (the handbook): POST …/ideas, tied to the closing meeting when
 * there is one (that is where the analysis happens), so the idea shows in that meeting's material and on the card.
 * Each place that parks (a note, the free-text form) has a key: the confirmation and a failure are shown at that place.
 */
export function useParkIdea(plan: PlanView, after: () => Promise<void>) {
  const { api, t } = useApp();
  const saver = useSaver(['text', 'owner']);
  const [parking, setParking] = useState<string>();
  /** Where the last park was asked for: its failure is shown there. */
  const [lastKey, setLastKey] = useState<string>();
  const closing = plan.meetings.find((m) => m.closing);

  /**
   * Parks the idea, with its owner (a participant's row) at once when one is chosen. Returns what to confirm beside
   * the button ("Idéen „…“ er parkeret med Lis som tovholder. Gemt kl. 14.32"), or nothing when it did not go through.
   */
  const park = async (text: string, key = text, ownerId?: string): Promise<SavedInfo | undefined> => {
    setParking(key);
    setLastKey(key);
    let owner: string | undefined;
    const ok = await saver.run(async () => {
      const idea = await networkApi(api, plan.network.id).ideas.create({
        text: text.trim(),
        ...(closing ? { meetingId: closing.id } : {}),
        ...(ownerId ? { owner: { participantId: ownerId } } : {}),
      });
      owner = idea.owner?.name;
      await after();
    });
    setParking(undefined);
    if (!ok) return undefined;
    return savedNow(owner ? t('tab.analysis.ideas.parkedWithOwner', { text: text.trim(), name: owner }) : t('tab.analysis.ideas.parked', { text: text.trim() }));
  };

  /** What went wrong when parking from this place, if the last park was from here. */
  const failureAt = (key: string) => (lastKey === key ? saver.failure : undefined);

  return { park, parking, failureAt, clear: saver.clear };
}
