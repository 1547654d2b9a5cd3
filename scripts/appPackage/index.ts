// Builds the Teams app package offline, the way the Agents Toolkit's teamsApp/zipAppPackage does:
// reads env/.env.<name> (+ .user), fills every ${{NAME}} in the manifest and its localisation files,
// validates them against the official schemas shipped in @microsoft/app-manifest (no network), and
// zips the manifest, the localisation files and the two icons flat at the zip root.
// scripts/package.ts is the command line (`npm run package -- --env dev`); tests call these functions.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseEnv } from 'node:util';
import { zipSync } from 'fflate';
import type { AppManifest, AppManifestUtils as AppManifestUtilsType } from '@microsoft/app-manifest';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Schema = Parameters<typeof AppManifestUtilsType.validateAgainstSchema>[1];

/** `${{NAME}}`, as the Toolkit writes placeholders (surrounding spaces inside the braces allowed). */
export const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Placeholders that may be empty: everything else must have a value before a package is built. */
export const MAY_BE_EMPTY: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);

/** Zip entries get this timestamp, so the same input gives byte-identical packages. */
const FIXED_MTIME = new Date('2020-01-01T00:00:00Z');

export class AppPackageError extends Error {}

export interface EnvironmentSource {
  /** The environment's name, e.g. "dev": files env/.env.dev and env/.env.dev.user. */
  name: string;
  /** The merged values: the .env file, then the .user file, then the process environment (wins). */
  values: Record<string, string>;
  /** The files that were read, for messages. */
  files: string[];
}

/** Environment names are used in file names: keep them to letters, digits, '-' and '_'. */
export function checkEnvironmentName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) {
    throw new AppPackageError(`Invalid environment name "${name}": use letters, digits, "-" and "_".`);
  }
  return name;
}

/** The environments that have an env/.env.<name> file. */
export function listEnvironments(envDir: string): string[] {
  if (!existsSync(envDir)) return [];
  return readdirSync(envDir)
    .map((file) => /^\.env\.([A-Za-z0-9][A-Za-z0-9_-]*)$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

/** Reads env/.env.<name> and, if present, env/.env.<name>.user; variables set in `processEnv` win. */
export function readEnvironment(envDir: string, name: string, processEnv: NodeJS.ProcessEnv = process.env): EnvironmentSource {
  checkEnvironmentName(name);
  const main = join(envDir, `.env.${name}`);
  if (!existsSync(main)) {
    const known = listEnvironments(envDir);
    throw new AppPackageError(
      `No environment file ${main}. ` + (known.length ? `Known environments: ${known.join(', ')}.` : 'The env folder has no .env.<name> files.'),
    );
  }
  const files = [main];
  const values: Record<string, string> = { ...definedOnly(parseEnv(readFileSync(main, 'utf8'))) };
  const user = `${main}.user`;
  if (existsSync(user)) {
    files.push(user);
    Object.assign(values, definedOnly(parseEnv(readFileSync(user, 'utf8'))));
  }
  Object.assign(values, definedOnly(processEnv));
  return { name, values, files };
}

function definedOnly(dict: NodeJS.Dict<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(dict)) if (value !== undefined) out[key] = value;
  return out;
}

/** The distinct placeholder names in a text, sorted. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** Names used in `text` that have no value (or an empty one, unless listed in MAY_BE_EMPTY). */
export function unsetPlaceholders(text: string, values: Record<string, string>): string[] {
  return placeholdersIn(text).filter((name) => {
    const value = values[name];
    return value === undefined || (value.trim() === '' && !MAY_BE_EMPTY.has(name));
  });
}

/**
 * Fills the placeholders of a JSON text. Values are JSON-string-escaped (placeholders sit inside JSON
 * strings), so a quote or a backslash in a value cannot break the document. Throws if any is unset.
 */
export function fillJsonText(text: string, values: Record<string, string>, file: string): { text: string; json: JsonObject } {
  const unset = unsetPlaceholders(text, values);
  if (unset.length) throw new AppPackageError(`${file}: unset ${unset.join(', ')}`);
  const filled = text.replace(PLACEHOLDER, (_whole, name: string) => JSON.stringify(values[name]).slice(1, -1));
  try {
    return { text: filled, json: JSON.parse(filled) as JsonObject };
  } catch (error) {
    throw new AppPackageError(`${file}: not valid JSON after filling the placeholders: ${(error as Error).message}`);
  }
}

/** The offline copy of an official schema (https://developer.microsoft.com/json-schemas/...) in @microsoft/app-manifest. */
export function offlineSchemaFile(url: string): string {
  const packageDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(packageDir, 'build', new URL(url).pathname);
}

/** Loads a schema from the package, never from the network (the same clean-up fetchSchema applies). */
export function loadOfflineSchema(url: string): JsonObject {
  const file = offlineSchemaFile(url);
  if (!existsSync(file)) {
    throw new AppPackageError(`The schema ${url} is not shipped offline in @microsoft/app-manifest (looked for ${file}).`);
  }
  const raw = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(raw) as JsonObject;
}

/** Escapes each `]` that closes no character class: the same regex without the `u` flag, valid with it. */
export function escapeLoneBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      out += ch + (pattern[++i] ?? '');
    } else if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      out += inClass ? ch : '\\]';
      inClass = false;
    } else {
      out += ch;
    }
  }
  return out;
}

