import type { Locale } from '../i18n';
import type { InvitationChannel, InvitationStatus, IsoDateTime, ParticipantKind } from '../domain/model';

// What the plan tab's "Invitationer" gets (GET …/invitations): types only, so the tab pages import them by name.

export interface InvitationTextView {
  subject: string;
  text: string;
}

/** The common invitation as the leader saved it, or the draft from the plan when nothing is saved yet. */
export interface CommonInvitationView extends InvitationTextView {
  saved: boolean;
  etag?: string;
  updatedAt?: IsoDateTime;
  updatedBy?: string;
  /** A fresh draft from the plan as it is now ("Nyt udkast fra planen"). */
  draft: InvitationTextView;
}

/** One participant's invitation: the text saved (or sent), else the draft; how they can be reached; their answer. */
export interface PersonalInvitationView extends InvitationTextView {
  participantId: string;
  name: string;
  kind: ParticipantKind;
  email?: string;
  /** Linked to a Teams user (Entra id): the bot can send the invitation as a card, if it reaches them. */
  hasTeams: boolean;
  saved: boolean;
  etag?: string;
  status?: InvitationStatus;
  via?: InvitationChannel;
  sentAt?: IsoDateTime;
  answeredAt?: IsoDateTime;
  draft: InvitationTextView;
}

export interface InvitationsView {
  /** The language the drafts (and the card) are written in: the network's. */
  language: Locale;
  common: CommonInvitationView;
  personal: PersonalInvitationView[];
}

/** Why an invitation could not be sent in Teams: each has its words and what to do (invitation.api.<reason>). */
export const UNREACHABLE_REASONS = ['noTeamsUser', 'noTeam', 'notInTeam', 'blocked', 'chatGone', 'busy', 'failed'] as const;
export type UnreachableReason = (typeof UNREACHABLE_REASONS)[number];
