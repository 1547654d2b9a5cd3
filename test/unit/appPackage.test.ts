// The Teams app package (appPackage/): the manifest and its English localisation validate offline against
// the official schemas shipped in @microsoft/app-manifest once the ${{...}} placeholders are filled; every
// placeholder is documented; the localisation covers exactly the manifest's user-facing strings; the icons
// have the sizes and colours Teams requires and match what scripts/make-icons.ts draws.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { ACCENT_COLOR, colorIcon, outlineIcon } from '../../scripts/make-icons';
import { da } from '../../bot/i18n/da';
import { en as enMessages } from '../../bot/i18n/en';
import { matchCommand } from '../../bot/teams/commandMatching';
import { PARK_COMMAND_ID } from '../../bot/ideas/parkTask';
import { offlineSchemaFile, validateAgainstOfflineSchema } from '../../scripts/appPackage';

// @microsoft/app-manifest require()s strip-bom 5, which is ESM-only; Node 20 loads it, Jest's CommonJS
// runtime (before Node 24.9) cannot. It is used only by the package's read*FromFile helpers, not here,
// so stand in for it with the same behaviour.
jest.mock('strip-bom', () => ({
  __esModule: true,
  default: (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
}));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const APP_PACKAGE = join(__dirname, '..', '..', 'appPackage');
const SCHEMA_VERSION = '1.29';
const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${SCHEMA_VERSION}/MicrosoftTeams.schema.json`;
const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${SCHEMA_VERSION}/MicrosoftTeams.Localization.schema.json`;

// Sample values, shaped like what the Toolkit writes to env/.env.<environment>.
const SAMPLE: Record<string, string> = {
  TEAMS_APP_ID: '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  APP_NAME_SUFFIX: ' (lokal)',
  BOT_ID: '9a8b7c6d-5e4f-4321-9876-abcdef012345',
  BOT_DOMAIN: 'netvaerk-dev.azurewebsites.net',
  TAB_ENDPOINT: 'https://netvaerk-dev.azurewebsites.net',
  TAB_DOMAIN: 'netvaerk-dev.azurewebsites.net',
  AAD_APP_CLIENT_ID: '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
  DEVELOPER_NAME: 'Eksempel Kommune',
  DEVELOPER_WEBSITE_URL: 'https://netvaerk.eksempel-kommune.dk',
  DEVELOPER_PRIVACY_URL: 'https://www.eksempel-kommune.dk/privatlivspolitik',
  DEVELOPER_TERMS_OF_USE_URL: 'https://netvaerk.eksempel-kommune.dk/vilkaar',
};

const PLACEHOLDER = /\$\{\{(.*?)\}\}/g;

const readText = (file: string): string => readFileSync(join(APP_PACKAGE, file), 'utf8');
const readJson = (file: string): JsonObject => JSON.parse(readText(file)) as JsonObject;
const readPng = (file: string): PNG => PNG.sync.read(readFileSync(join(APP_PACKAGE, file)));

function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** Fills ${{NAME}} in the raw file text, as the Toolkit does (values JSON-escaped); unknown names throw. */
function fill(file: string, values: Record<string, string> = SAMPLE): JsonObject {
  const text = readText(file).replace(PLACEHOLDER, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${file}: no sample value for placeholder ${name}`);
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(text) as JsonObject;
}

/** The placeholder names listed in the "## Placeholders" table of appPackage/README.md. */
function documentedPlaceholders(): string[] {
  const readme = readText('README.md');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Placeholders'));
  if (!section) throw new Error('appPackage/README.md has no "## Placeholders" section');
  return [...section.matchAll(/^\|\s*`([A-Za-z0-9_]+)`\s*\|/gm)].map((m) => m[1]!).sort();
}

// The same offline validation `npm run package` runs (the localisation schema's lone `]` repaired there).
const validateManifest = (manifest: JsonObject) => validateAgainstOfflineSchema(manifest, 'manifest.json');
const validateLocalization = (localization: JsonObject) => validateAgainstOfflineSchema(localization, 'en.json');

/** "bots[0].commandLists[1].commands[2].title" → ['bots', 0, 'commandLists', 1, 'commands', 2, 'title'] */
function parseKey(key: string): (string | number)[] {
  return [...key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

function resolve(root: Json, key: string): Json | undefined {
  let node: Json | undefined = root;
  for (const step of parseKey(key)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? (typeof step === 'number' ? node[step] : undefined) : (node as JsonObject)[String(step)];
  }
  return node;
}

type Manifest = {
  $schema: string;
  manifestVersion: string;
  name: { short: string; full: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  configurableTabs: { configurationUrl: string; canUpdateConfiguration: boolean; scopes: string[]; context: string[] }[];
  staticTabs: { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[];
  permissions: string[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  authorization?: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  composeExtensions: {
    botId: string;
    commands: { id: string; type: string; context: string[]; fetchTask: boolean; title: string; description: string }[];
    messageHandlers: { type: string; value: { domains: string[] } }[];
  }[];
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
};

const asManifest = (m: JsonObject): Manifest => m as unknown as Manifest;

/** Every user-facing string in the manifest, as localisation keys. */
function localisableKeys(manifest: Manifest): string[] {
  const keys = ['name.short', 'name.full', 'description.short', 'description.full'];
  manifest.staticTabs.forEach((tab, i) => {
    if (tab.name !== undefined) keys.push(`staticTabs[${i}].name`);
  });
  manifest.bots.forEach((bot, b) =>
    bot.commandLists.forEach((list, l) =>
      list.commands.forEach((_command, c) => {
        keys.push(`bots[${b}].commandLists[${l}].commands[${c}].title`);
        keys.push(`bots[${b}].commandLists[${l}].commands[${c}].description`);
      }),
    ),
  );
  manifest.composeExtensions.forEach((extension, e) =>
    extension.commands.forEach((_command, c) => {
      keys.push(`composeExtensions[${e}].commands[${c}].title`);
      keys.push(`composeExtensions[${e}].commands[${c}].description`);
    }),
  );
  return keys.sort();
}

/** Indexes of pixels that are visible (alpha > 0) but not pure white. */
function nonWhiteVisiblePixels(png: PNG): number[] {
  const found: number[] = [];
  for (let p = 0; p < png.width * png.height; p++) {
    const [r, g, b, a] = [0, 1, 2, 3].map((c) => png.data[p * 4 + c]!);
    if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) found.push(p);
  }
  return found;
}

const COMMANDS_DA = ['hjælp', 'næste møde', 'idéer', 'mine refleksioner'];
const COMMANDS_EN = ['help', 'next meeting', 'ideas', 'my reflections'];

// Schemas must come from the package, never the internet.
let fetchSpy: jest.SpiedFunction<typeof fetch>;
beforeAll(() => {
  fetchSpy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    throw new Error(`network access attempted in a unit test: ${String(input)}`);
  });
});
afterAll(() => fetchSpy.mockRestore());
afterEach(() => expect(fetchSpy).not.toHaveBeenCalled());

describe('manifest.json', () => {
  it(`uses schema v${SCHEMA_VERSION}, which @microsoft/app-manifest ships offline`, () => {
    const manifest = asManifest(readJson('manifest.json'));
    expect(manifest.manifestVersion).toBe(SCHEMA_VERSION);
    expect(manifest.$schema).toBe(MANIFEST_SCHEMA_URL);
    expect(existsSync(offlineSchemaFile(MANIFEST_SCHEMA_URL))).toBe(true);
  });

  it('validates against the official schema with zero errors once the placeholders are filled', async () => {
    expect(await validateManifest(fill('manifest.json'))).toEqual([]);
    // Production: no name suffix.
    expect(await validateManifest(fill('manifest.json', { ...SAMPLE, APP_NAME_SUFFIX: '' }))).toEqual([]);
  });

  it('does not validate with the placeholders left in (GUID and URL fields reject them)', async () => {
    const errors = await validateManifest(readJson('manifest.json'));
    expect(errors.some((e) => e.startsWith('/id '))).toBe(true);
    expect(errors.some((e) => e.startsWith('/bots/0/botId '))).toBe(true);
    expect(errors.some((e) => e.startsWith('/configurableTabs/0/configurationUrl '))).toBe(true);
  });

  it('fails validation when the bot scope is invalid or missing (the check can fail)', async () => {
    const badScope = fill('manifest.json');
    (badScope.bots as JsonObject[])[0]!.scopes = ['personal', 'channel'];
    const badScopeErrors = await validateManifest(badScope);
    expect(badScopeErrors.length).toBeGreaterThan(0);
    expect(badScopeErrors.some((e) => e.startsWith('/bots/0/scopes/1 '))).toBe(true);

    const noScope = fill('manifest.json');
    delete (noScope.bots as JsonObject[])[0]!.scopes;
    const noScopeErrors = await validateManifest(noScope);
    expect(noScopeErrors.some((e) => e.startsWith('/bots/0 ') && e.includes('scopes'))).toBe(true);
  });

  it('fails validation when the short name is too long or an unknown property is added', async () => {
    const longName = fill('manifest.json', { ...SAMPLE, APP_NAME_SUFFIX: ' — en alt for lang navnetilføjelse' });
    expect((await validateManifest(longName)).some((e) => e.startsWith('/name/short '))).toBe(true);

    const extra = fill('manifest.json');
    extra.botz = [];
    expect(await validateManifest(extra)).not.toEqual([]);
  });

  it('uses only the placeholders documented in appPackage/README.md, and the README lists no unused ones', () => {
    const used = placeholdersIn(readText('manifest.json') + readText('en.json'));
    const documented = documentedPlaceholders();
    expect(used).toEqual(documented);
    // The sample values cover the same list, so fill() exercises every placeholder.
    expect(Object.keys(SAMPLE).sort()).toEqual(documented);
  });

  it('has Danish as its default language and English in en.json', () => {
    const manifest = asManifest(readJson('manifest.json'));
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'da',
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });
    expect(manifest.name.short).toBe('Netværk${{APP_NAME_SUFFIX}}');
    expect(manifest.name.full).toBe('Netværk — ledelse af tværgående netværk');
  });

  it('declares one bot in personal, team and group chat, with the four commands in each scope', () => {
    const [bot, ...others] = asManifest(fill('manifest.json')).bots;
    expect(others).toEqual([]);
    expect(bot!.botId).toBe(SAMPLE.BOT_ID);
    expect(bot!.scopes).toEqual(['personal', 'team', 'groupChat']);
    // One command list per scope, as the schema recommends, covering exactly the bot's scopes.
    expect(bot!.commandLists.map((l) => l.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    for (const list of bot!.commandLists) {
      expect(list.commands.map((c) => c.title)).toEqual(COMMANDS_DA);
      for (const command of list.commands) expect(command.description.length).toBeGreaterThan(0);
    }
  });

  it("offers the commands the bot announces in its help text and understands, in both languages", () => {
    for (const title of COMMANDS_DA) expect(da['bot.help.commands']).toContain(`"${title}"`);
    for (const title of COMMANDS_EN) expect(enMessages['bot.help.commands']).toContain(`"${title}"`);
    // Picking a command puts its title in the compose box; in a channel or group chat after an @mention.
    const expected = ['help', 'nextMeeting', 'ideas', 'myReflections'];
    for (const titles of [COMMANDS_DA, COMMANDS_EN]) {
      expect(titles.map((t) => matchCommand(t))).toEqual(expected);
      expect(titles.map((t) => matchCommand(`<at>Netværk</at> ${t}`))).toEqual(expected);
    }
  });

  it('declares the configurable channel tab and the personal "Mine netværk" tab', () => {
    const manifest = asManifest(fill('manifest.json'));
    expect(manifest.configurableTabs).toEqual([
      {
        configurationUrl: `${SAMPLE.TAB_ENDPOINT}/tabs/config.html`,
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
        context: ['channelTab', 'privateChatTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel'],
      },
    ]);
    const personal = manifest.staticTabs.find((t) => t.contentUrl !== undefined);
    expect(personal).toEqual({
      entityId: 'mine-netvaerk',
      name: 'Mine netværk',
      contentUrl: `${SAMPLE.TAB_ENDPOINT}/tabs/personal.html`,
      scopes: ['personal'],
    });
    // Every tab URL is on a valid domain.
    for (const url of [manifest.configurableTabs[0]!.configurationUrl, personal!.contentUrl!]) {
      expect(manifest.validDomains).toContain(new URL(url).host);
    }
  });

  it('asks for identity and messageTeamMembers, and declares the tab and bot domains and Teams SSO', () => {
    const manifest = asManifest(fill('manifest.json'));
    expect(manifest.permissions).toEqual(['identity', 'messageTeamMembers']);
    expect(manifest.validDomains).toEqual([SAMPLE.TAB_DOMAIN, SAMPLE.BOT_DOMAIN]);
    expect(manifest.webApplicationInfo).toEqual({
      id: SAMPLE.AAD_APP_CLIENT_ID,
      resource: `api://${SAMPLE.TAB_DOMAIN}/${SAMPLE.AAD_APP_CLIENT_ID}`,
    });
  });

  it('asks, per meeting, for its start and end events (resource-specific consent), with the bot in meeting chats and teams', () => {
    const manifest = asManifest(fill('manifest.json'));
    expect(manifest.authorization?.permissions.resourceSpecific).toEqual([
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
      { name: 'ChannelMeeting.ReadBasic.Group', type: 'Application' },
    ]);
    expect(manifest.bots[0]!.scopes).toEqual(expect.arrayContaining(['groupChat', 'team']));
  });
});

