import type { Locale } from '@i18n';
import { listedLabel } from '@domain/labels';
import type { NetworkReach, PersonStatus } from '../../shell/networkApi';
import { channelProblem, describeChannelSend, personProblem, whenOf, type Said, type SendRecord, type Translate } from '../../../../bot/sending/view';

// The reach and send outcomes as the tab words them: pure, so the rules are tested without a page.

/** A message and how it looks: what the send button (shared/SendButton.tsx) shows. */
export interface Outcome {
  intent: Said['tone'];
  message: string;
}

/** "Send nu" cannot work now (no channel, the app not in the team): the reason and what to do; else undefined. */
export function cannotPostText(reach: NetworkReach | undefined, t: Translate): string | undefined {
  const status = reach?.channel.status;
  if (status === 'noChannel' || status === 'botNotInTeam') return t('tab.reach.cannotPost', { ...channelProblem(t, status) });
  return undefined;
}

/** How the last send to the channel went, as the send button's standing message. */
export function lastSendOutcome(send: SendRecord | undefined, t: Translate): Outcome | undefined {
  const said = describeChannelSend(send, t);
  return said && outcomeOf(said);
}

export const outcomeOf = (said: Said): Outcome => ({ intent: said.tone, message: said.text });

export interface PeopleGroup {
  status: Exclude<PersonStatus, 'ok'>;
  /** "Kan ikke nås – ingen Teams-bruger: Helle Hansen og Jens Jensen." */
  text: string;
  todo: string;
  names: string[];
}

const ORDER: Exclude<PersonStatus, 'ok'>[] = ['noTeamsUser', 'notInTeam', 'blocked', 'chatGone'];

/** Those the bot cannot reach, one group per reason (with what to do), names in the language's order. */
export function unreachableGroups(reach: NetworkReach, t: Translate, locale: Locale): PeopleGroup[] {
  return ORDER.flatMap((status) => {
    const names = reach.participants
      .filter((p) => p.status === status)
      .map((p) => p.name)
      .sort((a, b) => a.localeCompare(b, locale));
    if (!names.length) return [];
    const { reason, todo } = personProblem(t, status);
    return [{ status, names, todo, text: t('tab.reach.group', { reason, names: listedLabel(locale, names) }) }];
  });
}

/** The channel's line: ok, or why not (with what to do, or the last failure and when). */
export function channelText(reach: NetworkReach, t: Translate): { ok: boolean; text: string; todo?: string } {
  const { channel } = reach;
  if (channel.status === 'ok') return { ok: true, text: t('tab.reach.channel.ok') };
  if (channel.status === 'lastSendFailed' && channel.lastFailure) {
    const { outcome, detail, at } = channel.lastFailure;
    const when = at ? whenOf(at) : { date: '—', time: '—' };
    return { ok: false, text: t('tab.reach.lastFailed', { ...when, ...channelProblem(t, outcome, detail) }) };
  }
  const { reason, todo } = channelProblem(t, channel.status === 'botNotInTeam' ? 'botNotInTeam' : 'noChannel');
  return { ok: false, text: reason, todo };
}

/** One line per network on Mine netværk: what cannot be sent and how to fix it, or that all is well. */
export function networkReachLine(reach: NetworkReach, t: Translate): { tone: 'success' | 'warning'; text: string; howTo?: string } {
  const { summary, channel } = reach;
  const counts = { reachable: summary.reachable, unreachable: summary.unreachable, total: summary.total };
  if (channel.status === 'noChannel') {
    const text = summary.reachable === 0 ? t('tab.networks.reach.noChannel') : t('tab.networks.reach.noChannelSome', counts);
    return { tone: 'warning', text, howTo: t('tab.networks.reach.howTo', { todo: t('reach.channel.noChannel.todo') }) };
  }
  if (channel.status === 'botNotInTeam') {
    return { tone: 'warning', text: t('tab.networks.reach.botNotInTeam'), howTo: t('tab.networks.reach.howTo', { todo: t('reach.channel.botNotInTeam.todo') }) };
  }
  if (channel.status === 'lastSendFailed' && channel.lastFailure) {
    const { reason, todo } = channelProblem(t, channel.lastFailure.outcome, channel.lastFailure.detail);
    return { tone: 'warning', text: `${t('tab.networks.reach.lastFailed')} ${reason}`, howTo: t('tab.networks.reach.howTo', { todo }) };
  }
  if (summary.unreachable > 0) return { tone: 'warning', text: t('tab.networks.reach.people', counts) };
  return { tone: 'success', text: t('tab.networks.reach.ok', counts) };
}

/** What will happen at a meeting: the agenda in the channel (or why not) and the questions to N of M. */
export function meetingPlanText(meeting: NetworkReach['meetings'][number], t: Translate): string {
  const { agenda, reflections } = meeting;
  const parts: string[] = [];
  switch (agenda.state) {
    case 'posted':
      parts.push(agenda.at ? t('tab.reach.meeting.agenda.posted', whenOf(agenda.at)) : t('tab.reach.meeting.agenda.posted', { date: '—', time: '—' }));
      break;
    case 'scheduled':
      parts.push(t('tab.reach.meeting.agenda.scheduled', whenOf(agenda.at)));
      break;
    default:
      parts.push(t(`tab.reach.meeting.agenda.${agenda.state}`));
  }
  if (reflections.state === 'due' && reflections.at) {
    parts.push(t('tab.reach.meeting.questions', { reachable: reflections.reachable, total: reflections.total, ...whenOf(reflections.at) }));
  }
  return parts.join(' · ');
}