function compilesWithUnicodeFlag(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * The official localisation schemas (v1.19–v1.30) have patternProperties keys with an unescaped `]`
 * (`^activities.activityTypes\[\b(...)\b]\.description$`), legal only without the `u` flag that Ajv
 * uses, so validation would throw before checking anything. Escape those brackets (same meaning).
 */
export function repairPatternProperties(schema: JsonObject): JsonObject {
  const patterns = schema.patternProperties;
  if (!patterns || typeof patterns !== 'object' || Array.isArray(patterns)) return schema;
  const repaired: JsonObject = {};
  for (const [key, value] of Object.entries(patterns)) repaired[compilesWithUnicodeFlag(key) ? key : escapeLoneBrackets(key)] = value;
  return { ...schema, patternProperties: repaired };
}

/** Validates a filled manifest or localisation file against the schema its `$schema` names. */
export async function validateAgainstOfflineSchema(document: JsonObject, file: string): Promise<string[]> {
  const url = document.$schema;
  if (typeof url !== 'string') throw new AppPackageError(`${file}: no $schema`);
  const schema = repairPatternProperties(loadOfflineSchema(url));
  // Loaded on first use: the validator (Ajv and friends) is needed only when a package is built.
  const { AppManifestUtils } = await import('@microsoft/app-manifest');
  return AppManifestUtils.validateAgainstSchema(document as unknown as AppManifest, schema as unknown as Schema);
}

export interface BuiltAppPackage {
  zip: Uint8Array;
  /** The zip's entries: file name → content (flat, no folders). */
  files: Record<string, Uint8Array>;
  manifest: JsonObject;
  /** Not errors, but worth a look (e.g. example URLs still in place). */
  warnings: string[];
}

/** The localisation files and icons the manifest names, after the manifest itself. */
export function packageFileNames(manifest: JsonObject): string[] {
  const icons = manifest.icons as { color?: string; outline?: string } | undefined;
  const localization = manifest.localizationInfo as { additionalLanguages?: { file?: string }[] } | undefined;
  const names = [
    'manifest.json',
    ...(localization?.additionalLanguages ?? []).map((language) => language.file),
    icons?.color,
    icons?.outline,
  ];
  const missing = names.some((name) => typeof name !== 'string' || name === '');
  if (missing) throw new AppPackageError('manifest.json must name its icons (icons.color, icons.outline) and localisation files');
  for (const name of names as string[]) {
    // Teams wants everything flat at the zip root.
    if (name.includes('/') || name.includes('\\')) throw new AppPackageError(`${name}: files in the app package must sit at its root`);
  }
  return [...new Set(names as string[])];
}

/** Builds the package in memory from appPackage/ and the environment's values; throws on any problem. */
export async function buildAppPackage(appPackageDir: string, values: Record<string, string>): Promise<BuiltAppPackage> {
  const read = (name: string): Buffer => {
    const path = join(appPackageDir, name);
    if (!existsSync(path)) throw new AppPackageError(`${path} is missing`);
    return readFileSync(path);
  };
  const manifestText = read('manifest.json').toString('utf8');
  // Name every unset variable at once, across the manifest and all localisation files.
  const rawManifest = JSON.parse(manifestText.replace(PLACEHOLDER, '')) as JsonObject;
  const names = packageFileNames(rawManifest);
  const jsonNames = names.filter((name) => name.endsWith('.json'));
  const texts = new Map(jsonNames.map((name) => [name, read(name).toString('utf8')]));
  const unset = [...new Set(jsonNames.flatMap((name) => unsetPlaceholders(texts.get(name)!, values)))].sort();
  if (unset.length) {
    throw new AppPackageError(
      `Unset variable${unset.length > 1 ? 's' : ''} in the app package: ${unset.join(', ')}. ` +
        'Run `atk provision` for the generated ones, or set them in env/.env.<environment>.',
    );
  }

  const files: Record<string, Uint8Array> = {};
  const problems: string[] = [];
  let manifest: JsonObject = {};
  for (const name of names) {
    if (!name.endsWith('.json')) {
      files[name] = new Uint8Array(read(name));
      continue;
    }
    const filled = fillJsonText(texts.get(name)!, values, name);
    if (name === 'manifest.json') manifest = filled.json;
    const errors = await validateAgainstOfflineSchema(filled.json, name);
    problems.push(...errors.map((error) => `${name}: ${error}`));
    files[name] = new Uint8Array(Buffer.from(filled.text, 'utf8'));
  }
  if (problems.length) throw new AppPackageError(`The app package does not validate:\n  ${problems.join('\n  ')}`);

  const zip = zipSync(
    Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime: FIXED_MTIME }]])),
    { level: 9 },
  );
  return { zip, files, manifest, warnings: exampleUrlWarnings(manifest) };
}

