import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { loadConfig, type Config } from '../bot/config/config';
import { adviseOnPlan } from '../bot/domain/advice';
import { formatDate } from '../bot/domain/dates';
import { networkTypeLabel } from '../bot/domain/labels';
import type { NetworkAggregate } from '../bot/domain/model';
import { emulatorConnectionString } from '../bot/storage/azurite';
import { NetworkStore } from '../bot/storage/networkStore';
import { createTables, ensureTables } from '../bot/storage/tables';
import { buildExamples, exampleProblems, exampleRows } from './examples';

// `npm run seed:example`: loads the two example networks (scripts/examples) into storage, replacing
// them if they are there already, so a new user sees a full plan at once. Storage is the app's:
// STORAGE_CONNECTION_STRING if set; else the Azurite that `npm start` runs on 127.0.0.1:10002; else
// an Azurite started here on the same data folder (DATA_DIR/azurite) and stopped again.

export interface LoadedExample {
  id: string;
  name: string;
  type: NetworkAggregate['network']['type'];
  startDate: string;
  endDate: string;
  meetings: number;
  coreParticipants: number;
  alongParticipants: number;
  plannerRows: number;
  ideas: number;
  reflections: number;
  advice: number;
}

/** Replaces the example networks in the store. Checks both before writing either; throws on a broken rule. */
export async function seedExamples(store: NetworkStore, now: Date = new Date()): Promise<LoadedExample[]> {
  const examples = buildExamples(now);
  for (const example of examples) {
    const problems = exampleProblems(example);
    if (problems.length) {
      throw new Error(`The example network "${example.network.name}" breaks the network's rules:\n  ${problems.join('\n  ')}`);
    }
  }
  for (const example of examples) {
    const rows = exampleRows(example);
    await store.deleteNetwork(example.network.id);
    await store.commit(example.network.id, rows);
  }
  return examples.map(describe);
}

/** The same, given where the tables are: creates them if missing. */
export async function seedExampleTables(options: { connectionString: string; prefix?: string; now?: Date }): Promise<LoadedExample[]> {
  const tables = createTables({ connectionString: options.connectionString, prefix: options.prefix });
  await ensureTables(tables);
  return seedExamples(new NetworkStore(tables.networks), options.now);
}

function describe({ network, meetings, participants, assignments, ideas, reflections, ...rest }: NetworkAggregate): LoadedExample {
  return {
    id: network.id,
    name: network.name,
    type: network.type,
    startDate: network.startDate,
    endDate: network.endDate,
    meetings: meetings.length,
    coreParticipants: participants.filter((p) => p.kind === 'core').length,
    alongParticipants: participants.filter((p) => p.kind === 'along').length,
    plannerRows: assignments.length,
    ideas: ideas.length,
    reflections: reflections.length,
    advice: adviseOnPlan({ network, meetings, participants, assignments, ideas, reflections, ...rest }).length,
  };
}

const AZURITE_PORT = 10002; // as bot/local/localCloud.ts

interface Storage {
  connectionString: string;
  where: string;
  stop(): Promise<void>;
}

async function openStorage(config: Config): Promise<Storage> {
  if (config.storage.connectionString) {
    return { connectionString: config.storage.connectionString, where: 'STORAGE_CONNECTION_STRING', stop: async () => {} };
  }
  if (await answers('127.0.0.1', AZURITE_PORT)) {
    return { connectionString: emulatorConnectionString(AZURITE_PORT), where: `Azurite on 127.0.0.1:${AZURITE_PORT}`, stop: async () => {} };
  }
  const { startAzurite } = await import('../bot/storage/azurite');
  const location = path.join(config.storage.dataDir, 'azurite');
  const azurite = await startAzurite({ location, port: 0 });
  return { connectionString: azurite.connectionString, where: `Azurite started here on ${location}`, stop: () => azurite.stop() };
}

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function main(): Promise<void> {
  if (fs.existsSync('.env.local')) process.loadEnvFile('.env.local');
  const config = loadConfig();
  const storage = await openStorage(config);
  let loaded: LoadedExample[];
  try {
    loaded = await seedExampleTables({ connectionString: storage.connectionString, prefix: config.storage.tablePrefix });
  } finally {
    await storage.stop();
  }
  const base = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '');
  const lines = [
    '',
    `  Eksempelnetværk indlæst / example networks loaded (${storage.where}${config.storage.tablePrefix ? `, tables ${config.storage.tablePrefix}*` : ''}):`,
    '',
    ...loaded.flatMap((e) => [
      `  ${e.name} — ${networkTypeLabel(e.type, 'da').toLowerCase()}, ${formatDate(e.startDate)}–${formatDate(e.endDate)}`,
      `    ${e.meetings} møder, ${e.coreParticipants} kernedeltagere + ${e.alongParticipants} løbende, ${e.plannerRows} rækker i planlægningsredskabet, ${e.ideas} idéer, ${e.reflections} refleksioner${e.advice ? `, ${e.advice} råd` : ''}`,
      `    ${base}/tabs/plan.html?networkId=${encodeURIComponent(e.id)}`,
      '',
    ]),
    '  Åbn fanen som Lene Holm (udviklingsidentitet "lene"); Omar er co-driver, Jens og Helle deltagere, Birgitte referenceleder.',
    '  Agents Playgrounds bruger, Alex Wilber, er kernedeltager i begge: skriv "næste møde" eller "mine refleksioner" i chatten.',
    '  Open the tab as Lene Holm ("lene"). Running it again replaces the two networks. Start the service with `npm start`.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      // eslint-disable-next-line no-console
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
