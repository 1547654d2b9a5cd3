import { odata, type TableClient } from '@azure/data-tables';
import type { ConversationRef } from '../teams/conversationRef';

// Where the bot can reach people later: one row per conversation (1:1, group chat, channel), an index
// row per 1:1 chat by the user's Entra object id, and one row per team member the bot saw join.
// PartitionKey is the tenant ('local' without one). Keys hold ids base64url-encoded, because Teams
// ids may contain characters Table Storage forbids in keys.

export interface ConversationEntry {
  conversationId: string;
  conversationType: string;
  tenantId?: string;
  teamId?: string;
  /** Set for 1:1 chats only: who the bot talks to. */
  userAadObjectId?: string;
  locale?: string;
  reference: ConversationRef;
}

export interface StoredConversation extends ConversationEntry {
  updatedAt: string;
}

export interface TeamMember {
  teamId: string;
  tenantId?: string;
  /** The Teams user id (29:…), needed to open a 1:1 chat proactively. */
  userId: string;
  aadObjectId?: string;
  name?: string;
  email?: string;
  userPrincipalName?: string;
  serviceUrl: string;
}

export interface ConversationStore {
  /**
   * Stores where the conversation is. A turn repeats what is stored nearly always, so an entry this instance
   * stored within `REMEMBER_AGAIN_AFTER_MS`, unchanged, is not written again (its `updatedAt` is that much behind at most).
   */
  remember(entry: ConversationEntry, now?: Date): Promise<void>;
  get(conversationId: string, tenantId?: string): Promise<StoredConversation | undefined>;
  findPersonal(userAadObjectId: string): Promise<StoredConversation | undefined>;
  listForTeam(teamId: string): Promise<StoredConversation[]>;
  rememberMember(member: TeamMember, now?: Date): Promise<void>;
  listTeamMembers(teamId: string): Promise<TeamMember[]>;
  /**
   * True for one caller at a time per person: who opens their 1:1 chat proactively. A claim older than
   * `leaseMs` (its holder died) may be taken over. The row names the person, so erasure removes it.
   */
  claimPersonalChat(userAadObjectId: string, tenantId: string | undefined, now: Date, leaseMs: number): Promise<boolean>;
  /** Lets go of the claim once the chat is stored (or opening it failed). */
  releasePersonalChat(userAadObjectId: string, tenantId: string | undefined): Promise<void>;
  /** True for exactly one caller per conversation within the window: who posts the welcome. */
  claimWelcome(conversationId: string, tenantId?: string, now?: Date): Promise<boolean>;
  /**
   * Every row that names the person (data-protection requests): one scan, fine for a rare request. An
   * e-mail reaches an Entra id only through the team member rows Teams reported.
   */
  aboutPerson(person: PersonKey): Promise<PersonRows>;
  /** Deletes their 1:1 chats and team memberships; removes them as the last writer of other conversations. */
  forgetPerson(person: PersonKey): Promise<number>;
  /**
   * Moves the 1:1 chat rows of earlier versions (in the tenant's partition, found only by a scan) to their row by
   * Entra id, once: a marker row says it was done. Until then `findPersonal` also looks where they were.
   */
  movePersonalRowsOnce(): Promise<number>;
}

export interface PersonKey {
  userId?: string;
  email?: string;
}

export interface PersonRows {
  personalChats: StoredConversation[];
  teamMemberships: TeamMember[];
  /** Conversations whose stored reference names them as the last person who wrote there. */
  lastWriterIn: string[];
}

// Teams announces one install twice (conversationUpdate and installationUpdate), maybe to two
// instances at once; a reinstall after this window is welcomed again.
const WELCOME_WINDOW_MS = 10 * 60 * 1000;

const encode = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
const partitionOf = (tenantId?: string) => tenantId || 'local';
/**
 * Each person's 1:1 chat by Entra object id, in one partition of its own so `findPersonal` is a point read (an
 * Entra object id is unique across tenants; a tenant id is a GUID or 'local', never this).
 */
