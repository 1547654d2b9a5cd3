// The deployment files agree with each other and with the code: m365agents.yml (the Agents Toolkit
// project), env/.env.dev, infra/azure.bicep + azure.parameters.json, aad.manifest.json, the Teams
// manifest and the service's configuration schema. Bicep cannot be compiled offline, so the Bicep is
// read as text: parameters, outputs, app settings and the security-relevant properties.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseEnv } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { CONFIG_KEYS, loadConfig } from '../../bot/config/config';
import { appPackagePath, placeholdersIn } from '../../scripts/appPackage';
import { DEPLOY_ENTRIES, PRODUCTION_INSTALL, STAGE_DIR, deployFileSelection, stageDeploy } from '../../scripts/stageDeploy';

const ROOT = join(__dirname, '..', '..');
const readText = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const readJson = <T = Record<string, unknown>>(file: string): T => JSON.parse(readText(file)) as T;
const envFile = (file: string): Record<string, string> => parseEnv(readText(file)) as Record<string, string>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------------------------------------
// Bicep, read as text

const BICEP = readText('infra/azure.bicep');

interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
  decorators: string[];
}

function bicepParams(text: string): BicepParam[] {
  const lines = text.split('\n');
  const params: BicepParam[] = [];
  lines.forEach((line, i) => {
    const m = /^param\s+(\w+)\s+(\w+)(\s*=.*)?$/.exec(line.trim());
    if (!m) return;
    const decorators: string[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const previous = lines[j]!.trim();
      if (previous.startsWith('@')) decorators.push(previous);
      else if (previous.startsWith("'") || previous === ')' || previous === '])') continue; // multi-line @allowed
      else break;
    }
    params.push({ name: m[1]!, type: m[2]!, hasDefault: m[3] !== undefined, decorators });
  });
  return params;
}

const bicepOutputs = (text: string): string[] => [...text.matchAll(/^output\s+(\w+)\s+\w+\s*=/gm)].map((m) => m[1]!);

/** The `{...}` body that follows `header` (braces matched; ` //` comments skipped, not the // of URLs). */
function block(text: string, header: string): string {
  const start = text.indexOf(header);
  if (start < 0) throw new Error(`not found: ${header}`);
  const open = text.indexOf('{', start + header.length);
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text.startsWith('//', i) && /\s/.test(text[i - 1] ?? '\n')) {
      i = text.indexOf('\n', i);
      continue;
    }
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`unbalanced braces after: ${header}`);
}

/** The raw value of `key: value` directly in a block (the first match, comments stripped). */
function property(body: string, key: string): string | undefined {
  const m = new RegExp(`^\\s*${key}:\\s*(.+?)\\s*(\\s//.*)?$`, 'm').exec(body);
  return m?.[1];
}

/** `resource <symbol> '<type>@<version>'` for every resource. */
function bicepResources(text: string): { symbol: string; type: string; apiVersion: string }[] {
  return [...text.matchAll(/^resource\s+(\w+)\s+'([^'@]+)@([^']+)'/gm)].map((m) => ({ symbol: m[1]!, type: m[2]!, apiVersion: m[3]! }));
}

const resourceBody = (symbol: string): string => block(BICEP, `resource ${symbol} '`);

function appSettings(): Record<string, string> {
  const body = block(resourceBody('appSettings'), 'properties:');
  const settings: Record<string, string> = {};
  for (const m of body.matchAll(/^\s*([A-Z][A-Z0-9_]*):\s*(.+?)\s*$/gm)) settings[m[1]!] = m[2]!;
  return settings;
}

// ---------------------------------------------------------------------------------------------
// The Toolkit project file and the environment files

type Action = { uses: string; name?: string; with?: Record<string, unknown>; writeToEnvironmentFile?: Record<string, string> };
type Project = { version: string; environmentFolderPath: string; provision: Action[]; deploy: Action[]; publish: Action[] };

const YAML_TEXT = readText('m365agents.yml');
const PROJECT = parseYaml(YAML_TEXT) as Project;
const ENV_DEV = envFile('env/.env.dev');
const ENV_USER_EXAMPLE = envFile('env/.env.dev.user.example');

