import { useState } from 'react';
import type { Agenda, Meeting } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { useBaseEtag, useSaver } from '../../shared/formKit';
import { ApiError } from '../../shell/api';
import { agendaBody, draftOf, itemErrors, parseDays, sameDraft, serverItemErrors, type AgendaDraft, type ItemErrors } from './agendaDraft';
import { useNetworkApi } from '../../shell/useNetworkApi';

const FIELDS = ['daysBeforeToPost', 'preparation'] as const;

export interface DraftErrors {
  items: ItemErrors;
  days?: string;
}

/**
 * One meeting's agenda being edited: the draft (kept through a conflict), what is wrong with it, and saving it —
 * PUT …/agenda with the agenda's ETag, then PATCH the meeting's preparation with the meeting's ETag if it changed.
 */
export function useAgendaDraft(plan: PlanView, meeting: Meeting, reload: () => Promise<void>) {
  const { t } = useApp();
  const saved = plan.agendas.find((a) => a.meetingId === meeting.id);
  const current = plan.meetings.find((m) => m.id === meeting.id) ?? meeting;
  const [draft, setDraft] = useState<AgendaDraft>(() => draftOf(saved, current));
  const [baseline, setBaseline] = useState(draft);
  const [errors, setErrors] = useState<DraftErrors>({ items: {} });
  const saver = useSaver(FIELDS);
  const agendaEtag = useBaseEtag(saved?.etag);
  const meetingEtag = useBaseEtag(current.etag);
  const client = useNetworkApi(plan.network.id).meeting(meeting.id);

  const validate = (): boolean => {
    const items = itemErrors(draft.items, {
      time: t('tab.meetings.field.time.invalid'),
      content: t('validation.required'),
      tooLong: (max) => t('validation.tooLong', { max }),
    });
    const days = parseDays(draft.days) === undefined ? t('tab.agenda.days.invalid') : undefined;
    setErrors({ items, days });
    return !days && Object.keys(items).length === 0;
  };

  const save = async (): Promise<boolean> => {
    if (!validate()) return false;
    const preparation = draft.preparation.trim();
    let stored: Agenda | undefined;
    let onCells = new Set<string>();
    const ok = await saver.run(async () => {
      try {
        stored = await client.agenda.save(agendaBody(draft), agendaEtag.base);
      } catch (error) {
        // A row the server refused: its message goes to the cell, as the tab's own checks do.
        if (error instanceof ApiError && !error.isConflict) {
          const items = serverItemErrors(draft, error.details);
          onCells = new Set(Object.values(items).flatMap((cells) => Object.values(cells)));
          if (onCells.size) setErrors((previous) => ({ ...previous, items }));
        }
        throw error;
      }
      agendaEtag.reset(stored.etag);
      if (preparation !== baseline.preparation.trim()) {
        const updated = await client.patch({ preparation }, meetingEtag.base);
        meetingEtag.reset(updated.etag);
      }
      await reload();
    });
    if (!ok && onCells.size) saver.setFailure((failure) => failure && { ...failure, other: failure.other.filter((message) => !onCells.has(message)) });
    if (ok && stored) {
      const next = draftOf(stored, { ...current, preparation });
      setDraft(next);
      setBaseline(next);
    }
    return ok;
  };

  return {
    draft,
    setDraft,
    errors,
    dirty: !sameDraft(draft, baseline),
    save,
    saving: saver.saving,
    failure: saver.failure,
    savedAt: saver.savedAt,
    /** Back to what is saved. */
    reset: () => {
      setDraft(baseline);
      setErrors({ items: {} });
      saver.clear();
    },
    /** After a conflict: the latest version's ETags; the draft stays, ready to be saved again. */
    reloadLatest: async () => {
      await reload();
      agendaEtag.rebase();
      meetingEtag.rebase();
      saver.clear();
    },
    /** The meeting's paths (AgendaPreview fetches its preview by path) and the agenda's typed calls ("post now"). */
    paths: client.paths,
    agendaApi: client.agenda,
  };
}

export type AgendaDraftState = ReturnType<typeof useAgendaDraft>;