const PERSONAL_PARTITION = 'personal';
const MOVED_MARKER = { partitionKey: PERSONAL_PARTITION, rowKey: '~moved-v1' };
/** How long an unchanged conversation is not stored again by the instance that stored it. */
export const REMEMBER_AGAIN_AFTER_MS = 5 * 60 * 1000;
const conversationKey = (conversationId: string) => `conversation|${encode(conversationId)}`;
const personalKey = (aadObjectId: string) => `personal|${encode(aadObjectId)}`;
const openingKey = (aadObjectId: string) => `opening|${encode(aadObjectId)}`;
const memberKey = (teamId: string, userId: string) => `member|${encode(teamId)}|${encode(userId)}`;

type Row = Record<string, unknown>;

export function createConversationStore(table: TableClient): ConversationStore {
  const query = async (filter: string) => {
    const rows: Row[] = [];
    for await (const row of table.listEntities<Row>({ queryOptions: { filter } })) rows.push(row);
    return rows;
  };
  /** What this instance stored lately, by conversation: the entry's fingerprint and when. */
  const stored = new Map<string, { fingerprint: string; at: number }>();
  /** Set once the rows of earlier versions are known to be moved: `findPersonal` is one point read then. */
  let moved = false;

  /** The newest of the person's 1:1 chat rows where earlier versions kept them (a scan over the tenants). */
  const legacyPersonal = async (userAadObjectId: string) => {
    const rows = await query(odata`RowKey eq ${personalKey(userAadObjectId)}`);
    return rows.filter((row) => row.partitionKey !== PERSONAL_PARTITION).sort((a, b) => String(b.updatedAt ?? '').localeCompare(String(a.updatedAt ?? '')))[0];
  };

  return {
    async remember(entry, now = new Date()) {
      const partitionKey = partitionOf(entry.tenantId);
      const cacheKey = `${partitionKey}|${entry.conversationId}`;
      const fingerprint = JSON.stringify(entry);
      const last = stored.get(cacheKey);
      if (last && last.fingerprint === fingerprint && now.getTime() - last.at < REMEMBER_AGAIN_AFTER_MS && now.getTime() >= last.at) return;
      const fields = conversationFields(entry, now);
      // Merge keeps columns this write does not know about (welcomedAt).
      const writes: Promise<unknown>[] = [table.upsertEntity({ partitionKey, rowKey: conversationKey(entry.conversationId), rowKind: 'conversation', ...fields }, 'Merge')];
      if (entry.userAadObjectId) {
        writes.push(table.upsertEntity({ partitionKey: PERSONAL_PARTITION, rowKey: personalKey(entry.userAadObjectId), rowKind: 'personal', ...fields }, 'Merge'));
      }
      await Promise.all(writes);
      if (stored.size >= 10_000) stored.clear();
      stored.set(cacheKey, { fingerprint, at: now.getTime() });
    },

    async get(conversationId, tenantId) {
      if (tenantId !== undefined) {
        const row = await getRow(table, partitionOf(tenantId), conversationKey(conversationId));
        return row && toConversation(row);
      }
      const [row] = await query(odata`RowKey eq ${conversationKey(conversationId)}`);
      return row && toConversation(row);
    },

    async findPersonal(userAadObjectId) {
      const row = await getRow(table, PERSONAL_PARTITION, personalKey(userAadObjectId));
      if (row) return toConversation(row);
      if (moved) return undefined;
      // Not moved yet (a store the app did not start): where earlier versions stored it.
      const legacy = await legacyPersonal(userAadObjectId);
      return legacy && toConversation(legacy);
    },

    async movePersonalRowsOnce() {
      if (await getRow(table, MOVED_MARKER.partitionKey, MOVED_MARKER.rowKey)) {
        moved = true;
        return 0;
      }
      const legacy = (await query(odata`RowKey ge ${'personal|'} and RowKey lt ${'personal}'}`)).filter((row) => row.partitionKey !== PERSONAL_PARTITION);
      const newest = new Map<string, Row>();
      for (const row of legacy) {
        const kept = newest.get(String(row.rowKey));
        if (!kept || String(row.updatedAt ?? '') > String(kept.updatedAt ?? '')) newest.set(String(row.rowKey), row);
      }
      for (const [rowKey, row] of newest) {
        const current = await getRow(table, PERSONAL_PARTITION, rowKey);
        // A row stored since (by this version) is newer than any of the old ones.
        if (!current) {
          const { partitionKey: _p, rowKey: _r, etag: _e, timestamp: _t, ...fields } = row;
          await table.upsertEntity({ partitionKey: PERSONAL_PARTITION, rowKey, ...fields }, 'Merge');
        }
      }
      for (const row of legacy) {
        await table.deleteEntity(String(row.partitionKey), String(row.rowKey)).catch((error: { statusCode?: number }) => {
          if (error.statusCode !== 404) throw error;
        });
      }
      await table.upsertEntity({ ...MOVED_MARKER, rowKind: 'marker', movedAt: new Date().toISOString(), rows: legacy.length }, 'Replace');
      moved = true;
      return legacy.length;
    },

    async listForTeam(teamId) {
      const rows = await query(odata`rowKind eq 'conversation' and teamId eq ${teamId}`);
      return rows.map(toConversation);
    },

    async rememberMember(member, now = new Date()) {
      const row = { partitionKey: partitionOf(member.tenantId), rowKey: memberKey(member.teamId, member.userId), rowKind: 'member' };
      await table.upsertEntity({ ...row, ...withoutUndefined({ ...member }), updatedAt: now.toISOString() }, 'Merge');
    },

    async listTeamMembers(teamId) {
      const rows = await query(odata`rowKind eq 'member' and teamId eq ${teamId}`);
      return rows.map(toMember);
    },

    async claimPersonalChat(userAadObjectId, tenantId, now, leaseMs) {
      const partitionKey = partitionOf(tenantId);
      const rowKey = openingKey(userAadObjectId);
      const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
      try {
        await table.createEntity({ partitionKey, rowKey, rowKind: 'opening', userAadObjectId, leaseUntil });
        return true;
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode !== 409) throw error;
      }
      const row = await getRow(table, partitionKey, rowKey);
      if (!row || Date.parse(String(row.leaseUntil)) > now.getTime()) return false;
      try {
        await table.updateEntity({ partitionKey, rowKey, leaseUntil }, 'Merge', { etag: row.etag as string });
        return true;
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 412) return false;
        throw error;
      }
    },

    async releasePersonalChat(userAadObjectId, tenantId) {
      await table.deleteEntity(partitionOf(tenantId), openingKey(userAadObjectId)).catch((error: { statusCode?: number }) => {
        if (error.statusCode !== 404) throw error;
      });
    },

    async claimWelcome(conversationId, tenantId, now = new Date()) {
      const partitionKey = partitionOf(tenantId);
      const rowKey = conversationKey(conversationId);
      for (let attempt = 0; attempt < 3; attempt++) {
        const row = await getRow(table, partitionKey, rowKey);
        if (!row) return false;
        const welcomedAt = typeof row.welcomedAt === 'string' ? Date.parse(row.welcomedAt) : NaN;
        if (now.getTime() - welcomedAt < WELCOME_WINDOW_MS) return false;
        try {
          await table.updateEntity({ partitionKey, rowKey, welcomedAt: now.toISOString() }, 'Merge', { etag: row.etag as string });
          return true;
        } catch (error) {
          if ((error as { statusCode?: number }).statusCode !== 412) throw error;
        }
      }
      return false;
    },

    async aboutPerson(person) {
      const rows = await rowsAbout(table, person);
      return {
        personalChats: rows.filter((m) => m.kind === 'personal' && m.row.rowKind === 'conversation').map((m) => toConversation(m.row)),
        teamMemberships: rows.filter((m) => m.kind === 'member').map((m) => toMember(m.row)),
        lastWriterIn: rows.filter((m) => m.kind === 'lastWriter').map((m) => textOf(m.row, 'conversationId') ?? ''),
      };
    },

    async forgetPerson(person) {
      // What this instance remembers storing may be what is deleted now: the next turn stores it again.
      stored.clear();
      const rows = await rowsAbout(table, person);
      for (const { row, kind } of rows) {
        const key = [String(row.partitionKey), String(row.rowKey)] as const;
        if (kind === 'lastWriter') {
          const reference = JSON.parse(textOf(row, 'referenceJson') ?? '{}') as ConversationRef;
          // Later posts go to the conversation itself; who wrote last is not needed for that.
          await table.updateEntity({ partitionKey: key[0], rowKey: key[1], referenceJson: JSON.stringify({ ...reference, user: undefined }) }, 'Merge');
        } else {
          await table.deleteEntity(key[0], key[1]).catch((error: { statusCode?: number }) => {
            if (error.statusCode !== 404) throw error;
          });
        }
      }
      return rows.length;
    },
  };
}

