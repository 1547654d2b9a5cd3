// How long a text and how long a list may be: the schemas enforce them, the tabs' fields and the cards'
// inputs show them. A module of its own, so a page takes the numbers without the schemas.

/** `letter`: an invitation's text (the theme, why you, the meetings, how to answer: a page). */
export const MAX = { name: 120, short: 200, medium: 1000, long: 4000, letter: 8000, email: 254, id: 64 } as const;

/**
 * Participants in bulk (bot/participants/batch.ts) are stored in ONE transaction of at most 100 rows: a new
 * participant writes up to three (the row and its Teams id and e-mail index rows), a changed one one, and the
 * network's row may change with them (its roles).
 */
export const MAX_ITEMS = { recommendations: 20, dissemination: 30, agendaItems: 40, participantsPerBatch: 30, participantChangesPerBatch: 90 } as const;