/** Built-in Toolkit variables that are legitimately empty in a committed .env file. */
const MAY_BE_EMPTY = ['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'RESOURCE_SUFFIX', 'APP_NAME_SUFFIX'];

/**
 * aadApp/update writes AAD_APP_ACCESS_AS_USER_PERMISSION_ID when the manifest uses it and it is empty
 * (documented in the Toolkit's action reference and its yaml schema); it has no writeToEnvironmentFile.
 */
const IMPLICIT_OUTPUTS: Record<string, string[]> = { 'aadApp/update': ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'] };

/** The `with` keys each action requires, and the writeToEnvironmentFile keys it requires (schema v1.11). */
const ACTION_SHAPES: Record<string, { with: string[]; writes?: string[] }> = {
  'teamsApp/create': { with: ['name'], writes: ['teamsAppId'] },
  'aadApp/create': { with: ['name', 'generateClientSecret', 'signInAudience'], writes: ['clientId', 'objectId', 'clientSecret'] },
  'arm/deploy': { with: ['subscriptionId', 'resourceGroupName', 'templates'] },
  'aadApp/update': { with: ['manifestPath', 'outputFilePath'] },
  'teamsApp/validateManifest': { with: ['manifestPath'] },
  'teamsApp/zipAppPackage': { with: ['manifestPath', 'outputZipPath', 'outputFolder'] },
  'teamsApp/validateAppPackage': { with: ['appPackagePath'] },
  'teamsApp/update': { with: ['appPackagePath'] },
  'teamsApp/publishAppPackage': { with: ['appPackagePath'], writes: ['publishedAppId'] },
  'cli/runNpmCommand': { with: ['args'] },
  'azureAppService/zipDeploy': { with: ['artifactFolder', 'resourceId'] },
};

/** Files an action reads and fills with ${{...}} besides its own `with` values. */
function filesReadBy(action: Action): string[] {
  const w = action.with ?? {};
  switch (action.uses) {
    case 'arm/deploy':
      return (w.templates as { path: string; parameters?: string }[]).flatMap((t) => [t.path, ...(t.parameters ? [t.parameters] : [])]);
    case 'aadApp/update':
      return [w.manifestPath as string];
    case 'teamsApp/validateManifest':
    case 'teamsApp/zipAppPackage': {
      // The manifest and the localisation files it names.
      const manifestPath = w.manifestPath as string;
      const manifest = readJson<{ localizationInfo?: { additionalLanguages?: { file: string }[] } }>(manifestPath);
      const languages = manifest.localizationInfo?.additionalLanguages ?? [];
      return [manifestPath, ...languages.map((l) => join(dirname(manifestPath), l.file))];
    }
    default:
      return [];
  }
}

/** What an action adds to the environment once it has run. */
function outputsOf(action: Action): string[] {
  const written = Object.values(action.writeToEnvironmentFile ?? {});
  const fromBicep = action.uses === 'arm/deploy' ? bicepOutputs(BICEP) : [];
  return [...written, ...fromBicep, ...(IMPLICIT_OUTPUTS[action.uses] ?? [])];
}

/** Walks the actions in order; returns "<action>: NAME" for every placeholder nothing has set yet. */
function unresolvedPlaceholders(actions: Action[], available: Set<string>): string[] {
  const problems: string[] = [];
  for (const action of actions) {
    for (const name of IMPLICIT_OUTPUTS[action.uses] ?? []) available.add(name); // generated when used and empty
    const texts = [JSON.stringify(action.with ?? {}), ...filesReadBy(action).map((file) => readText(file))];
    for (const name of placeholdersIn(texts.join('\n'))) if (!available.has(name)) problems.push(`${action.uses}: ${name}`);
    for (const name of outputsOf(action)) available.add(name);
  }
  return problems;
}

/** What the person provisioning provides: the non-empty values of .env.dev and the built-ins that may stay empty. */
function initiallyAvailable(): Set<string> {
  const set = new Set(Object.entries(ENV_DEV).filter(([, value]) => value !== '').map(([key]) => key));
  for (const key of MAY_BE_EMPTY) if (key in ENV_DEV) set.add(key);
  return set;
}

describe('m365agents.yml', () => {
  it('is a v1.11 Toolkit project with the schema line current templates use', () => {
    expect(YAML_TEXT.split('\n')[0]).toBe('# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json');
    expect(PROJECT.version).toBe('v1.11');
    expect(PROJECT.environmentFolderPath).toBe('./env');
    expect(Object.keys(PROJECT).sort()).toEqual(['deploy', 'environmentFolderPath', 'provision', 'publish', 'version']);
  });

  it('provisions in the order the steps depend on each other', () => {
    expect(PROJECT.provision.map((a) => a.uses)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update', // needs BOT_DOMAIN from arm/deploy
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(PROJECT.publish.map((a) => a.uses)).toEqual([
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/publishAppPackage',
    ]);
  });

  it('uses only known actions, each with the parameters its schema requires', () => {
    for (const action of [...PROJECT.provision, ...PROJECT.deploy, ...PROJECT.publish]) {
      const shape = ACTION_SHAPES[action.uses];
      expect({ action: action.uses, known: shape !== undefined }).toEqual({ action: action.uses, known: true });
      for (const key of shape!.with) expect({ action: action.uses, key, present: action.with?.[key] !== undefined }).toMatchObject({ present: true });
      for (const key of shape!.writes ?? []) expect(action.writeToEnvironmentFile?.[key]).toMatch(/^[A-Z][A-Z0-9_]*$/);
      // Files the action points at exist.
      for (const file of filesReadBy(action)) expect({ file, exists: existsSync(join(ROOT, file)) }).toEqual({ file, exists: true });
    }
  });

  it('creates a single-tenant Entra app with a client secret, written to a SECRET_ variable', () => {
    const create = PROJECT.provision.find((a) => a.uses === 'aadApp/create')!;
    expect(create.with).toMatchObject({ generateClientSecret: true, signInAudience: 'AzureADMyOrg' });
    expect(create.writeToEnvironmentFile).toEqual({
      clientId: 'AAD_APP_CLIENT_ID',
      clientSecret: 'SECRET_AAD_APP_CLIENT_SECRET',
      objectId: 'AAD_APP_OBJECT_ID',
      tenantId: 'AAD_APP_TENANT_ID',
      authority: 'AAD_APP_OAUTH_AUTHORITY',
      authorityHost: 'AAD_APP_OAUTH_AUTHORITY_HOST',
    });
    const update = PROJECT.provision.find((a) => a.uses === 'aadApp/update')!;
    expect(update.with?.manifestPath).toBe('./aad.manifest.json');
  });

  it('sets every ${{X}} it uses (in the yml, the parameters file, aad.manifest.json, the app package) before it is used', () => {
    const available = initiallyAvailable();
    expect(unresolvedPlaceholders(PROJECT.provision, available)).toEqual([]);
    const afterProvision = [...available];
    expect(unresolvedPlaceholders(PROJECT.deploy, new Set(afterProvision))).toEqual([]);
    expect(unresolvedPlaceholders(PROJECT.publish, new Set(afterProvision))).toEqual([]);
  });

  it('the ordering check can fail: aadApp/update before arm/deploy lacks the domain', () => {
    const reordered = [...PROJECT.provision];
    const update = reordered.findIndex((a) => a.uses === 'aadApp/update');
    const [moved] = reordered.splice(update, 1);
    reordered.splice(reordered.findIndex((a) => a.uses === 'arm/deploy'), 0, moved!);
    expect(unresolvedPlaceholders(reordered, initiallyAvailable())).toContain('aadApp/update: BOT_DOMAIN');
  });

  it('deploys the staged artifact to the web app the Bicep creates, with npm scripts that exist', () => {
    const scripts = readJson<{ scripts: Record<string, string> }>('package.json').scripts;
    const npmSteps = PROJECT.deploy.filter((a) => a.uses === 'cli/runNpmCommand').map((a) => String(a.with!.args));
    expect(npmSteps[0]).toBe('ci --no-audit --no-fund'); // exactly the locked versions
    for (const args of npmSteps.filter((a) => a.startsWith('run '))) expect(scripts[args.split(/\s+/)[1]!]).toBeDefined();
    expect(npmSteps).toEqual(expect.arrayContaining(['run build', 'run stage:deploy']));
    expect(scripts['stage:deploy']).toBe('tsx scripts/stageDeploy.ts');

    const zipDeploy = PROJECT.deploy.at(-1)!;
    expect(zipDeploy.uses).toBe('azureAppService/zipDeploy');
    expect(zipDeploy.with).toMatchObject({ artifactFolder: `./${STAGE_DIR}`, resourceId: '${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}' });
    expect(bicepOutputs(BICEP)).toContain('BOT_AZURE_APP_SERVICE_RESOURCE_ID');
  });

  it('zips the app package where `npm run package` writes it too', () => {
    for (const zip of [...PROJECT.provision, ...PROJECT.publish].filter((a) => a.uses === 'teamsApp/zipAppPackage')) {
      expect(zip.with).toEqual({
        manifestPath: './appPackage/manifest.json',
        outputZipPath: './appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip',
        outputFolder: './appPackage/build',
      });
      expect(appPackagePath('appPackage', 'dev')).toBe(join('appPackage', 'build', 'appPackage.dev.zip'));
    }
  });
});

describe('env/.env.dev and env/.env.dev.user.example', () => {
  const generated = [...PROJECT.provision, ...PROJECT.publish].flatMap(outputsOf);

  it('are the dev environment, with no secret in the committed file', () => {
    expect(ENV_DEV.TEAMSFX_ENV).toBe('dev');
    expect(Object.keys(ENV_DEV).filter((key) => key.startsWith('SECRET_'))).toEqual([]);
    expect(Object.keys(ENV_USER_EXAMPLE)).toEqual(['SECRET_AAD_APP_CLIENT_SECRET']);
    expect(Object.values(ENV_USER_EXAMPLE)).toEqual(['']);
    // The real secrets file is git-ignored, the example is not.
    const ignore = readText('.gitignore').split('\n');
    expect(ignore).toContain('*.user');
    expect('.env.dev.user.example'.endsWith('.user')).toBe(false);
  });

  it('list every value the Toolkit generates, empty, and nothing else empty', () => {
    for (const name of generated) {
      if (name.startsWith('SECRET_')) expect(ENV_USER_EXAMPLE).toHaveProperty([name], '');
      else expect({ name, value: ENV_DEV[name] }).toEqual({ name, value: '' });
    }
    const empty = Object.keys(ENV_DEV).filter((key) => ENV_DEV[key] === '');
    expect(empty.filter((key) => !generated.includes(key) && !MAY_BE_EMPTY.includes(key))).toEqual([]);
  });

  it('give the publisher fields and a name suffix that fits the 30-character short name', () => {
    for (const key of ['DEVELOPER_WEBSITE_URL', 'DEVELOPER_PRIVACY_URL', 'DEVELOPER_TERMS_OF_USE_URL']) expect(ENV_DEV[key]).toMatch(/^https:\/\//);
    expect(ENV_DEV.DEVELOPER_NAME!.length).toBeGreaterThan(0);
    expect(ENV_DEV.DEVELOPER_NAME!.length).toBeLessThanOrEqual(32);
    expect(ENV_DEV.APP_NAME_SUFFIX).toBe(' (dev)'); // quoted in the file: the leading space survives
    expect(`Netværk${ENV_DEV.APP_NAME_SUFFIX}`.length).toBeLessThanOrEqual(30);
  });
});

describe('infra/azure.bicep and azure.parameters.json', () => {
  const params = bicepParams(BICEP);
  const parameterFile = readJson<{ parameters: Record<string, { value: unknown }> }>('infra/azure.parameters.json').parameters;

  it('agree on the parameters', () => {
    const names = params.map((p) => p.name);
    expect(Object.keys(parameterFile).filter((key) => !names.includes(key))).toEqual([]);
    expect(params.filter((p) => !p.hasDefault).map((p) => p.name).filter((name) => !(name in parameterFile))).toEqual([]);
    // The parser found the parameters (not vacuous).
    expect(names).toEqual(expect.arrayContaining(['resourceBaseName', 'aadAppClientId', 'aadAppTenantId', 'aadAppClientSecret', 'retentionMonths']));
  });

  it('passes the client secret only through a @secure() parameter fed by a SECRET_ variable', () => {
    const secret = params.find((p) => p.name === 'aadAppClientSecret')!;
    expect(secret.decorators).toContain('@secure()');
    expect(parameterFile.aadAppClientSecret!.value).toBe('${{SECRET_AAD_APP_CLIENT_SECRET}}');
    for (const [name, { value }] of Object.entries(parameterFile)) {
      if (name !== 'aadAppClientSecret') expect(JSON.stringify(value)).not.toContain('SECRET_');
    }
    expect(params.find((p) => p.name === 'retentionMonths')).toMatchObject({ type: 'int', hasDefault: true });
  });

  it('uses released (non-preview) API versions', () => {
    const resources = bicepResources(BICEP);
    expect(resources.map((r) => `${r.type}@${r.apiVersion}`).sort()).toEqual([
      'Microsoft.Authorization/roleAssignments@2022-04-01',
      'Microsoft.BotService/botServices/channels@2022-09-15',
      'Microsoft.BotService/botServices@2022-09-15',
      'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31',
      'Microsoft.Storage/storageAccounts@2023-05-01',
      'Microsoft.Web/serverfarms@2024-04-01',
      'Microsoft.Web/sites/config@2024-04-01',
      'Microsoft.Web/sites@2024-04-01',
    ]);
  });

  it('outputs what the Toolkit file and the manifests use, in upper case', () => {
    const outputs = bicepOutputs(BICEP);
    expect(outputs).toEqual(expect.arrayContaining(['BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN', 'BOT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT']));
    for (const name of outputs) expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(BICEP).toMatch(/^output TAB_ENDPOINT string = 'https:\/\/\$\{webApp\.properties\.defaultHostName\}'$/m);
    expect(BICEP).toMatch(/^output TAB_DOMAIN string = webApp\.properties\.defaultHostName$/m);
    expect(BICEP).toMatch(/^output BOT_DOMAIN string = webApp\.properties\.defaultHostName$/m);
    expect(BICEP).toMatch(/^output BOT_ID string = identity\.properties\.clientId$/m);
  });

  it('locks the storage account down: TLS 1.2, HTTPS only, no public blobs, no keys', () => {
    const storage = resourceBody('storage');
    expect(property(storage, 'kind')).toBe("'StorageV2'");
    expect(property(storage, 'minimumTlsVersion')).toBe("'TLS1_2'");
    expect(property(storage, 'supportsHttpsTrafficOnly')).toBe('true');
    expect(property(storage, 'allowBlobPublicAccess')).toBe('false');
    expect(property(storage, 'allowSharedKeyAccess')).toBe('false');
  });

  it('gives the managed identity the Storage Table Data Contributor role on the account', () => {
    const assignment = resourceBody('tableDataAccess');
    expect(property(assignment, 'scope')).toBe('storage');
    expect(property(assignment, 'principalId')).toBe('identity.properties.principalId');
    expect(property(assignment, 'principalType')).toBe("'ServicePrincipal'");
    expect(property(assignment, 'roleDefinitionId')).toBe(
      "subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)",
    );
    expect(BICEP).toMatch(/^var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'$/m);
  });

  it('runs the service on Linux Node 22 with the same command as `npm start`, HTTPS only, no FTP, /healthz', () => {
    const site = resourceBody('webApp');
    const siteConfig = block(site, 'siteConfig:');
    const start = readJson<{ scripts: Record<string, string> }>('package.json').scripts.start;
    expect(property(siteConfig, 'linuxFxVersion')).toBe("'NODE|22-lts'");
    expect(property(siteConfig, 'appCommandLine')).toBe(`'${start}'`);
    expect(property(siteConfig, 'minTlsVersion')).toBe("'1.2'");
    expect(property(siteConfig, 'ftpsState')).toBe("'Disabled'");
    expect(property(siteConfig, 'healthCheckPath')).toBe("'/healthz'");
    expect(property(siteConfig, 'alwaysOn')).toBe('alwaysOnSupported');
    expect(property(site, 'httpsOnly')).toBe('true');
    expect(property(site, 'kind')).toBe("'app,linux'");
    expect(block(site, 'identity:')).toContain("'${identity.id}': {}");
    expect(readText('bot/server/createServer.ts')).toContain("server.get('/healthz'");
  });

  it('registers the bot with the managed identity and the service\'s /api/messages, on the Teams channel', () => {
    const bot = resourceBody('bot');
    expect(property(bot, 'kind')).toBe("'azurebot'");
    expect(property(bot, 'location')).toBe("'global'");
    expect(property(bot, 'msaAppType')).toBe("'UserAssignedMSI'");
    expect(property(bot, 'msaAppId')).toBe('identity.properties.clientId');
    expect(property(bot, 'msaAppMSIResourceId')).toBe('identity.id');
    expect(property(bot, 'msaAppTenantId')).toBe('identity.properties.tenantId');
    expect(property(bot, 'endpoint')).toBe("'https://${webApp.properties.defaultHostName}/api/messages'");
    expect(readText('bot/server/createServer.ts')).toContain("server.post('/api/messages'");
    const channel = resourceBody('teamsChannel');
    expect(property(channel, 'parent')).toBe('bot');
    expect(property(channel, 'channelName')).toBe("'MsTeamsChannel'");
  });
});

describe('the App Service settings', () => {
  /**
   * Settings for the platform, not the service. WEBSITE_RUN_FROM_PACKAGE=1 mounts the deployed zip
   * read-only (atomic deploys; supported for Node on Linux). SCM_DO_BUILD_DURING_DEPLOYMENT=false: the
   * artifact is already built and holds its production node_modules, so no Oryx build on the server.
   * (WEBSITE_NODE_DEFAULT_VERSION is Windows-only; on Linux linuxFxVersion picks Node.)
   */
  const PLATFORM_SETTINGS = ['WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT'];

  const settings = appSettings();

  it('are exactly the keys the service reads (bot/config/config.ts), plus the documented platform ones', () => {
    expect(Object.keys(settings).filter((key) => !CONFIG_KEYS.includes(key) && !PLATFORM_SETTINGS.includes(key))).toEqual([]);
    expect(Object.keys(settings).sort()).toEqual(
      [
        'PUBLIC_URL',
        'TEAMS_APP_ID',
        'BOT_ID',
        'BOT_TYPE',
        'BOT_TENANT_ID',
        'AZURE_CLIENT_ID',
        'STORAGE_TABLE_ENDPOINT',
        'AAD_APP_CLIENT_ID',
        'AAD_APP_TENANT_ID',
        'AAD_APP_ID_URI',
        'AAD_APP_CLIENT_SECRET',
        'LOG_LEVEL',
        'SCHEDULER',
        'RETENTION_MONTHS',
        ...PLATFORM_SETTINGS,
      ].sort(),
    );
    expect(settings).not.toHaveProperty('WEBSITE_NODE_DEFAULT_VERSION');
    expect(settings).not.toHaveProperty('STORAGE_CONNECTION_STRING'); // no keys: the managed identity
  });

  it('wire the managed identity, the table endpoint and the SSO audience', () => {
    expect(settings).toMatchObject({
      PUBLIC_URL: "'https://${webApp.properties.defaultHostName}'",
      TEAMS_APP_ID: 'teamsAppId',
      BOT_ID: 'identity.properties.clientId',
      AZURE_CLIENT_ID: 'identity.properties.clientId',
      BOT_TYPE: "'UserAssignedMSI'",
      BOT_TENANT_ID: 'subscription().tenantId',
      STORAGE_TABLE_ENDPOINT: 'storage.properties.primaryEndpoints.table',
      AAD_APP_CLIENT_ID: 'aadAppClientId',
      AAD_APP_TENANT_ID: 'aadAppTenantId',
      AAD_APP_ID_URI: "'api://${webApp.properties.defaultHostName}/${aadAppClientId}'",
      AAD_APP_CLIENT_SECRET: 'aadAppClientSecret',
      SCHEDULER: "'on'",
      RETENTION_MONTHS: 'string(retentionMonths)',
      WEBSITE_RUN_FROM_PACKAGE: "'1'",
    });
  });

  it('are enough for the service to start in production mode', () => {
    // What App Service would pass, with sample values for the Bicep expressions.
    const host = 'app-netvaerkaarhus-abc123.azurewebsites.net';
    const sample: Record<string, string> = {
      PUBLIC_URL: `https://${host}`,
      TEAMS_APP_ID: '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      BOT_ID: '9a8b7c6d-5e4f-4321-9876-abcdef012345',
      BOT_TYPE: 'UserAssignedMSI',
      BOT_TENANT_ID: '11111111-2222-4333-8444-555555555555',
      AZURE_CLIENT_ID: '9a8b7c6d-5e4f-4321-9876-abcdef012345',
      STORAGE_TABLE_ENDPOINT: 'https://stnetvaerkaarhusabc123.table.core.windows.net/',
      AAD_APP_CLIENT_ID: '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
      AAD_APP_TENANT_ID: '11111111-2222-4333-8444-555555555555',
      AAD_APP_ID_URI: `api://${host}/0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e`,
      AAD_APP_CLIENT_SECRET: 'not-a-real-secret',
      LOG_LEVEL: 'info',
      SCHEDULER: 'on',
      RETENTION_MONTHS: '12',
      WEBSITE_RUN_FROM_PACKAGE: '1',
      SCM_DO_BUILD_DURING_DEPLOYMENT: 'false',
    };
    expect(Object.keys(sample).sort()).toEqual(Object.keys(settings).sort());
    const config = loadConfig({ ...sample, WEBSITE_SITE_NAME: 'app-netvaerkaarhus-abc123', PORT: '8080' });
    expect(config.auth).toMatchObject({ mode: 'teams', clientId: sample.AAD_APP_CLIENT_ID, applicationIdUri: sample.AAD_APP_ID_URI });
    expect(config.bot).toMatchObject({ appId: sample.BOT_ID, appType: 'UserAssignedMSI', tenantId: sample.BOT_TENANT_ID });
    expect(config.playground.start).toBe(false);
    expect(config.scheduler.enabled).toBe(true);
    expect(config.graph.clientSecret).toBe(sample.AAD_APP_CLIENT_SECRET);
  });
});

describe('aad.manifest.json', () => {
  type AadManifest = {
    id: string;
    appId: string;
    displayName: string;
    signInAudience: string;
    identifierUris: string[];
    api: {
      requestedAccessTokenVersion: number;
      oauth2PermissionScopes: { id: string; value: string; type: string; isEnabled: boolean }[];
      preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
    };
    appRoles: { id: string; value: string; displayName: string; allowedMemberTypes: string[]; isEnabled: boolean; description: string }[];
    optionalClaims: { accessToken: { name: string }[] };
    requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
    web: { redirectUris: string[]; implicitGrantSettings: { enableIdTokenIssuance: boolean; enableAccessTokenIssuance: boolean } };
  };
  const aad = readJson<AadManifest>('aad.manifest.json');

  /** Microsoft Graph's delegated permission ids (the same in every tenant). */
  const GRAPH_DELEGATED: Record<string, string> = {
    'User.Read': 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
    'Calendars.ReadWrite': '1ec239c2-d7c9-4623-a91a-a9775856bb36',
    openid: '37f7f235-527c-4136-accd-4a02d197296e',
    profile: '14dad69e-099b-42c9-810b-d002981feec1',
    offline_access: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182',
    email: '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0',
  };
  const TEAMS_CLIENTS = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'];

  it('uses the Toolkit\'s current (Microsoft Graph) manifest format for the app created by aadApp/create', () => {
    expect(aad).toHaveProperty('displayName'); // the legacy format has "name"
    expect(aad).not.toHaveProperty('name');
    expect(aad.id).toBe('${{AAD_APP_OBJECT_ID}}');
    expect(aad.appId).toBe('${{AAD_APP_CLIENT_ID}}');
    expect(aad.signInAudience).toBe('AzureADMyOrg');
    expect(aad.api.requestedAccessTokenVersion).toBe(2);
    expect(aad.optionalClaims.accessToken.map((c) => c.name)).toContain('idtyp');
  });

  it('has the Application ID URI the Teams manifest asks tokens for (with TAB_DOMAIN = BOT_DOMAIN)', () => {
    expect(aad.identifierUris).toEqual(['api://${{BOT_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    const webApplicationInfo = readJson<{ webApplicationInfo: { id: string; resource: string } }>('appPackage/manifest.json').webApplicationInfo;
    const sameDomain = (text: string) => text.replace('${{TAB_DOMAIN}}', '${{BOT_DOMAIN}}');
    expect(sameDomain(webApplicationInfo.resource)).toBe(aad.identifierUris[0]);
    expect(webApplicationInfo.id).toBe(aad.appId);
    // The Bicep's TAB_DOMAIN and BOT_DOMAIN outputs are one host, and the service checks the same audience.
    expect(BICEP).toMatch(/^output TAB_DOMAIN string = webApp\.properties\.defaultHostName$/m);
    expect(appSettings().AAD_APP_ID_URI).toBe("'api://${webApp.properties.defaultHostName}/${aadAppClientId}'");
  });

  it('exposes access_as_user, pre-authorised for the Teams desktop/mobile and web clients', () => {
    const [scope, ...others] = aad.api.oauth2PermissionScopes;
    expect(others).toEqual([]);
    expect(scope).toMatchObject({ value: 'access_as_user', type: 'User', isEnabled: true, id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}' });
    expect(aad.api.preAuthorizedApplications).toEqual(TEAMS_CLIENTS.map((appId) => ({ appId, delegatedPermissionIds: [scope!.id] })));
  });

  it('asks Microsoft Graph for exactly the delegated permissions the app uses', () => {
    expect(aad.requiredResourceAccess).toHaveLength(1);
    const [graph] = aad.requiredResourceAccess;
    expect(graph!.resourceAppId).toBe('00000003-0000-0000-c000-000000000000');
    expect(graph!.resourceAccess.every((access) => access.type === 'Scope')).toBe(true);
    expect(graph!.resourceAccess.map((access) => access.id).sort()).toEqual(Object.values(GRAPH_DELEGATED).sort());
    // The calendar booking asks for this scope (on-behalf-of and the consent popup).
    expect(readText('tabs/src/pages/consent.ts')).toContain('https://graph.microsoft.com/Calendars.ReadWrite');
  });

  it('redirects the consent popup back to /tabs/consent.html, which asks for an ID token', () => {
    expect(aad.web.redirectUris).toEqual(['https://${{BOT_DOMAIN}}/tabs/consent.html']);
    expect(existsSync(join(ROOT, 'tabs', 'consent.html'))).toBe(true);
    expect(readText('vite.config.mjs')).toContain("'tabs/consent.html'");
    // consent.ts uses response_type=id_token (fragment) with a web redirect URI: ID token issuance on.
    expect(readText('tabs/src/pages/consent.ts')).toContain("response_type: 'id_token'");
    expect(aad.web.implicitGrantSettings).toEqual({ enableIdTokenIssuance: true, enableAccessTokenIssuance: false });
  });

  it('defines the one app role the service reads from the roles claim: PrivacyOfficer', () => {
    expect(aad.appRoles).toHaveLength(1);
    const [role] = aad.appRoles;
    expect(role).toMatchObject({
      value: 'PrivacyOfficer',
      displayName: 'Databeskyttelse: eksport og sletning af persondata',
      allowedMemberTypes: ['User'],
      isEnabled: true,
    });
    expect(role!.id).toMatch(GUID);
    expect(role!.id).toBe('37567cbb-0c87-4c48-9cfe-a3be75c31722'); // fixed: changing it orphans existing assignments
    expect(role!.description.length).toBeGreaterThan(0);
  });
});

describe('scripts/stageDeploy.ts', () => {
  let root: string;
  const write = (file: string, text = 'x') => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'netvaerk-stage-'));
    for (const file of [
      'dist/bot/index.js',
      'dist/bot/index.js.map',
      'dist/bot/teams/adapter.js',
      'dist/tabs/config.html',
      'dist/tabs/personal.html',
      'dist/tabs/consent.html',
      'dist/tabs/assets/app-1a2b.js',
      'dist/scripts/seedExample.js',
      'package.json',
      'package-lock.json',
      'bot/index.ts',
      'tabs/config.html',
      'node_modules/jest/index.js',
      'env/.env.dev',
      'env/.env.dev.user',
      '.env.local',
    ]) {
      write(file);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('selects the built service, the built tabs and the npm manifests — no sources, dev scripts or secrets', () => {
    expect(DEPLOY_ENTRIES).toEqual(['dist/bot', 'dist/tabs', 'package.json', 'package-lock.json']);
    expect(deployFileSelection(root)).toEqual([
      'dist/bot/index.js',
      'dist/bot/index.js.map',
      'dist/bot/teams/adapter.js',
      'dist/tabs/assets/app-1a2b.js',
      'dist/tabs/config.html',
      'dist/tabs/consent.html',
      'dist/tabs/personal.html',
      'package-lock.json',
      'package.json',
    ]);
  });

  it('installs only the locked production dependencies, without scripts and without rewriting the lock', () => {
    expect(PRODUCTION_INSTALL).toEqual(expect.arrayContaining(['ci', '--omit=dev', '--ignore-scripts']));
  });

  it('copies the selection into the stage folder, replacing an old one', () => {
    const out = join(root, STAGE_DIR);
    write(`${STAGE_DIR}/stale.txt`);
    stageDeploy(root, out, { install: false });
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
    expect(readFileSync(join(out, 'dist', 'bot', 'index.js'), 'utf8')).toBe('x');
    expect(existsSync(join(out, 'dist', 'scripts'))).toBe(false);
    expect(existsSync(join(out, 'bot'))).toBe(false);
    expect(() => stageDeploy(root, root, { install: false })).toThrow(/Refusing/);
  });

  it('names what is missing when the build has not run', () => {
    rmSync(join(root, 'dist', 'tabs', 'consent.html'));
    rmSync(join(root, 'dist', 'bot', 'index.js'));
    expect(() => deployFileSelection(root)).toThrow(/dist\/bot\/index\.js, dist\/tabs\/consent\.html.*npm run build/);
  });

  it('is git-ignored, like the app package build folder and the Toolkit\'s zip', () => {
    const ignore = readText('.gitignore').split('\n');
    expect(ignore).toEqual(expect.arrayContaining([`${STAGE_DIR}/`, 'appPackage/build/', '.deployment/']));
  });
});
