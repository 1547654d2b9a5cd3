// Why a send was skipped or could not reach anyone, in the reader's language: one table for the service's
// answers and the tab (bot/sending/reasons.ts).
export { reasonKey } from '../../../../bot/sending/reasons';
