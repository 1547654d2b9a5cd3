// npm run package [-- --env <name>]: builds appPackage/build/appPackage.<name>.zip offline from
// appPackage/ and env/.env.<name> (+ env/.env.<name>.user; variables in the environment win).
// The default environment is dev. Upload the zip in Teams (Apps → Manage your apps → Upload an app)
// or in the Teams admin center. The logic lives in scripts/appPackage/, where the tests call it.
import { relative, resolve } from 'node:path';
import { AppPackageError, packageApp, parsePackageArgs } from './appPackage';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  const { environment } = parsePackageArgs(process.argv.slice(2));
  const result = await packageApp({ root, environment });
  for (const warning of result.warnings) console.warn(`warning: ${warning}`);
  console.log(`${relative(process.cwd(), result.zipPath)}: ${result.files.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof AppPackageError ? `npm run package: ${error.message}` : error);
  process.exitCode = 1;
});
