import type { Locale } from '../i18n';
import type { AdaptiveCard } from '../cards/shared';
import type { NetworkStore } from '../storage/networkStore';
import type { NetworkAggregate } from '../domain/model';
import type { NetworkRole } from '../domain/access';
import type { DeepLinkConfig } from '../domain/deepLink';

// A press on a card button, as the bot hands it over: no botbuilder types beyond this line.

export interface CardActor {
  /** Entra object id: how the plan knows people. */
  aadObjectId?: string;
  /** Teams user id (29:…): what card refresh lists. */
  teamsUserId?: string;
  name: string;
}

export interface CardActionInput {
  verb: string;
  /** The action's data merged with the card's inputs, as Teams sends them. */
  data: Record<string, unknown>;
  actor: CardActor;
  locale: Locale;
}

/** The card that replaces the pressed one, or a line of text when there is no card to show. */
export type CardActionResult = { card: AdaptiveCard } | { text: string };

export interface ActionServices {
  store: NetworkStore;
  now: () => Date;
  newId: () => string;
  /** Tells the scheduler, so posted cards elsewhere get updated in place. */
  networkChanged: (networkId: string) => void;
  /** Set when Graph books the calendar (see CommitDeps). */
  calendar?: unknown;
  /** What links back to the tab are made with (the cards' "open in the plan"); none: no links. */
  links?: DeepLinkConfig;
}

/** The network a card is about, as loaded for someone in it: handlers never run for anyone else. */
export interface Loaded {
  aggregate: NetworkAggregate;
  role?: NetworkRole;
  participantId?: string;
}

export type CardActionHandler = (input: CardActionInput, loaded: Loaded, services: ActionServices) => Promise<CardActionResult>;
