import type { ConversationReference } from 'botbuilder';

/** Where a proactive message goes, as botbuilder describes it: stored by storage/, used by the adapter. A leaf, so neither imports the other. */
export type ConversationRef = Partial<ConversationReference>;