type Matched = { row: Row; kind: 'personal' | 'member' | 'lastWriter' };

const normalEmail = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : undefined);

/**
 * The person's rows: by the Entra id given, and by every id Teams' own roster (the member rows) lists
 * under the e-mail given. Only Teams' word links an e-mail to an id here, never a row a user wrote.
 */
async function rowsAbout(table: TableClient, person: PersonKey): Promise<Matched[]> {
  const email = normalEmail(person.email);
  const sameEmail = (row: Row) => !!email && (normalEmail(row.email) === email || normalEmail(row.userPrincipalName) === email);
  const rows: Row[] = [];
  for await (const row of table.listEntities<Row>()) rows.push(row);
  const rosterIds = rows.filter((row) => row.rowKind === 'member' && sameEmail(row)).map((row) => textOf(row, 'aadObjectId'));
  const ids = new Set([person.userId, ...rosterIds].filter((id): id is string => !!id));
  const matched: Matched[] = [];
  for (const row of rows) {
    if (row.rowKind === 'member') {
      if (ids.has(textOf(row, 'aadObjectId') ?? '') || sameEmail(row)) matched.push({ row, kind: 'member' });
    } else if (ids.has(textOf(row, 'userAadObjectId') ?? '')) {
      matched.push({ row, kind: 'personal' });
    } else if (ids.has((JSON.parse(textOf(row, 'referenceJson') ?? '{}') as ConversationRef).user?.aadObjectId ?? '')) {
      matched.push({ row, kind: 'lastWriter' });
    }
  }
  return matched;
}

