import { t, type Locale } from '../i18n';
import type { Network } from '../domain/model';
import { adaptiveCard, execute, heading, text, type AdaptiveCard } from '../cards/shared';

// "Which network?": the answer to a command about one network ("idéer", "analyse") from someone in several,
// outside a network's channel. One row per network, its name and a button; pressing it shows that network's card in this
// one's place (the verb is the card's own refresh, so the usual membership check runs); or the person
// types the command with the network's name.

/** Teams shows every button; a person in more networks than this is asked to type the name instead. */
export const MAX_NETWORK_BUTTONS = 20;

export interface NetworkChoice {
  networks: readonly Pick<Network, 'id' | 'name'>[];
  /** The verb that shows a network's card, given { networkId }. */
  verb: string;
  /** The command as the person typed it, to repeat with a network's name. */
  command: string;
  locale: Locale;
}

export function buildNetworkChoiceCard({ networks, verb, command, locale }: NetworkChoice): AdaptiveCard {
  const choose = t(locale, 'chat.chooseNetwork.choose');
  return adaptiveCard([
    heading(t(locale, 'chat.chooseNetwork.title'), 'medium'),
    text(t(locale, 'chat.chooseNetwork.body', { count: networks.length, command })),
    // The name is typed text: it stays in a TextRun, the button says only "Vælg".
    ...networks.slice(0, MAX_NETWORK_BUTTONS).map((network) => ({
      type: 'ColumnSet',
      separator: true,
      columns: [
        { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [text(network.name, { weight: 'bolder' })] },
        { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [execute(verb, choose, { networkId: network.id })] }] },
      ],
    })),
  ]);
}