describe('message extension', () => {
  it('declares "Parkér som idé" as an action on any message and from the compose box, answered by the bot with a dialog', () => {
    const manifest = asManifest(fill('manifest.json'));
    const [extension, ...others] = manifest.composeExtensions;
    expect(others).toEqual([]);
    expect(extension!.botId).toBe(SAMPLE.BOT_ID);
    expect(extension!.commands).toEqual([
      expect.objectContaining({ id: PARK_COMMAND_ID, type: 'action', context: ['message', 'compose', 'commandBox'], fetchTask: true, title: 'Parkér som idé' }),
    ]);
    expect(readJson('en.json')['composeExtensions[0].commands[0].title']).toBe('Park as idea');
  });

  it("unfurls links to the app's own domain only", () => {
    const manifest = asManifest(fill('manifest.json'));
    expect(manifest.composeExtensions[0]!.messageHandlers).toEqual([{ type: 'link', value: { domains: [SAMPLE.TAB_DOMAIN] } }]);
    expect(manifest.validDomains).toContain(SAMPLE.TAB_DOMAIN);
  });

  it('fails validation with a context the schema does not know or a command title over 32 characters (the check can fail)', async () => {
    const badContext = fill('manifest.json');
    ((badContext.composeExtensions as JsonObject[])[0]!.commands as JsonObject[])[0]!.context = ['message', 'channel'];
    expect((await validateManifest(badContext)).some((e) => e.startsWith('/composeExtensions/0/commands/0/context/1 '))).toBe(true);
    const longTitle = fill('manifest.json');
    ((longTitle.composeExtensions as JsonObject[])[0]!.commands as JsonObject[])[0]!.title = 'x'.repeat(33);
    expect((await validateManifest(longTitle)).some((e) => e.startsWith('/composeExtensions/0/commands/0/title '))).toBe(true);
  });
});

