import { t } from '../i18n';
import type { Participant } from '../domain/model';
import { refuse } from '../actions/load';
import { answerInText, committed, operationContext } from '../actions/perform';
import type { ActionServices, CardActionHandler, CardActionInput, Loaded } from '../actions/types';
import { invitationCardFor, type InvitationView } from './card';
import { answerInvitation } from './operations';

// The invitation card's buttons in the invitee's chat. The answer is for whoever pressed, found by their Entra id
// among the network's participants (the one door, loadForMember, has checked they are in the network); the card's
// data names only the network, so nobody answers for someone else.

/** The presser's own participant row; anyone else (a leader who is no participant) has no invitation here. */
function invitee(input: CardActionInput, loaded: Loaded): Participant {
  const participant = loaded.aggregate.participants.find((p) => p.id === loaded.participantId);
  if (!participant) throw refuse(t(input.locale, 'invitation.card.notInvited'));
  return participant;
}

const viewFor = (input: CardActionInput, services: ActionServices): InvitationView => ({
  now: services.now(),
  refreshUserIds: input.actor.teamsUserId ? [input.actor.teamsUserId] : [],
  links: services.links,
});

function cardOf(input: CardActionInput, loaded: Loaded, services: ActionServices, aggregate = loaded.aggregate) {
  const card = invitationCardFor(aggregate, invitee(input, loaded), viewFor(input, services));
  if (!card) throw refuse(t(input.locale, 'invitation.card.notInvited'));
  return { card };
}

/** The card as it is now (Teams' refresh when the invitee opens the chat). */
export const showInvitation: CardActionHandler = async (input, loaded, services) => cardOf(input, loaded, services);

function answer(status: 'accepted' | 'declined'): CardActionHandler {
  return async (input, loaded, services) => {
    invitee(input, loaded);
    const outcome = answerInvitation(operationContext(input, loaded, services), status);
    if (!outcome.ok) {
      // Withdrawn in the meantime: the card says so (no buttons); other refusals in a line of text.
      if (outcome.reason === 'notFound') return cardOf(input, loaded, services);
      answerInText(input.locale, outcome, 'invitation.card.notInvited');
      return { text: t(input.locale, 'api.invalidInput') };
    }
    return cardOf(input, loaded, services, await committed(input, loaded, services, outcome));
  };
}

export const acceptInvitation = answer('accepted');
export const declineInvitation = answer('declined');
