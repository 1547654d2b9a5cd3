// `npm run package` (scripts/package.ts → scripts/appPackage): from an environment's values to a Teams
// app package zip — placeholders filled, validated offline against the official schemas, four files
// flat at the zip root — and a clear error naming every unset variable.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import {
  AppPackageError,
  buildAppPackage,
  escapeLoneBrackets,
  loadOfflineSchema,
  packageApp,
  parsePackageArgs,
  readEnvironment,
  unsetPlaceholders,
} from '../../scripts/appPackage';

// @microsoft/app-manifest require()s strip-bom 5, which is ESM-only; Jest's CommonJS runtime cannot
// load it (Node itself can). Only the package's read*FromFile helpers use it, not the code under test.
jest.mock('strip-bom', () => ({
  __esModule: true,
  default: (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
}));

const ROOT = join(__dirname, '..', '..');
const APP_PACKAGE = join(ROOT, 'appPackage');
const MANIFEST_SCHEMA_V129 = 'https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json';

// What env/.env.sample would hold after `atk provision`: GUIDs and https URLs.
const SAMPLE_ENV = `# sample environment
TEAMSFX_ENV=sample
APP_NAME_SUFFIX=" (test)"
DEVELOPER_NAME=Eksempel Kommune
DEVELOPER_WEBSITE_URL=https://netvaerk.eksempel-kommune.dk
DEVELOPER_PRIVACY_URL=https://www.eksempel-kommune.dk/privatlivspolitik
DEVELOPER_TERMS_OF_USE_URL=https://netvaerk.eksempel-kommune.dk/vilkaar
TEAMS_APP_ID=3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d
AAD_APP_CLIENT_ID=0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e
BOT_ID=9a8b7c6d-5e4f-4321-9876-abcdef012345
BOT_DOMAIN=app-netvaerk-abc123.azurewebsites.net
TAB_DOMAIN=app-netvaerk-abc123.azurewebsites.net
TAB_ENDPOINT=https://app-netvaerk-abc123.azurewebsites.net
`;

const PACKAGE_FILES = ['manifest.json', 'en.json', 'color.png', 'outline.png'];

let fetchSpy: jest.SpiedFunction<typeof fetch>;
let root: string;

/** A throwaway project root: the real appPackage/ plus env/ with the given files. */
function project(envFiles: Record<string, string>): string {
  mkdirSync(join(root, 'env'), { recursive: true });
  for (const [name, text] of Object.entries(envFiles)) writeFileSync(join(root, 'env', name), text);
  return root;
}

beforeAll(() => {
  fetchSpy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    throw new Error(`network access attempted in a unit test: ${String(input)}`);
  });
});
afterAll(() => fetchSpy.mockRestore());
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'netvaerk-package-'));
  // packageApp reads <root>/appPackage: point it at the real one.
  symlinkSync(APP_PACKAGE, join(root, 'appPackage'), 'dir');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  expect(fetchSpy).not.toHaveBeenCalled();
});

async function validateManifest(manifest: unknown): Promise<string[]> {
  const schema = loadOfflineSchema(MANIFEST_SCHEMA_V129) as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  return AppManifestUtils.validateAgainstSchema(manifest as AppManifest, schema);
}

