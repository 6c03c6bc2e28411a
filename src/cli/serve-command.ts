import type { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { createDateline } from '../main.js';

/** `dateline serve`: migrate, seed on first start, and serve the site until a signal arrives. */
export function registerServeCommand(program: Command): void {
  program.command('serve')
    .description('start the web server (migrates the database and loads demo content on first start)')
    .option('--no-demo', 'do not load demo content into a new site')
    .action(async (options: { demo: boolean }) => {
      const config = loadConfig();
      const dateline = await createDateline(config);
      const loaded = await dateline.prepare({ demoContent: config.demoContent && options.demo });
      const server = await dateline.buildServer();
      await server.listen({ host: config.host, port: config.port });
      const address = server.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const listening = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
      if (!config.siteUrl && port !== config.port) dateline.services.settings.useRuntimeUrl(listening);
      dateline.start();
      const settings = await dateline.services.settings.get();
      console.log(`Dateline is serving ${settings.name} at ${listening}/ (database: ${dateline.database.location})`);
      if (!config.siteUrl && ['0.0.0.0', '::'].includes(config.host)) {
        console.warn('SITE_URL is not set: links in feeds, canonical tags and structured data use the listening address. Set SITE_URL to the public address.');
      }
      if (loaded > 0) console.log(`Loaded ${loaded} demo articles.`);
      const setupToken = await dateline.services.auth.setupToken();
      if (setupToken) console.log(`No staff account yet. Create the owner within 72 hours at ${settings.url.replace(/\/$/, '')}/admin/setup?token=${setupToken} (the link works once).`);
      let stopping = false;
      const shutdown = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`Received ${signal}; finishing requests and stopping.`);
        await server.close();
        await dateline.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });
}
