import type { Logger } from '../config/logger';
import type { NetworkAggregate } from '../domain/model';
import type { NetworkStore } from '../storage/networkStore';
import { StoreError } from '../storage/errors';
import type { ConversationStore, PersonRows } from '../storage/conversationStore';
import type { JobStore } from '../scheduler/jobStore';
import { personalDataIn, type NetworkPersonalData } from './exportData';
import { eraseFromNetwork } from './erasure';
import { isSubject, participantsOf, type DataSubject } from './person';
import { memberKeys } from '../domain/access';
import { isDueForDeletion } from './retention';

// Data-protection requests and retention over all three tables. Rare and thorough: every network is read.

export interface PrivacyDeps {
  store: NetworkStore;
  jobs: JobStore;
  conversations: ConversationStore;
  now: () => Date;
  logger?: Logger;
}

export interface PersonalDataExport {
  format: 'netvaerk-personal-data/1';
  exportedAt: string;
  subject: DataSubject;
  networks: NetworkPersonalData[];
  bot: PersonRows;
  scheduledMessages: { networkId: string; kind: string; meetingId?: string; dueAt: string; state: string; outcome?: string }[];
}

export interface ErasureReport {
  networksChanged: number;
  rowsChanged: number;
  privateReflectionsDeleted: number;
  scheduledMessagesDeleted: number;
  botRowsForgotten: number;
}

/** Erasure refused before anything changed: the person still leads these networks. */
export class ErasureBlocked extends Error {
  constructor(readonly networks: { id: string; name: string }[]) {
    super(`leads ${networks.length} network(s) that are not delivered`);
  }
}

async function everyNetwork(store: NetworkStore): Promise<NetworkAggregate[]> {
  const { networks } = await store.listNetworks();
  const loaded = await Promise.all(networks.map((network) => store.load(network.id)));
  return loaded.filter((aggregate): aggregate is NetworkAggregate => !!aggregate);
}

export async function exportPerson(deps: PrivacyDeps, subject: DataSubject): Promise<PersonalDataExport> {
  const aggregates = await everyNetwork(deps.store);
  const networks = aggregates.map((aggregate) => personalDataIn(aggregate, subject)).filter((data): data is NetworkPersonalData => !!data);
  const scheduledMessages: PersonalDataExport['scheduledMessages'] = [];
  for (const aggregate of aggregates) {
    const mine = new Set(participantsOf(aggregate, subject).map((p) => p.id));
    if (!mine.size) continue;
    for (const job of await deps.jobs.listForNetwork(aggregate.network.id)) {
      if (job.participantId && mine.has(job.participantId)) {
        scheduledMessages.push({ networkId: job.networkId, kind: job.kind, meetingId: job.meetingId, dueAt: job.dueAt, state: job.state, outcome: job.outcome });
      }
    }
  }
  // Only proof says whose bot rows they are (the request's own id and e-mail): a network row anyone wrote never does.
  const bot = await deps.conversations.aboutPerson(subject);
  return { format: 'netvaerk-personal-data/1', exportedAt: deps.now().toISOString(), subject, networks, bot, scheduledMessages };
}

export async function erasePerson(deps: PrivacyDeps, subject: DataSubject): Promise<ErasureReport> {
  const aggregates = await everyNetwork(deps.store);
  const blocked = aggregates.filter((aggregate) => eraseFromNetwork(aggregate, subject).blocked);
  if (blocked.length) throw new ErasureBlocked(blocked.map(({ network }) => ({ id: network.id, name: network.name })));

  const report: ErasureReport = { networksChanged: 0, rowsChanged: 0, privateReflectionsDeleted: 0, scheduledMessagesDeleted: 0, botRowsForgotten: 0 };
  // Every key the person index may hold them under: the request's, and their rows' in the networks (an e-mail request finds their Entra id there).
  const indexKeys = new Set(memberKeys(subject));
  for (const first of aggregates) {
    const participantIds = new Set(participantsOf(first, subject).map((p) => p.id));
    for (const person of [...participantsOf(first, subject), ...[first.network.leader, first.network.coDriver, first.network.referenceLeader].filter((ref) => isSubject(subject, ref))]) {
      for (const key of memberKeys(person ?? {})) indexKeys.add(key);
    }
    const erasure = await eraseWithRetry(deps.store, first, subject);
    if (erasure.changed) report.networksChanged++;
    report.rowsChanged += erasure.changed;
    report.privateReflectionsDeleted += erasure.privateReflectionsDeleted;
    if (participantIds.size) {
      const jobs = (await deps.jobs.listForNetwork(first.network.id)).filter((job) => job.participantId && participantIds.has(job.participantId));
      await deps.jobs.remove(jobs);
      report.scheduledMessagesDeleted += jobs.length;
    }
  }
  // The commits above took them out of the person index already; these are any rows left by a crash or a race.
  await deps.store.forgetInIndex([...indexKeys]);
  report.botRowsForgotten = await deps.conversations.forgetPerson(subject);
  deps.logger?.info({ ...report }, 'person erased');
  return report;
}

/** Someone may be editing the network meanwhile: their change wins the race, then the erasure runs again. */
async function eraseWithRetry(store: NetworkStore, aggregate: NetworkAggregate, subject: DataSubject, attempts = 3) {
  let current: NetworkAggregate | undefined = aggregate;
  for (let attempt = 1; current; attempt++) {
    const { changes, privateReflectionsDeleted, blocked } = eraseFromNetwork(current, subject);
    if (blocked) throw new ErasureBlocked([{ id: current.network.id, name: current.network.name }]);
    try {
      if (changes.length) await store.commit(current.network.id, changes, { networkBefore: current.network });
      return { changed: changes.length, privateReflectionsDeleted };
    } catch (error) {
      if (!(error instanceof StoreError && error.kind === 'conflict') || attempt >= attempts) throw error;
      current = await store.load(current.network.id);
    }
  }
  return { changed: 0, privateReflectionsDeleted: 0 };
}

/** Deletes every network whose retention ran out, with its scheduled messages; returns their ids. */
export async function deleteExpiredNetworks(deps: PrivacyDeps & { defaultMonths: number }): Promise<string[]> {
  const { networks } = await deps.store.listNetworks();
  const expired = networks.filter((network) => isDueForDeletion(network, deps.defaultMonths, deps.now()));
  for (const network of expired) {
    await deps.store.deleteNetwork(network.id);
    await deps.jobs.removeNetwork(network.id);
    deps.logger?.info({ networkId: network.id, deliveredAt: network.deliveredAt, endDate: network.endDate }, 'network deleted: retention ran out');
  }
  return expired.map((network) => network.id);
}
