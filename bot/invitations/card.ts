import { t, type Locale } from '../i18n';
import type { Meeting, Network, NetworkAggregate, Participant, PersonalInvitation } from '../domain/model';
import { networkLocale } from '../domain/network';
import { adaptiveCard, execute, fact, heading, openUrl, refreshWith, text, type AdaptiveCard, type CardElement } from '../cards/shared';
import { deepLink, type DeepLinkConfig } from '../domain/deepLink';
import { meetingsFor, meetingTitle, whenAndWhere } from './draft';
import { invitationOf } from './operations';

// The personal invitation in the invitee's 1:1 chat with the bot: the leader's text, the meetings they are invited
// to (as the plan has them now: a refresh shows a moved meeting), the common invitation behind a button, and the two
// answers. A press answers for whoever pressed (Teams says who): the card's data names only the network.

export const INVITATION_VERBS = { accept: 'invitation.accept', decline: 'invitation.decline', refresh: 'invitation.refresh' } as const;

export interface InvitationCardInput {
  network: Pick<Network, 'id' | 'name' | 'leader'>;
  invitation: Pick<PersonalInvitation, 'subject' | 'text' | 'status'>;
  /** The meetings they are invited to, as "label" and "when, where". */
  meetings: { label: string; when: string }[];
  /** The common invitation's text, when the leader saved one. */
  common?: string;
  locale: Locale;
  /** The invitee's Teams user id (29:…), so Teams fetches a fresh card whenever they open it. */
  refreshUserIds?: readonly string[];
  notice?: string;
  /** Link to the network's plan (its theme first; bot/domain/deepLink.ts), when the app can make one. */
  planUrl?: string;
}

/** A text as paragraphs: each its own block (a card's runs are kept short), blank lines between them dropped. */
const paragraphsOf = (value: string): CardElement[] =>
  value
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => text(paragraph, {}, { spacing: 'medium' }));

export function buildInvitationCard(input: InvitationCardInput): AdaptiveCard {
  const { locale, invitation, network } = input;
  const data = { networkId: network.id };
  const body: CardElement[] = [
    text(t(locale, 'invitation.card.title', { network: network.name }), { isSubtle: true, weight: 'bolder' }),
    heading(invitation.subject),
    ...(input.notice ? [text(input.notice, { color: 'accent', weight: 'bolder' })] : []),
    ...paragraphsOf(invitation.text),
    ...(input.meetings.length
      ? [heading(t(locale, 'invitation.card.meetings'), 'medium'), ...input.meetings.map((meeting) => fact(meeting.label, meeting.when))]
      : []),
    ...answer(input),
  ];
  const common = input.common?.trim()
    ? [{ type: 'Action.ShowCard', title: t(locale, 'invitation.card.common'), card: { type: 'AdaptiveCard', body: paragraphsOf(input.common) } }]
    : [];
  const buttons =
    invitation.status === 'invited'
      ? [
          execute(INVITATION_VERBS.accept, t(locale, 'invitation.card.accept'), data, { style: 'positive' }),
          execute(INVITATION_VERBS.decline, t(locale, 'invitation.card.decline'), data),
        ]
      : [];
  const link = openUrl(t(locale, 'card.openPlan'), input.planUrl);
  return adaptiveCard(body, [...buttons, ...common, ...link], refreshWith(INVITATION_VERBS.refresh, data, input.refreshUserIds));
}

/** What the invitee sees once they answered, or when the leader withdrew the invitation. */
function answer({ invitation, network, locale }: InvitationCardInput): CardElement[] {
  const leader = network.leader.name;
  if (invitation.status === 'accepted') {
    return [text(t(locale, 'invitation.card.accepted'), { color: 'good', weight: 'bolder' }, { separator: true }), text(t(locale, 'invitation.card.acceptedMore', { leader }), { isSubtle: true })];
  }
  if (invitation.status === 'declined') {
    return [text(t(locale, 'invitation.card.declined'), { weight: 'bolder' }, { separator: true }), text(t(locale, 'invitation.card.declinedMore', { leader }), { isSubtle: true })];
  }
  if (!invitation.status) return [text(t(locale, 'invitation.card.withdrawn'), { color: 'warning', weight: 'bolder' }, { separator: true })];
  return [];
}

export interface InvitationView {
  /** The meetings listed are those still to come. */
  now: Date;
  refreshUserIds?: readonly string[];
  notice?: string;
  /** What the link to the plan is made with; none: no link. */
  links?: DeepLinkConfig;
}

/** The participant's invitation card from the network as stored (in the network's language); undefined if none was written. */
export function invitationCardFor(aggregate: NetworkAggregate, participant: Participant, view: InvitationView): AdaptiveCard | undefined {
  const invitation = invitationOf(aggregate, participant.id);
  if (!invitation) return undefined;
  const locale = networkLocale(aggregate.network);
  const { meetings } = meetingsFor(aggregate, participant, view.now);
  return buildInvitationCard({
    network: aggregate.network,
    invitation,
    meetings: meetings.map((meeting: Meeting) => {
      const when = whenAndWhere(meeting, locale);
      return { label: meetingTitle(aggregate, meeting, locale), when: t(locale, 'invitation.card.when', when) };
    }),
    common: aggregate.invitation?.text,
    locale,
    refreshUserIds: view.refreshUserIds,
    notice: view.notice,
    planUrl: deepLink(view.links, aggregate.network, { section: 'theme' }),
  });
}
