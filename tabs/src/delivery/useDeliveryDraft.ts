import { useEffect, useMemo, useRef, useState } from 'react';
import type { Delivery, DeliveryStatus } from '@domain/model';
import { useApp } from '../shell/AppContext';
import type { PlanView } from '../shell/usePlan';
import { useBaseEtag, useSaver } from '../shared/formKit';
import { deliveryBody, draftErrors, draftOf, hasErrors, mergeDrafts, sameDraft, TEXT_FIELDS, type DeliveryDraft, type Errors } from './deliveryDraft';
import { useNetworkApi } from '../shell/useNetworkApi';


const NO_ERRORS: Errors = { recommendations: {}, who: {} };

/**
 * The delivery being edited: the draft (kept through a conflict), what is wrong with it, and saving it —
 * PUT …/delivery with the delivery's ETag once it exists. An untouched draft follows the saved version.
 */
export function useDeliveryDraft(plan: PlanView, reload: () => Promise<void>) {
  const { t } = useApp();
  const saved = plan.delivery;
  const baseline = useMemo(() => draftOf(saved), [saved?.etag]);
  const [draft, setDraft] = useState<DeliveryDraft>(baseline);
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  /** Which control asked for the last save: the form's Save button, or a step of the status stepper. */
  const [from, setFrom] = useState<'form' | 'status'>('form');
  const saver = useSaver(TEXT_FIELDS);
  const etag = useBaseEtag(saved?.etag);
  const client = useNetworkApi(plan.network.id).delivery;

  // The saved version moved on (this user's save, or the latest version after a conflict): what the user changed
  // stays, the rest follows the saved version — an untouched draft becomes the saved version.
  const previous = useRef(baseline);
  useEffect(() => {
    const before = previous.current;
    previous.current = baseline;
    if (before !== baseline) setDraft((current) => (sameDraft(current, before) ? baseline : mergeDrafts(before, current, baseline)));
  }, [baseline]);

  // Shown errors go away as the rows are fixed; new ones only appear on save.
  useEffect(() => {
    setErrors((shown) => (hasErrors(shown) ? stillWrong(shown, draftErrors(draft, { recommendation: '', who: '' })) : shown));
  }, [draft]);

  const validate = (next: DeliveryDraft): boolean => {
    const found = draftErrors(next, { recommendation: t('tab.delivery.recommendationRequired'), who: t('tab.delivery.whoRequired') });
    setErrors(found);
    return !hasErrors(found);
  };

  /** Saves the draft (with a new status, when one is given); false when something is wrong or the save failed. */
  const save = async (newStatus?: DeliveryStatus): Promise<boolean> => {
    const status = newStatus ?? saved?.status ?? 'draft';
    setFrom(newStatus ? 'status' : 'form');
    if (!validate(draft)) return false;
    let stored: Delivery | undefined;
    const ok = await saver.run(async () => {
      stored = await client.save(deliveryBody(draft, status), etag.base);
      etag.reset(stored.etag);
      await reload();
    });
    if (ok && stored) setDraft(draftOf(stored));
    return ok;
  };

  return {
    draft,
    setDraft,
    errors,
    status: saved?.status ?? 'draft',
    saved,
    dirty: !sameDraft(draft, baseline),
    save,
    saving: saver.saving,
    failure: saver.failure,
    savedAt: saver.savedAt,
    /** Where the last save (and its failure) was asked for: its outcome is shown there. */
    savedFrom: from,
    /** Back to what is saved. */
    reset: () => {
      setDraft(baseline);
      setErrors(NO_ERRORS);
      saver.clear();
    },
    /** After a conflict: the latest version's ETag; the draft stays, ready to be saved again. */
    reloadLatest: async () => {
      await reload();
      etag.rebase();
      saver.clear();
    },
    /** GET …/delivery/draft: what the summaries and the prioritised analysis suggest. */
    suggestion: client.suggestion,
  };
}

/** The shown errors that still apply (with the messages shown). */
function stillWrong(shown: Errors, still: Errors): Errors {
  const keep = (messages: Record<string, string>, keys: Record<string, string>) =>
    Object.fromEntries(Object.entries(messages).filter(([key]) => key in keys));
  return { recommendations: keep(shown.recommendations, still.recommendations), who: keep(shown.who, still.who) };
}

export type DeliveryDraftState = ReturnType<typeof useDeliveryDraft>;
