import { useEffect, useMemo, useState } from 'react';
import { THEME_TEXT_FIELDS, mergeThemes, sameTheme, themeSnapshot, type ThemeSnapshot } from '@domain/themeDiff';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { useSaver } from '../../shared/formKit';
import { useNetworkApi } from '../../shell/useNetworkApi';

/** What the last save or load left to show, besides a failure (the shared saver keeps that). */
export type ThemeOutcome =
  | { kind: 'saved'; revision?: number }
  /**
   * The latest version is loaded after a conflict and merged under the user's draft; `fields` are
   * those both changed (the user's text kept there, compared with `latest`).
   */
  | { kind: 'reloaded'; latest: ThemeSnapshot; fields: string[]; by?: string; at?: string };

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
  const { t } = useApp();
  const saved = useMemo(() => themeSnapshot(plan.network.theme, plan.theme), [plan.network.theme, plan.theme]);
  const [draft, setDraft] = useState(saved);
  const [base, setBase] = useState<Base>({ snapshot: saved, etag: plan.theme?.etag });
  const [outcome, setOutcome] = useState<ThemeOutcome>();
  const saver = useSaver(THEME_TEXT_FIELDS);
  const dirty = !sameTheme(draft, base.snapshot);
  const conflict = !!saver.failure?.conflict;
  const client = useNetworkApi(plan.network.id);

  // The plan moved on (a save, someone else's save, a reload): an untouched draft follows it; typed text stays.
  useEffect(() => {
    if (conflict || saver.saving || dirty) return;
    setDraft(saved);
    setBase({ snapshot: saved, etag: plan.theme?.etag });
  }, [saved]);

  const edit = (patch: Partial<ThemeSnapshot>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setOutcome((current) => (current?.kind === 'saved' ? undefined : current));
  };

  async function save() {
    setOutcome(undefined);
    if (!draft.theme.trim()) {
      saver.setFailure({ conflict: false, message: t('tab.theme.headingRequired'), fields: { theme: t('validation.required') }, other: [] });
      return;
    }
    await saver.run(async () => {
      const characteristics = Object.fromEntries(
        Object.entries(draft.characteristics).map(([key, value]) => [key, value?.note?.trim() ? value : { met: !!value?.met }]),
      );
      const body = { ...draft, characteristics };
      const result = await client.theme.save(body, base.etag);
      setBase({ snapshot: draft, etag: result.etag });
      setOutcome({ kind: 'saved', revision: result.revision });
      await reload();
    });
  }

  /**
   * After a conflict: fetch the newest version, keep what the user typed (others' changes come in
   * where the user typed nothing), and save on top of the newest version from now on.
   */
  async function loadLatest() {
    await saver.run(async () => {
      const latest = await client.get();
      const snapshot = themeSnapshot(latest.network.theme, latest.theme);
      const { merged, conflicts } = mergeThemes(base.snapshot, draft, snapshot);
      setDraft(merged);
      setBase({ snapshot, etag: latest.theme?.etag });
      const fields = conflicts.map((c) => (c.kind === 'text' ? c.field : c.characteristic));
      setOutcome({ kind: 'reloaded', latest: snapshot, fields, by: latest.theme?.updatedBy, at: latest.theme?.updatedAt });
      await reload();
    });
  }

  /** Drop the typed text and show the saved version. */
  function discard() {
    setDraft(saved);
    setBase({ snapshot: saved, etag: plan.theme?.etag });
    setOutcome(undefined);
    saver.clear();
  }

  return { draft, edit, dirty, saving: saver.saving, failure: saver.failure, conflict, outcome, save, loadLatest, discard };
}