/** The .example top-level domain is reserved (RFC 2606): such a URL was never replaced. */
function exampleUrlWarnings(manifest: JsonObject): string[] {
  const developer = (manifest.developer ?? {}) as Record<string, Json>;
  return Object.entries(developer)
    .filter(([, value]) => typeof value === 'string' && /^https?:\/\/[^/]*\.example(?::\d+)?(?:\/|$)/i.test(value))
    .map(([key, value]) => `developer.${key} is still an example address (${String(value)}): set the municipality's own page`);
}

/** Where `npm run package` writes the zip, as the Toolkit's teamsApp/zipAppPackage does. */
export function appPackagePath(appPackageDir: string, environment: string): string {
  return join(appPackageDir, 'build', `appPackage.${checkEnvironmentName(environment)}.zip`);
}

export interface PackageResult {
  zipPath: string;
  warnings: string[];
  files: string[];
}

/** Reads the environment, builds the package and writes appPackage/build/appPackage.<env>.zip. */
export async function packageApp(options: {
  root: string;
  environment: string;
  processEnv?: NodeJS.ProcessEnv;
  outFile?: string;
}): Promise<PackageResult> {
  const appPackageDir = join(options.root, 'appPackage');
  const environment = readEnvironment(join(options.root, 'env'), options.environment, options.processEnv ?? process.env);
  let built: BuiltAppPackage;
  try {
    built = await buildAppPackage(appPackageDir, environment.values);
  } catch (error) {
    if (error instanceof AppPackageError) {
      const read = environment.files.map((file) => relative(options.root, file)).join(' + ');
      throw new AppPackageError(`${error.message}\n(environment "${environment.name}": ${read} + process environment)`);
    }
    throw error;
  }
  const zipPath = options.outFile ?? appPackagePath(appPackageDir, environment.name);
  mkdirSync(dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, built.zip);
  return { zipPath, warnings: built.warnings, files: Object.keys(built.files) };
}

/** `--env <name>`, `--env=<name>` or `-e <name>`; the default environment is dev. */
export function parsePackageArgs(argv: string[]): { environment: string } {
  let environment = 'dev';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--env' || arg === '-e') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('-')) throw new AppPackageError(`${arg} needs an environment name`);
      environment = value;
    } else if (arg.startsWith('--env=')) {
      environment = arg.slice('--env='.length);
    } else {
      throw new AppPackageError(`Unknown argument "${arg}". Usage: npm run package [-- --env <name>]`);
    }
  }
  return { environment: checkEnvironmentName(environment) };
}
