import { odata, type TableClient, type TableEntity } from '@azure/data-tables';
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

  return {
    async remember(entry, now = new Date()) {
      const partitionKey = partitionOf(entry.tenantId);
      const fields = conversationFields(entry, now);
      const rows: TableEntity<Row>[] = [{ partitionKey, rowKey: conversationKey(entry.conversationId), rowKind: 'conversation', ...fields }];
      if (entry.userAadObjectId) {
        rows.push({ partitionKey, rowKey: personalKey(entry.userAadObjectId), rowKind: 'personal', ...fields });
      }
      // Merge keeps columns this write does not know about (welcomedAt).
      await table.submitTransaction(rows.map((row) => ['upsert', row, 'Merge']));
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
      const rows = await query(odata`RowKey eq ${personalKey(userAadObjectId)}`);
      const newest = rows.map(toConversation).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      return newest[0];
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