describe('npm run package', () => {
  it('builds a zip with exactly the four files flat at its root, every placeholder filled', async () => {
    const out = join(root, 'out', 'appPackage.sample.zip');
    const result = await packageApp({ root: project({ '.env.sample': SAMPLE_ENV }), environment: 'sample', processEnv: {}, outFile: out });
    expect(result.zipPath).toBe(out);
    expect(result.warnings).toEqual([]);

    const entries = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Object.keys(entries).sort()).toEqual([...PACKAGE_FILES].sort());
    for (const name of Object.keys(entries)) expect(name).not.toMatch(/[/\\]/);

    const manifestText = Buffer.from(entries['manifest.json']!).toString('utf8');
    const englishText = Buffer.from(entries['en.json']!).toString('utf8');
    expect(manifestText).not.toContain('${{');
    expect(englishText).not.toContain('${{');

    const manifest = JSON.parse(manifestText) as { $schema: string; id: string; name: { short: string }; bots: { botId: string }[]; webApplicationInfo: { resource: string } };
    expect(manifest.$schema).toBe(MANIFEST_SCHEMA_V129);
    expect(await validateManifest(manifest)).toEqual([]);
    expect(manifest.id).toBe('3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
    expect(manifest.name.short).toBe('Netværk (test)');
    expect(manifest.bots[0]!.botId).toBe('9a8b7c6d-5e4f-4321-9876-abcdef012345');
    expect(manifest.webApplicationInfo.resource).toBe('api://app-netvaerk-abc123.azurewebsites.net/0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e');

    const english = JSON.parse(englishText) as Record<string, string>;
    expect(english['name.short']).toBe('Netværk (test)');
    expect(english['staticTabs[1].name']).toBe('My networks');

    // The icons are the committed files, byte for byte.
    for (const icon of ['color.png', 'outline.png']) expect(Buffer.compare(Buffer.from(entries[icon]!), readFileSync(join(APP_PACKAGE, icon)))).toBe(0);
  });

  it('writes appPackage/build/appPackage.<env>.zip by default, and the same input gives the same bytes', async () => {
    const first = await buildAppPackage(APP_PACKAGE, readEnvironment(join(project({ '.env.sample': SAMPLE_ENV }), 'env'), 'sample', {}).values);
    const second = await buildAppPackage(APP_PACKAGE, readEnvironment(join(root, 'env'), 'sample', {}).values);
    expect(Buffer.compare(Buffer.from(first.zip), Buffer.from(second.zip))).toBe(0);
  });

  it('names every unset variable in one error, and builds nothing', async () => {
    const withoutIds = SAMPLE_ENV.replace(/^BOT_ID=.*$/m, '').replace(/^TEAMS_APP_ID=.*$/m, 'TEAMS_APP_ID=');
    const out = join(root, 'out', 'never.zip');
    const attempt = packageApp({ root: project({ '.env.sample': withoutIds }), environment: 'sample', processEnv: {}, outFile: out });
    await expect(attempt).rejects.toThrow(AppPackageError);
    await expect(attempt).rejects.toThrow(/Unset variables in the app package: BOT_ID, TEAMS_APP_ID\./);
    await expect(attempt).rejects.toThrow(/env\/\.env\.sample/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('allows an empty name suffix (production) but no other empty value', () => {
    const text = '{"a":"${{APP_NAME_SUFFIX}}","b":"${{BOT_ID}}","c":"${{ TAB_DOMAIN }}"}';
    expect(unsetPlaceholders(text, { APP_NAME_SUFFIX: '', BOT_ID: ' ', TAB_DOMAIN: 'x' })).toEqual(['BOT_ID']);
    expect(unsetPlaceholders(text, {})).toEqual(['APP_NAME_SUFFIX', 'BOT_ID', 'TAB_DOMAIN']);
  });

  it('fails on schema errors, listing them', async () => {
    const values = readEnvironment(join(project({ '.env.sample': SAMPLE_ENV }), 'env'), 'sample', {}).values;
    await expect(buildAppPackage(APP_PACKAGE, { ...values, BOT_ID: 'not-a-guid' })).rejects.toThrow(/manifest\.json: \/bots\/0\/botId /);
    await expect(buildAppPackage(APP_PACKAGE, { ...values, APP_NAME_SUFFIX: ' — a suffix far too long for Teams' })).rejects.toThrow(
      /manifest\.json: \/name\/short [\s\S]*en\.json: \/name\.short /,
    );
  });

  it('reads env/.env.<name>.user after env/.env.<name>, and the process environment wins over both', () => {
    const dir = join(project({ '.env.sample': SAMPLE_ENV, '.env.sample.user': 'SECRET_X=from-user\nBOT_DOMAIN=user.example.net\n' }), 'env');
    const env = readEnvironment(dir, 'sample', { BOT_DOMAIN: 'process.example.net' });
    expect(env.values.SECRET_X).toBe('from-user');
    expect(env.values.BOT_DOMAIN).toBe('process.example.net');
    expect(env.values.APP_NAME_SUFFIX).toBe(' (test)');
    expect(env.files.map((file) => file.slice(dir.length + 1))).toEqual(['.env.sample', '.env.sample.user']);
    expect(() => readEnvironment(dir, 'prod', {})).toThrow(/No environment file .*\.env\.prod\. Known environments: sample\./);
  });

  it('warns while the publisher URLs are still the committed examples', async () => {
    const example = SAMPLE_ENV.replace('https://www.eksempel-kommune.dk/privatlivspolitik', 'https://www.eksempel-kommune.example/privatlivspolitik');
    const values = readEnvironment(join(project({ '.env.sample': example }), 'env'), 'sample', {}).values;
    const built = await buildAppPackage(APP_PACKAGE, values);
    expect(built.warnings).toEqual([expect.stringContaining('developer.privacyUrl is still an example address')]);
  });

  it('takes the environment from --env (default dev) and rejects anything else', () => {
    expect(parsePackageArgs([])).toEqual({ environment: 'dev' });
    expect(parsePackageArgs(['--env', 'prod'])).toEqual({ environment: 'prod' });
    expect(parsePackageArgs(['--env=test'])).toEqual({ environment: 'test' });
    expect(() => parsePackageArgs(['--env'])).toThrow(/needs an environment name/);
    expect(() => parsePackageArgs(['--env', '../x'])).toThrow(/Invalid environment name/);
    expect(() => parsePackageArgs(['prod'])).toThrow(/Unknown argument/);
  });

  it('repairs the localisation schema\'s lone brackets without changing their meaning', () => {
    const broken = '^activities.activityTypes\\[\\b(\\d|[1-9]\\d)\\b]\\.description$';
    expect(() => new RegExp(broken, 'u')).toThrow();
    const fixed = escapeLoneBrackets(broken);
    expect(new RegExp(fixed, 'u').test('activities.activityTypes[12].description')).toBe(true);
    expect(new RegExp(broken).test('activities.activityTypes[12].description')).toBe(true);
  });
});
