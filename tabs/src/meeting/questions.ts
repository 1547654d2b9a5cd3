import type { Locale } from '@i18n';
import { listedLabel } from '@domain/labels';
import type { ReflectionStatus } from '../shell/networkApi';
import { personProblem, whenOf, type PersonStatus, type Translate } from '../../../bot/sending/view';

// The side panel's words for a meeting's reflection questions (pure, from GET …/reflection-status): due at the end,
// on their way, sent to how many, or none (the meeting closed) — and who cannot get them, and why.

export interface QuestionsSaid {
  state: 'due' | 'underWay' | 'asked' | 'closed';
  text: string;
  /** "Kan ikke nås – ingen Teams-bruger: Helle Hansen.", one line per reason. */
  unreachable: string[];
  /** Of those asked: how many the bot reaches in a chat. */
  reachable: number;
  total: number;
  /** Nothing more will change by itself soon (no prompt on its way). */
  settled: boolean;
}

const REASONS: Exclude<PersonStatus, 'ok'>[] = ['noTeamsUser', 'notInTeam', 'blocked', 'chatGone'];

/**
 * `endedAt`: when the meeting really ended (the plan's meeting): its round is due then, even while the status still
 * names the planned end (the scheduler moves the round's job a moment later).
 */
export function questionsState(status: ReflectionStatus, t: Translate, locale: Locale, now: Date = new Date(), endedAt?: string): QuestionsSaid {
  const asked = status.participants;
  const total = asked.length;
  const reachable = asked.filter((p) => p.reach === 'ok').length;
  const unreachable = REASONS.flatMap((reason) => {
    const names = asked
      .filter((p) => p.reach === reason)
      .map((p) => p.name)
      .sort((a, b) => a.localeCompare(b, locale));
    return names.length ? [t('tab.reach.group', { reason: personProblem(t, reason).reason, names: listedLabel(locale, names) })] : [];
  });
  const base = { unreachable, reachable, total };
  if (status.closedAt || status.questions?.state === 'closed') {
    return { ...base, state: 'closed', text: t('tab.sidePanel.questions.closed'), settled: true };
  }
  if (status.questions?.state === 'asked') {
    const sent = asked.filter((p) => p.prompt?.outcome === 'sent').length;
    const onTheWay = asked.some((p) => p.prompt && p.prompt.state !== 'done');
    const text = t(onTheWay ? 'tab.sidePanel.questions.underWay' : 'tab.sidePanel.questions.asked', { sent, total });
    return { ...base, state: 'asked', text, settled: !onTheWay };
  }
  const at = endedAt ?? status.questions?.at;
  // Due now or earlier: the round is about to run (the meeting was just ended, or the scheduler has not come by yet).
  if (at && Date.parse(at) <= now.getTime()) {
    return { ...base, state: 'underWay', text: t('tab.sidePanel.questions.starting', { reachable, total }), settled: false };
  }
  const text = at ? t('tab.sidePanel.questions.due', { ...whenOf(at), reachable, total }) : t('tab.sidePanel.questions.dueAtEnd', { reachable, total });
  return { ...base, state: 'due', text, settled: true };
}
