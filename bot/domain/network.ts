import type { Locale } from '../i18n';
import type { Meeting, Network, NetworkAggregate, Subtheme } from './model';

/** The language of everything the network posts, and of what previews it: the network's own, else Danish. */
export const networkLocale = (network: Pick<Network, 'locale'>): Locale => network.locale ?? 'da';

export const meetingOf = (aggregate: Pick<NetworkAggregate, 'meetings'>, meetingId: string | undefined): Meeting | undefined =>
  aggregate.meetings.find((meeting) => meeting.id === meetingId);

export const subthemeOf = (aggregate: Pick<NetworkAggregate, 'subthemes'>, meeting: Pick<Meeting, 'subthemeId'>): Subtheme | undefined =>
  aggregate.subthemes.find((subtheme) => subtheme.id === meeting.subthemeId);
