import { useEffect, useMemo, useState } from 'react';
import type { ThemeUnfolding } from '@domain/model';
import { mergeThemes, sameTheme, themeSnapshot, type ThemeSnapshot } from '@domain/themeDiff';
import { useApp } from '../../shell/AppContext';
import { ApiError } from '../../shell/api';
import type { PlanView } from '../../shell/usePlan';

export type SaveStatus =
  | { kind: 'idle' | 'saving' }
  | { kind: 'saved'; revision?: number }
  | { kind: 'conflict'; message: string }
  /**
   * The latest version is loaded after a conflict and merged under the user's draft; `fields` are
   * those both changed (the user's text kept there, compared with `latest`).
   */
  | { kind: 'reloaded'; latest: ThemeSnapshot; fields: string[]; by?: string; at?: string }
  | { kind: 'error'; message: string; fieldErrors: Record<string, string> };

interface Base {
  snapshot: ThemeSnapshot;
  etag?: string;
}

/**
 * The theme as the user is typing it. The draft remembers which saved version it started from (its
 * ETag): a save on top of someone else's newer version is refused by the server (409), and the draft
 * survives loading the newer version, so the user can compare and save again.
 */
export function useThemeDraft(plan: PlanView, reload: () => Promise<void>) {
  const { api, t } = useApp();
  const saved = useMemo(() => themeSnapshot(plan.network.theme, plan.theme), [plan.network.theme, plan.theme]);
  const [draft, setDraft] = useState(saved);
  const [base, setBase] = useState<Base>({ snapshot: saved, etag: plan.theme?.etag });
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const dirty = !sameTheme(draft, base.snapshot);
  const path = `/api/networks/${encodeURIComponent(plan.network.id)}`;

  // The plan moved on (a save, someone else's save, a reload): an untouched draft follows it; typed text stays.
  useEffect(() => {
    if (status.kind === 'conflict' || status.kind === 'saving' || dirty) return;
    setDraft(saved);
    setBase({ snapshot: saved, etag: plan.theme?.etag });
  }, [saved]);

  const edit = (patch: Partial<ThemeSnapshot>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setStatus((current) => (current.kind === 'saved' ? { kind: 'idle' } : current));
  };

  async function save() {
    if (!draft.theme.trim()) {
      setStatus({ kind: 'error', message: t('tab.theme.headingRequired'), fieldErrors: { theme: t('validation.required') } });
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      const characteristics = Object.fromEntries(
        Object.entries(draft.characteristics).map(([key, value]) => [key, value?.note?.trim() ? value : { met: !!value?.met }]),
      );
      const body = { ...draft, characteristics };
      const result = await api.put<ThemeUnfolding & { revision: number }>(`${path}/theme`, body, base.etag);
      setBase({ snapshot: draft, etag: result.etag });
      setStatus({ kind: 'saved', revision: result.revision });
      await reload();
    } catch (error) {
      if (error instanceof ApiError && error.isConflict) return setStatus({ kind: 'conflict', message: error.message });
      const fieldErrors = error instanceof ApiError ? Object.fromEntries(error.details.map((d) => [d.path.split('.')[0]!, d.message])) : {};
      setStatus({ kind: 'error', message: (error as Error).message, fieldErrors });
    }
  }

  /**
   * After a conflict: fetch the newest version, keep what the user typed (others' changes come in
   * where the user typed nothing), and save on top of the newest version from now on.
   */
  async function loadLatest() {
    try {
      const latest = await api.get<PlanView>(path);
      const snapshot = themeSnapshot(latest.network.theme, latest.theme);
      const { merged, conflicts } = mergeThemes(base.snapshot, draft, snapshot);
      setDraft(merged);
      setBase({ snapshot, etag: latest.theme?.etag });
      const fields = conflicts.map((c) => (c.kind === 'text' ? c.field : c.characteristic));
      setStatus({ kind: 'reloaded', latest: snapshot, fields, by: latest.theme?.updatedBy, at: latest.theme?.updatedAt });
      await reload();
    } catch (error) {
      setStatus({ kind: 'error', message: (error as Error).message, fieldErrors: {} });
    }
  }

  /** Drop the typed text and show the saved version. */
  function discard() {
    setDraft(saved);
    setBase({ snapshot: saved, etag: plan.theme?.etag });
    setStatus({ kind: 'idle' });
  }

  return { draft, edit, dirty, status, save, loadLatest, discard };
}
