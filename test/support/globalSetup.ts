import { startAzurite } from '../../bot/storage/azurite';

// One in-memory Azurite for the whole run; each test file uses its own table names.
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite();
  process.env.TEST_TABLES_CONNECTION_STRING = azurite.connectionString;
  (globalThis as { __AZURITE__?: unknown }).__AZURITE__ = azurite;
}