function conversationFields(entry: ConversationEntry, now: Date): Row {
  const { reference, ...columns } = entry;
  return { ...withoutUndefined(columns), referenceJson: JSON.stringify(reference), updatedAt: now.toISOString() };
}

async function getRow(table: TableClient, partitionKey: string, rowKey: string): Promise<Row | undefined> {
  try {
    return await table.getEntity<Row>(partitionKey, rowKey);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return undefined;
    throw error;
  }
}

function toConversation(row: Row): StoredConversation {
  const text = (name: string) => textOf(row, name);
  return withoutUndefined({
    conversationId: text('conversationId') ?? '',
    conversationType: text('conversationType') ?? '',
    tenantId: text('tenantId'),
    teamId: text('teamId'),
    userAadObjectId: text('userAadObjectId'),
    locale: text('locale'),
    reference: JSON.parse(text('referenceJson') ?? '{}') as ConversationRef,
    updatedAt: text('updatedAt') ?? '',
  });
}

function toMember(row: Row): TeamMember {
  const text = (name: string) => textOf(row, name);
  return withoutUndefined({
    teamId: text('teamId') ?? '',
    tenantId: text('tenantId'),
    userId: text('userId') ?? '',
    aadObjectId: text('aadObjectId'),
    name: text('name'),
    email: text('email'),
    userPrincipalName: text('userPrincipalName'),
    serviceUrl: text('serviceUrl') ?? '',
  });
}

function textOf(row: Row, name: string): string | undefined {
  const value = row[name];
  return typeof value === 'string' ? value : undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
