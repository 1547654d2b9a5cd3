/** Who is calling the tab API, whichever way they proved it. */
export interface Identity {
  /** Entra ID object id (oid) in Teams; the chosen development id locally. */
  userId: string;
  name: string;
  email?: string;
  tenantId?: string;
  mode: 'development' | 'teams';
  /** Entra app roles from the token's `roles` claim, e.g. PrivacyOfficer. */
  roles?: string[];
}
