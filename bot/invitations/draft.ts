import { t, type Locale, type MessageKey } from '../i18n';
import type { Meeting, NetworkAggregate, Participant, PersonRef } from '../domain/model';
import { formatDate, formatLongDate, todayInCopenhagen } from '../domain/dates';
import { involvementFormLabel, listedLabel, meetingSubject, orderMeetings, roleLabel } from '../domain/labels';
import { networkLocale, subthemeOf } from '../domain/network';
import type { CommonInvitationView, InvitationsView, PersonalInvitationView } from './view';

// The handbook's "Indled kontakt til potentielle deltagere", drafted from the plan in the network's language:
// the personal approach to one participant (why them, which meetings, what is expected) and the common written
// invitation for a whole group (what the network is about, expectations, the meetings, how to sign up, what
// happens next). Pure: the leader edits both before anything is sent.

export interface InvitationText {
  subject: string;
  text: string;
}

export interface DraftContext {
  aggregate: NetworkAggregate;
  /** Meetings before this instant are over: an invitation lists the ones to come. */
  now: Date;
  /** Who signs: the network's leader unless given. */
  sender?: PersonRef;
}

/** Longest excerpt of a theme answer in a draft: the first sentences, so the letter stays a letter. */
export const EXCERPT_LENGTH = 400;

/** The first sentences of a free-text answer, on one line, at most `max` characters (cut at a sentence or word). */
export function excerpt(value: string, max = EXCERPT_LENGTH): string {
  const text = value.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const sentence = head.match(/^.*[.!?](?=\s|$)/)?.[0];
  if (sentence && sentence.length >= max / 3) return sentence;
  const words = text.slice(0, max - 2);
  const space = words.lastIndexOf(' ');
  return `${(space > 0 ? words.slice(0, space) : words).trimEnd()} …`;
}

const paragraphs = (parts: (string | undefined | false)[]): string =>
  parts
    .filter((part): part is string => !!part && part.trim() !== '')
    .join('\n\n');

/** The meetings still to come, in the order the participants meet. */
export function upcomingMeetings(aggregate: NetworkAggregate, now: Date): Meeting[] {
  const today = todayInCopenhagen(now);
  return orderMeetings(aggregate.meetings).filter((meeting) => meeting.date >= today);
}

/** The meetings a participant is invited to: a core participant all; one along the way those the planner puts them in. */
export function meetingsFor(aggregate: NetworkAggregate, participant: Participant, now: Date): { meetings: Meeting[]; planned: boolean } {
  const upcoming = upcomingMeetings(aggregate, now);
  if (participant.kind === 'core') return { meetings: upcoming, planned: true };
  const planned = new Set(aggregate.assignments.filter((a) => a.participantId === participant.id).map((a) => a.meetingId));
  const theirs = upcoming.filter((meeting) => planned.has(meeting.id));
  return theirs.length ? { meetings: theirs, planned: true } : { meetings: upcoming, planned: false };
}

/** "• Netværksmøde 2 af 5: Deleøkonomi: tirsdag 13.04.2026 kl. 09:00–12:00, Rådhuset". */
export function meetingLine(aggregate: NetworkAggregate, meeting: Meeting, locale: Locale): string {
  return t(locale, 'invitation.draft.meeting', { label: meetingTitle(aggregate, meeting, locale), ...whenAndWhere(meeting, locale) });
}

export const meetingTitle = (aggregate: NetworkAggregate, meeting: Meeting, locale: Locale) =>
  meetingSubject(meeting, aggregate.meetings, locale, subthemeOf(aggregate, meeting)?.title);

export function whenAndWhere(meeting: Meeting, locale: Locale) {
  const place = meeting.online ? t(locale, 'invitation.draft.online') : meeting.location.trim() || t(locale, 'invitation.draft.placeLater');
  return { date: formatLongDate(meeting.date, locale), start: meeting.start, end: meeting.end, place };
}

const signature = (locale: Locale, sender: PersonRef, role?: string) =>
  [t(locale, 'invitation.draft.signoff'), sender.name, ...(role ? [role] : [])].join('\n');

/** Why this person: the competences the leader noted, else their role, in the invitation's words. */
function because(participant: Participant, locale: Locale): string {
  const what = [
    ...participant.competenceAreas.map((area) => t(locale, `invitation.draft.competence.${area}` as MessageKey)),
    ...participant.customCompetences.map((competence) => competence.trim()).filter(Boolean),
  ];
  if (what.length) return t(locale, 'invitation.draft.personal.because', { what: listedLabel(locale, what) });
  if (participant.role !== 'other' && participant.role !== 'employee') {
    return t(locale, 'invitation.draft.personal.becauseRole', { role: roleLabel(participant.role, locale).toLocaleLowerCase(locale) });
  }
  return t(locale, 'invitation.draft.personal.becauseAny');
}

/** What the planning tool says they bring to which meeting ("Hvad skal personen bidrage med? Hvordan?"). */
function contributions(aggregate: NetworkAggregate, participant: Participant, meetings: Meeting[], locale: Locale): string | undefined {
  const lines = meetings.flatMap((meeting) => {
    const assignment = aggregate.assignments.find((a) => a.meetingId === meeting.id && a.participantId === participant.id);
    const contribution = assignment?.contribution.trim();
    if (!assignment || !contribution) return [];
    const form = assignment.involvementForm.trim() ? ` (${involvementFormLabel(assignment.involvementForm.trim(), locale)})` : '';
    return [t(locale, 'invitation.draft.personal.contribution', { meeting: meetingTitle(aggregate, meeting, locale), date: formatDate(meeting.date), contribution: `${contribution}${form}` })];
  });
  return lines.length ? [t(locale, 'invitation.draft.personal.contributions'), ...lines].join('\n') : undefined;
}

