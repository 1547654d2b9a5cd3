import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_KEYS, ConfigError, loadConfig } from '../../bot/config/config';

// Production is all or nothing: any half-configured environment that would leave a local door open
// (development identities, an anonymous bot, Azurite) refuses to start with a message saying what is missing.

const TENANT = '5b0c2f1e-8a7d-4c3b-9e1f-2a6d4c8b0e11';
const production = {
  AAD_APP_CLIENT_ID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  AAD_APP_TENANT_ID: TENANT,
  BOT_ID: '7e1c9d2a-4b3f-4c5d-8e6f-0a1b2c3d4e5f',
  BOT_TYPE: 'UserAssignedMSI',
  BOT_TENANT_ID: TENANT,
  AZURE_CLIENT_ID: '7e1c9d2a-4b3f-4c5d-8e6f-0a1b2c3d4e5f',
  STORAGE_TABLE_ENDPOINT: 'https://stnetvaerk.table.core.windows.net',
  WEBSITE_SITE_NAME: 'app-netvaerk',
};

const refusal = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
};

describe('configuration', () => {
  test('nothing set is local mode: development identities, Azurite, the Playground', () => {
    const config = loadConfig({});
    expect(config.auth.mode).toBe('development');
    expect(config.playground.start).toBe(true);
    expect(config.storage.connectionString).toBeUndefined();
    expect(config.retention.defaultMonths).toBe(12);
  });

  test('development mode, which trusts X-Dev-User, listens only on this machine; production on every interface; HOST decides when set', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig(production).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  test('the App Service settings give teams mode with managed-identity storage and no Playground', () => {
    const config = loadConfig(production);
    expect(config.auth).toMatchObject({ mode: 'teams', clientId: production.AAD_APP_CLIENT_ID, tenantId: TENANT });
    expect(config.bot).toMatchObject({ appId: production.BOT_ID, appType: 'UserAssignedMSI', tenantId: TENANT });
    expect(config.storage).toMatchObject({ tableEndpoint: production.STORAGE_TABLE_ENDPOINT, managedIdentityClientId: production.AZURE_CLIENT_ID });
    expect(config.playground.start).toBe(false);
  });

  test.each([
    ['Entra ID without a bot registration', { ...production, BOT_ID: '' }, /BOT_ID is required/],
    ['a bot without Entra ID', { ...production, AAD_APP_CLIENT_ID: '' }, /AAD_APP_CLIENT_ID is required/],
    ['App Service without anything', { WEBSITE_SITE_NAME: 'app-netvaerk' }, /AAD_APP_CLIENT_ID is required.*BOT_ID is required.*STORAGE_TABLE_ENDPOINT/],
    ['production without storage', { ...production, STORAGE_TABLE_ENDPOINT: '' }, /STORAGE_TABLE_ENDPOINT \(or STORAGE_CONNECTION_STRING\) is required/],
    ['the Playground forced on', { ...production, START_PLAYGROUND: 'true' }, /START_PLAYGROUND=true is not allowed/],
    ['two kinds of storage', { ...production, STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }, /not both/],
    ['a password bot without its password', { ...production, BOT_TYPE: 'SingleTenant' }, /BOT_PASSWORD is required/],
    ['storage over plain http', { ...production, STORAGE_TABLE_ENDPOINT: 'http://stnetvaerk.table.core.windows.net' }, /https URL/],
    ['a retention of 0 months', { RETENTION_MONTHS: '0' }, /RETENTION_MONTHS/],
  ])('refuses %s', (_name, env, message) => {
    expect(refusal(env)).toMatch(message);
  });
});

test('every setting the service reads is documented in .env.example and the README', () => {
  const root = path.resolve(__dirname, '..', '..');
  const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  // App Service sets WEBSITE_SITE_NAME itself; nobody configures it.
  const documented = CONFIG_KEYS.filter((key) => key !== 'WEBSITE_SITE_NAME');
  expect(documented.filter((key) => !new RegExp(`^${key}=`, 'm').test(example))).toEqual([]);
  expect(documented.filter((key) => !readme.includes(`\`${key}\``))).toEqual([]);
});
