export type DevPersona = 'leader' | 'coDriver' | 'coreParticipant' | 'referenceLeader' | 'outsider' | 'privacyOfficer';

export interface DevIdentity {
  /** What to send in X-Dev-User (the userId works too). */
  key: string;
  userId: string;
  name: string;
  email: string;
  /** The part the person is meant to play in seeded data; roles themselves live in the network. */
  persona: DevPersona;
  unit?: string;
  /** Entra app roles, as a real token would carry them. */
  roles?: string[];
}

export const devIdentities: readonly DevIdentity[] = Object.freeze([
  { key: 'lene', userId: 'd0000000-0000-4000-8000-000000000001', name: 'Lene Holm', email: 'lene.holm@kommune.example', persona: 'leader' },
  { key: 'omar', userId: 'd0000000-0000-4000-8000-000000000002', name: 'Omar Said', email: 'omar.said@kommune.example', persona: 'coDriver' },
  { key: 'jens', userId: 'd0000000-0000-4000-8000-000000000003', name: 'Jens Jensen', email: 'jens.jensen@kommune.example', persona: 'coreParticipant', unit: 'ØS' },
  { key: 'helle', userId: 'd0000000-0000-4000-8000-000000000004', name: 'Helle Hansen', email: 'helle.hansen@kommune.example', persona: 'coreParticipant', unit: 'SPO' },
  { key: 'birgitte', userId: 'd0000000-0000-4000-8000-000000000005', name: 'Birgitte Krogh', email: 'birgitte.krogh@kommune.example', persona: 'referenceLeader' },
  { key: 'ulla', userId: 'd0000000-0000-4000-8000-000000000006', name: 'Ulla Udenfor', email: 'ulla.udenfor@kommune.example', persona: 'outsider' },
  { key: 'dorthe', userId: 'd0000000-0000-4000-8000-000000000007', name: 'Dorthe Dahl', email: 'dorthe.dahl@kommune.example', persona: 'privacyOfficer', roles: ['PrivacyOfficer'] },
].map((identity) => Object.freeze(identity as DevIdentity)));

export function findDevIdentity(id: string): DevIdentity | undefined {
  return devIdentities.find((identity) => identity.key === id || identity.userId === id);
}