function participation(aggregate: NetworkAggregate, participant: Participant, now: Date, locale: Locale): string {
  const { meetings, planned } = meetingsFor(aggregate, participant, now);
  if (meetings.length === 0) return t(locale, 'invitation.draft.noMeetings');
  const intro =
    participant.kind === 'core'
      ? t(locale, 'invitation.draft.personal.core', { count: meetings.length })
      : planned
        ? t(locale, 'invitation.draft.personal.along', { count: meetings.length })
        : t(locale, 'invitation.draft.personal.alongOpen');
  return [intro, ...meetings.map((meeting) => meetingLine(aggregate, meeting, locale))].join('\n');
}

/** "Personlig henvendelse": to one participant, in the network's language. */
export function personalInvitationDraft({ aggregate, now, sender }: DraftContext, participant: Participant): InvitationText {
  const { network, theme } = aggregate;
  const locale = networkLocale(network);
  const { meetings } = meetingsFor(aggregate, participant, now);
  const text = paragraphs([
    t(locale, 'invitation.draft.personal.greeting', { name: participant.name }),
    t(locale, 'invitation.draft.personal.intro', { network: network.name, theme: network.theme }),
    theme?.whyInteresting.trim() && t(locale, 'invitation.draft.why', { text: excerpt(theme.whyInteresting) }),
    because(participant, locale),
    contributions(aggregate, participant, meetings, locale),
    participation(aggregate, participant, now, locale),
    t(locale, participant.kind === 'core' ? 'invitation.draft.personal.expectCore' : 'invitation.draft.personal.expectAlong'),
    t(locale, 'invitation.draft.personal.next'),
    signature(locale, sender ?? network.leader),
  ]);
  return { subject: t(locale, 'invitation.draft.personal.subject', { network: network.name }), text };
}

/** "Fælles invitation": for a whole group, following the handbook's example for project leaders. */
export function commonInvitationDraft({ aggregate, now, sender }: DraftContext): InvitationText {
  const { network, theme } = aggregate;
  const locale = networkLocale(network);
  const from = sender ?? network.leader;
  const meetings = upcomingMeetings(aggregate, now);
  const dates = meetings.length
    ? [t(locale, 'invitation.draft.common.meetings', { count: meetings.length }), ...meetings.map((meeting) => meetingLine(aggregate, meeting, locale))].join('\n')
    : t(locale, 'invitation.draft.noMeetings');
  const answer = (field: 'whyInteresting' | 'challengeAndConsequences' | 'potentialOrDream' | 'valueForWhom', key: MessageKey) =>
    theme?.[field].trim() ? t(locale, key, { text: excerpt(theme[field]) }) : undefined;
  const text = paragraphs([
    t(locale, 'invitation.draft.common.greeting'),
    t(locale, 'invitation.draft.common.intro', { network: network.name, theme: network.theme }),
    [
      answer('whyInteresting', 'invitation.draft.why'),
      answer('challengeAndConsequences', 'invitation.draft.common.challenge'),
      answer('potentialOrDream', 'invitation.draft.common.dream'),
      answer('valueForWhom', 'invitation.draft.common.value'),
    ]
      .filter(Boolean)
      .join('\n'),
    t(locale, 'invitation.draft.common.form'),
    t(locale, 'invitation.draft.common.expect'),
    dates,
    from.email ? t(locale, 'invitation.draft.common.signUpEmail', { email: from.email }) : t(locale, 'invitation.draft.common.signUp'),
    t(locale, 'invitation.draft.common.next'),
    t(locale, 'invitation.draft.common.hope'),
    signature(locale, from, t(locale, 'invitation.draft.common.role')),
  ]);
  return { subject: t(locale, 'invitation.draft.common.subject', { network: network.name }), text };
}

/** What the plan tab shows (GET …/invitations): per invitation what is saved or sent, else the draft, and a fresh draft. */
export function invitationsOverview(context: DraftContext): InvitationsView {
  const { aggregate } = context;
  const saved = aggregate.invitation;
  const commonDraft = commonInvitationDraft(context);
  const common: CommonInvitationView = saved
    ? { subject: saved.subject, text: saved.text, saved: true, etag: saved.etag, updatedAt: saved.updatedAt, updatedBy: saved.updatedBy, draft: commonDraft }
    : { ...commonDraft, saved: false, draft: commonDraft };
  const personal = aggregate.participants.map((participant): PersonalInvitationView => {
    const draft = personalInvitationDraft(context, participant);
    const stored = (aggregate.invitations ?? []).find((invitation) => invitation.participantId === participant.id);
    return {
      participantId: participant.id,
      name: participant.name,
      kind: participant.kind,
      ...(participant.email ? { email: participant.email } : {}),
      hasTeams: !!participant.userId,
      subject: stored?.subject ?? draft.subject,
      text: stored?.text ?? draft.text,
      saved: !!stored,
      ...(stored ? { etag: stored.etag, status: stored.status, via: stored.via, sentAt: stored.sentAt, answeredAt: stored.answeredAt } : {}),
      draft,
    };
  });
  return { language: networkLocale(aggregate.network), common, personal };
}