describe('en.json', () => {
  it(`points at the v${SCHEMA_VERSION} localisation schema and validates with zero errors once filled`, async () => {
    const localization = fill('en.json');
    expect(localization.$schema).toBe(LOCALIZATION_SCHEMA_URL);
    expect(await validateLocalization(localization)).toEqual([]);
  });

  it('fails localisation-schema validation for a too-long short description or an unknown key (the check can fail)', async () => {
    const tooLong = fill('en.json');
    tooLong['description.short'] = 'x'.repeat(81);
    expect((await validateLocalization(tooLong)).some((e) => e.startsWith('/description.short '))).toBe(true);

    const unknown = fill('en.json');
    unknown['configurableTabs[0].name'] = 'Plan';
    expect(await validateLocalization(unknown)).not.toEqual([]);
  });

  it('has only keys that refer to a string in the manifest', () => {
    const manifest = readJson('manifest.json');
    const keys = Object.keys(readJson('en.json')).filter((k) => k !== '$schema');
    const dangling = keys.filter((k) => typeof resolve(manifest, k) !== 'string');
    expect(dangling).toEqual([]);
    // The resolver itself is not vacuous.
    expect(resolve(manifest, 'bots[0].commandLists[2].commands[3].title')).toBe('mine refleksioner');
    expect(resolve(manifest, 'bots[0].commandLists[3].commands[0].title')).toBeUndefined();
  });

  it('localises every user-facing string of the manifest, in English', () => {
    const manifest = asManifest(readJson('manifest.json'));
    const english = readJson('en.json');
    const keys = Object.keys(english).filter((k) => k !== '$schema').sort();
    expect(keys).toEqual(localisableKeys(manifest));

    // Actually translated: descriptions, tab names and commands differ from the Danish.
    const translated = keys.filter((k) => !k.startsWith('name.'));
    const untranslated = translated.filter((k) => english[k] === resolve(manifest as unknown as Json, k));
    expect(untranslated).toEqual([]);
    manifest.bots[0]!.commandLists.forEach((list, l) => {
      const titles = list.commands.map((_c, c) => english[`bots[0].commandLists[${l}].commands[${c}].title`]);
      expect(titles).toEqual(COMMANDS_EN);
    });
    expect(english['staticTabs[1].name']).toBe('My networks');
  });
});

