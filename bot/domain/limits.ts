// How long a text and how long a list may be: the schemas enforce them, the tabs' fields and the cards'
// inputs show them. A module of its own, so a page takes the numbers without the schemas.

/** `letter`: an invitation's text (the theme, why you, the meetings, how to answer: a page). */
export const MAX = { name: 120, short: 200, medium: 1000, long: 4000, letter: 8000, email: 254, id: 64 } as const;

export const MAX_ITEMS = { recommendations: 20, dissemination: 30, agendaItems: 40 } as const;
