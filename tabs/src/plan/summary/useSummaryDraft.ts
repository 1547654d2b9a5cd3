import { useState } from 'react';
import type { Meeting, Summary } from '@domain/model';
import type { PlanView } from '../../shell/usePlan';
import { useBaseEtag, useSaver } from '../../shared/formKit';
import { SUMMARY_FIELDS, draftOf, sameDraft, summaryBody, type SummaryDraft } from './fields';
import { useNetworkApi } from '../../shell/useNetworkApi';

/**
 * One meeting's joint summary being edited: the draft (kept through a conflict) and saving it with PUT …/summary —
 * no ETag the first time (a concurrent first save gets 409), the summary's ETag after that.
 */
export function useSummaryDraft(plan: PlanView, meeting: Meeting, reload: () => Promise<void>) {
  const saved = plan.summaries.find((s) => s.meetingId === meeting.id);
  const [draft, setDraft] = useState<SummaryDraft>(() => draftOf(saved));
  const [baseline, setBaseline] = useState(draft);
  const saver = useSaver(SUMMARY_FIELDS);
  const etag = useBaseEtag(saved?.etag);
  const client = useNetworkApi(plan.network.id).meeting(meeting.id).summary;

  const save = async (): Promise<boolean> => {
    let stored: Summary | undefined;
    const ok = await saver.run(async () => {
      stored = await client.save(summaryBody(draft), etag.base);
      etag.reset(stored.etag);
      await reload();
    });
    if (ok && stored) {
      const next = draftOf(stored);
      setDraft(next);
      setBaseline(next);
    }
    return ok;
  };

  return {
    draft,
    set: (field: keyof SummaryDraft, value: string) => setDraft((d) => ({ ...d, [field]: value })),
    dirty: !sameDraft(draft, baseline),
    saved: baseline,
    save,
    saving: saver.saving,
    failure: saver.failure,
    savedAt: saver.savedAt,
    /** Back to what is saved. */
    reset: () => {
      setDraft(baseline);
      saver.clear();
    },
    /** After a conflict: the latest version's ETag; the draft stays, ready to be saved again. */
    reloadLatest: async () => {
      await reload();
      etag.rebase();
      saver.clear();
    },
  };
}

export type SummaryDraftState = ReturnType<typeof useSummaryDraft>;