describe('icons', () => {
  it('are the files the manifest names', () => {
    const manifest = asManifest(readJson('manifest.json'));
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('color.png is 192×192, fully opaque, on the accent colour, with a contrasting mark', () => {
    const png = readPng('color.png');
    expect([png.width, png.height]).toEqual([192, 192]);
    const pixels = png.width * png.height;
    const seeThrough = [...Array(pixels).keys()].filter((i) => png.data[i * 4 + 3] !== 255);
    expect(seeThrough).toEqual([]);

    const manifest = asManifest(readJson('manifest.json'));
    expect(manifest.accentColor.toUpperCase()).toBe(ACCENT_COLOR.toUpperCase());
    const hex = (i: number) =>
      '#' + [0, 1, 2].map((c) => png.data[i * 4 + c]!.toString(16).padStart(2, '0')).join('').toUpperCase();
    expect(hex(0)).toBe(ACCENT_COLOR.toUpperCase()); // corner is background

    // The mark (white) stays inside the central 96×96 and is readable on the background (WCAG ≥ 4.5:1).
    let white = 0;
    const outsideSafeArea: number[] = [];
    for (let i = 0; i < pixels; i++) {
      const [x, y] = [i % png.width, Math.floor(i / png.width)];
      if (hex(i) === ACCENT_COLOR.toUpperCase()) continue;
      if (!(x >= 48 && x < 144 && y >= 48 && y < 144)) outsideSafeArea.push(i);
      if (hex(i) === '#FFFFFF') white++;
    }
    expect(outsideSafeArea).toEqual([]);
    expect(white).toBeGreaterThan(500);
    const luminance = (h: string) => {
      const [r, g, b] = [1, 3, 5].map((o) => {
        const c = Number.parseInt(h.slice(o, o + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    expect(1.05 / (luminance(ACCENT_COLOR) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('outline.png is 32×32 and has only white or fully transparent pixels', () => {
    const png = readPng('outline.png');
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(nonWhiteVisiblePixels(png)).toEqual([]);
    let opaque = 0;
    for (let i = 0; i < png.width * png.height; i++) if (png.data[i * 4 + 3] === 255) opaque++;
    expect(opaque).toBeGreaterThan(50); // there is a mark, not an empty square
  });

  it('the outline check catches a coloured pixel (the check can fail)', () => {
    const png = readPng('outline.png');
    const pixel = [...Array(png.width * png.height).keys()].find((p) => png.data[p * 4 + 3] === 255)!;
    png.data[pixel * 4 + 2] = 0; // white → yellow
    expect(nonWhiteVisiblePixels(png)).toEqual([pixel]);
  });

  it('match what scripts/make-icons.ts draws (regenerate with `npx tsx scripts/make-icons.ts`)', () => {
    expect(Buffer.compare(readPng('color.png').data, colorIcon().data)).toBe(0);
    expect(Buffer.compare(readPng('outline.png').data, outlineIcon().data)).toBe(0);
  });
});
