import { t, type Locale } from '../i18n';
import type { Agenda, Idea, Meeting, Network, NetworkAggregate, Subtheme } from '../domain/model';
import { formatLongDate, isoWeek } from '../domain/dates';
import { meetingLabel } from '../domain/labels';
import { subthemeOf } from '../domain/network';
import { ideasWithoutOwner } from '../domain/series';
import { adaptiveCard, fact, heading, openUrl, text, type CardElement } from '../cards/shared';
import { deepLink, type DeepLinkConfig } from '../domain/deepLink';

// "Dagsorden" (the handbook): posted to the network's channel before each meeting, updated in place.

export interface AgendaCardInput {
  network: Pick<Network, 'id' | 'name'>;
  meeting: Meeting;
  meetings: readonly Meeting[];
  subtheme?: Pick<Subtheme, 'title'>;
  agenda: Pick<Agenda, 'items'>;
  /** Parked ideas nobody owns yet: the meeting should find a "tovholder" for them. */
  ideasWithoutOwner: readonly Pick<Idea, 'text'>[];
  locale: Locale;
  /** Link to the meeting's agenda in the plan (bot/domain/deepLink.ts), when the app can make one. */
  planUrl?: string;
}

const MAX_IDEAS_LISTED = 15;

export function buildAgendaCard(input: AgendaCardInput): ReturnType<typeof adaptiveCard> {
  const { meeting, locale } = input;
  const label = meetingLabel(meeting, input.meetings, locale);
  const { week } = isoWeek(meeting.date);
  const body: CardElement[] = [
    text(`${t(locale, 'card.agenda.title')} · ${input.network.name}`, { isSubtle: true, weight: 'bolder' }),
    heading(input.subtheme ? `${label}: ${input.subtheme.title}` : label),
    fact(t(locale, 'card.when'), `${formatLongDate(meeting.date, locale)} (${t(locale, 'card.week', { week })}), ${meeting.start}–${meeting.end}`),
    fact(t(locale, 'card.where'), meeting.online ? t(locale, 'card.online') : meeting.location || t(locale, 'card.placeLater')),
    ...(meeting.purpose ? [fact(t(locale, 'card.agenda.purpose'), meeting.purpose)] : []),
    ...agendaItems(input),
    ...preparation(input),
    ...ideasToOwn(input),
  ];
  return adaptiveCard(body, openUrl(t(locale, 'card.link.agenda'), input.planUrl));
}

function agendaItems({ agenda, locale }: AgendaCardInput): CardElement[] {
  if (agenda.items.length === 0) return [text(t(locale, 'card.agenda.noItems'), { isSubtle: true })];
  const rows = [...agenda.items]
    .sort((a, b) => a.time.localeCompare(b.time))
    .map((item): CardElement => ({
      type: 'ColumnSet',
      separator: true,
      columns: [
        { type: 'Column', width: 'auto', items: [text(item.time, { weight: 'bolder' })] },
        {
          type: 'Column',
          width: 'stretch',
          items: [
            text(item.content),
            ...(item.process ? [text(`${t(locale, 'card.agenda.process')}: ${item.process}`, { isSubtle: true })] : []),
            ...(item.purpose ? [text(`${t(locale, 'card.agenda.outcome')}: ${item.purpose}`, { isSubtle: true })] : []),
          ],
        },
      ],
    }));
  return [heading(t(locale, 'card.agenda.programme'), 'medium'), ...rows];
}

function preparation({ meeting, locale }: AgendaCardInput): CardElement[] {
  if (!meeting.preparation) return [];
  return [heading(t(locale, 'card.agenda.preparation'), 'medium'), text(meeting.preparation)];
}

function ideasToOwn({ ideasWithoutOwner, locale }: AgendaCardInput): CardElement[] {
  if (ideasWithoutOwner.length === 0) return [];
  const listed = ideasWithoutOwner.slice(0, MAX_IDEAS_LISTED).map((idea) => text(`• ${idea.text}`, {}, { spacing: 'none' }));
  const more = ideasWithoutOwner.length - listed.length;
  return [
    heading(t(locale, 'card.agenda.ideasWithoutOwner'), 'medium'),
    text(t(locale, 'card.agenda.ideasWithoutOwner.intro'), { isSubtle: true }),
    ...listed,
    ...(more > 0 ? [text(t(locale, 'card.moreInTab', { count: more }), { isSubtle: true })] : []),
  ];
}

/**
 * The agenda card of one meeting from the network's stored state: what is posted, previewed and answered alike, with
 * its link to the meeting's agenda in the plan.
 */
export function agendaCardFor(aggregate: NetworkAggregate, meeting: Meeting, locale: Locale, links: DeepLinkConfig | undefined) {
  const agenda = aggregate.agendas.find((a) => a.meetingId === meeting.id) ?? { items: [] };
  return buildAgendaCard({
    network: aggregate.network,
    meeting,
    meetings: aggregate.meetings,
    subtheme: subthemeOf(aggregate, meeting),
    agenda,
    ideasWithoutOwner: ideasWithoutOwner(aggregate.ideas),
    locale,
    planUrl: deepLink(links, aggregate.network, { section: 'agenda', meetingId: meeting.id }),
  });
}
