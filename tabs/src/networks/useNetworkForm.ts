import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp } from '../shell/AppContext';
import {
  NETWORK_FIELDS, createBody, draftErrors, emptyDraft, fieldErrorsFrom,
  type ChannelRef, type NetworkDraft, type NetworkEntry, type NetworkFieldErrors,
} from './networkDraft';
import { networksApi } from '../shell/networkApi';

/** State and submit of the "new network" form, shared by My networks and the tab's config page. */
export function useNetworkForm() {
  const { api, t, locale } = useApp();
  const [draft, setDraft] = useState<NetworkDraft>(() => emptyDraft());
  const [errors, setErrors] = useState<NetworkFieldErrors>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusFirstError, setFocusFirstError] = useState(0);

  // After a refused submit, the keyboard user lands on the first field that needs attention.
  useEffect(() => {
    if (!focusFirstError) return;
    formRef.current?.querySelector<HTMLElement>('input[aria-invalid="true"], [aria-invalid="true"] input')?.focus();
  }, [focusFirstError]);

  const onChange = useCallback(
    (next: NetworkDraft) => {
      // A field the user touches again loses its old complaint.
      const changed = (field: string) => next[field as keyof NetworkDraft] !== draft[field as keyof NetworkDraft];
      setErrors((old) => Object.fromEntries(Object.entries(old).filter(([field]) => !changed(field))));
      setDraft(next);
    },
    [draft],
  );

  /** POST /api/networks; throws (with the fields marked) when the user or the server says no. */
  const create = useCallback(
    async (channel?: ChannelRef): Promise<NetworkEntry> => {
      const problems = draftErrors(draft, t);
      if (Object.keys(problems).length) {
        setErrors(problems);
        setFocusFirstError((n) => n + 1);
        throw new Error(t('tab.networks.form.incomplete'));
      }
      setBusy(true);
      try {
        const created = await networksApi(api).create(createBody(draft, locale, channel));
        setErrors({});
        return { ...created, role: 'leader' };
      } catch (failure) {
        const fieldErrors = fieldErrorsFrom(failure);
        setErrors(fieldErrors);
        if (Object.keys(fieldErrors).length) setFocusFirstError((n) => n + 1);
        throw failure;
      } finally {
        setBusy(false);
      }
    },
    [api, draft, locale, t],
  );

  const valid = Object.keys(draftErrors(draft, t)).length === 0 && NETWORK_FIELDS.every((field) => !errors[field]);
  return { draft, onChange, errors, busy, create, valid, formRef };
}
