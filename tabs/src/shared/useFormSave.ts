import { useEffect, useRef } from 'react';
import { changedFields, useBaseEtag, useSaver } from './formKit';

/**
 * What an add/edit form needs to save: one save at a time with the server's messages by field, the ETag the
 * form saves with, and "load the latest version" after a conflict (the plan reloads, the draft stays).
 */
export function useFormSave(fields: readonly string[], currentEtag: string | undefined, reload: () => Promise<void>) {
  const saver = useSaver(fields);
  const etag = useBaseEtag(currentEtag);
  const reloadLatest = async () => {
    await reload();
    etag.rebase();
  };
  return { ...saver, etag, reloadLatest };
}

/**
 * PATCH only what this user changed: someone else's change to another field (after a conflict) is kept.
 * `patch` is the typed client's call with the form's ETag, e.g. `(changes) => client.meetings.patch(id, changes, etag)`.
 */
export async function patchChanges<T extends object>(
  patch: (changes: Partial<T>) => Promise<unknown>,
  next: T,
  before: Partial<Record<keyof T, unknown>>,
): Promise<void> {
  const changes = changedFields(next, before);
  if (Object.keys(changes).length) await patch(changes);
}

/** A ref for the field that gets focus when the form opens. */
export function useFocusOnOpen<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
