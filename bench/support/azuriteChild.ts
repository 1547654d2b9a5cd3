import { startAzurite } from '../../bot/storage/azurite';
import { serveRequests } from './child';

// Azurite (the Table Storage emulator) in memory, in its own process, like the test global setup.
async function main() {
  const azurite = await startAzurite();
  serveRequests({
    async stop() {
      await azurite.stop();
      setImmediate(() => process.exit(0));
      return true;
    },
  });
  process.send!({ type: 'ready', value: { connectionString: azurite.connectionString, port: azurite.port } });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
