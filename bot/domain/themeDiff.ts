import { GOOD_THEME_CHARACTERISTICS, type GoodThemeCharacteristic, type ThemeRevision, type ThemeUnfolding } from './model';

// How the theme moved: what changed between two versions of the unfolding, field by field.
// Pure, so the tab (revisions, conflicts) and anything else can show the same answer.

/** The questions of "Udfold netværkets tema" in the handbook's order, the heading first. */
export const THEME_TEXT_FIELDS = [
  'theme',
  'whyInteresting',
  'challengeAndConsequences',
  'potentialOrDream',
  'valueForWhom',
  'whereFelt',
  'subthemesApproach',
  'contributors',
] as const;
export type ThemeTextField = (typeof THEME_TEXT_FIELDS)[number];

export interface CharacteristicState {
  met: boolean;
  note: string;
}

/** One version of the theme as the user sees it: the heading and the unfolding, without storage fields. */
export type ThemeSnapshot = Record<ThemeTextField, string> & {
  characteristics: Partial<Record<GoodThemeCharacteristic, { met: boolean; note?: string }>>;
};

export type ThemeChange =
  | { kind: 'text'; field: ThemeTextField; before: string; after: string }
  | { kind: 'characteristic'; characteristic: GoodThemeCharacteristic; before: CharacteristicState; after: CharacteristicState };

type UnfoldingLike = Partial<Omit<ThemeUnfolding, 'etag' | 'updatedAt' | 'updatedBy'>>;

/** A snapshot from the stored heading and unfolding; missing answers are empty. */
export function themeSnapshot(heading: string | undefined, unfolding: UnfoldingLike | undefined): ThemeSnapshot {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    theme: text(heading),
    whyInteresting: text(unfolding?.whyInteresting),
    challengeAndConsequences: text(unfolding?.challengeAndConsequences),
    potentialOrDream: text(unfolding?.potentialOrDream),
    valueForWhom: text(unfolding?.valueForWhom),
    whereFelt: text(unfolding?.whereFelt),
    subthemesApproach: text(unfolding?.subthemesApproach),
    contributors: text(unfolding?.contributors),
    characteristics: { ...(unfolding?.characteristics ?? {}) },
  };
}

export const revisionSnapshot = (revision: ThemeRevision): ThemeSnapshot => themeSnapshot(revision.theme, revision.unfolding);

/** A characteristic nobody has ticked or noted is simply "not met, no note". */
export function characteristicState(snapshot: ThemeSnapshot | undefined, key: GoodThemeCharacteristic): CharacteristicState {
  const entry = snapshot?.characteristics[key];
  return { met: entry?.met ?? false, note: (entry?.note ?? '').trim() };
}

/**
 * What changed from `before` to `after`, in the handbook's order. Leading and trailing spaces do not
 * count (the server trims them). Without `before` (the first version) every filled-in field is a change.
 */
export function diffThemes(before: ThemeSnapshot | undefined, after: ThemeSnapshot): ThemeChange[] {
  const changes: ThemeChange[] = [];
  for (const field of THEME_TEXT_FIELDS) {
    const was = (before?.[field] ?? '').trim();
    const now = after[field].trim();
    if (was !== now) changes.push({ kind: 'text', field, before: was, after: now });
  }
  for (const characteristic of GOOD_THEME_CHARACTERISTICS) {
    const was = characteristicState(before, characteristic);
    const now = characteristicState(after, characteristic);
    if (was.met !== now.met || was.note !== now.note) changes.push({ kind: 'characteristic', characteristic, before: was, after: now });
  }
  return changes;
}

export const sameTheme = (a: ThemeSnapshot, b: ThemeSnapshot): boolean => diffThemes(a, b).length === 0;

export interface RevisionChanges {
  revision: ThemeRevision;
  /** The revision it is compared with: the nearest earlier one; none for the first. */
  previous?: ThemeRevision;
  changes: ThemeChange[];
}

/** What revision `number` changed compared with the revision before it; undefined for an unknown number. */
export function changesInRevision(revisions: readonly ThemeRevision[], number: number): RevisionChanges | undefined {
  const revision = revisions.find((r) => r.revision === number);
  if (!revision) return undefined;
  const previous = revisions
    .filter((r) => r.revision < number)
    .reduce<ThemeRevision | undefined>((best, r) => (!best || r.revision > best.revision ? r : best), undefined);
  const changes = diffThemes(previous ? revisionSnapshot(previous) : undefined, revisionSnapshot(revision));
  return { revision, ...(previous ? { previous } : {}), changes };
}

export interface ThemeMerge {
  /** The latest version with the user's own changes on top. */
  merged: ThemeSnapshot;
  /** Fields both the user and someone else changed, differently: the user's text is kept there. */
  conflicts: ThemeChange[];
}

/**
 * After a conflict: `base` is what the user started from, `draft` what they typed, `latest` what is
 * saved now. Fields the user did not touch take the latest text; fields the user changed keep the
 * user's text. Where both changed the same field differently, that field is reported (latest → draft).
 */
export function mergeThemes(base: ThemeSnapshot, draft: ThemeSnapshot, latest: ThemeSnapshot): ThemeMerge {
  const mine = new Set(diffThemes(base, draft).map(changeKey));
  const theirs = new Set(diffThemes(base, latest).map(changeKey));
  const merged: ThemeSnapshot = { ...latest, characteristics: { ...latest.characteristics } };
  for (const field of THEME_TEXT_FIELDS) if (mine.has(field)) merged[field] = draft[field];
  for (const key of GOOD_THEME_CHARACTERISTICS) {
    if (!mine.has(key)) continue;
    if (draft.characteristics[key]) merged.characteristics[key] = draft.characteristics[key];
    else delete merged.characteristics[key];
  }
  const conflicts = diffThemes(latest, merged).filter((change) => theirs.has(changeKey(change)));
  return { merged, conflicts };
}

const changeKey = (change: ThemeChange): string => (change.kind === 'text' ? change.field : change.characteristic);
