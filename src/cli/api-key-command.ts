import type { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import { apiKeyTypes, type ApiKeyType } from '../domain/api-key.js';
import { withDateline } from './with-dateline.js';

/** `dateline api-key …`: keys for the Ghost-compatible Content API. */
export function registerApiKeyCommand(program: Command): void {
  const keys = program.command('api-key').description('create, list and revoke API keys');

  keys.command('create').description('create a key and print it')
    .option('--type <type>', 'content (read-only, public) or admin (the Admin API under /admin/api/, editor rights; shown once)', 'content')
    .option('--name <name>', 'what the key is for, e.g. "mobile app"')
    .action((o: { type: string; name?: string }) => withDateline(async (d) => {
      if (!apiKeyTypes.includes(o.type as ApiKeyType)) {
        throw new AppError('INVALID_INPUT', `"${o.type}" is not a key type; use --type content or --type admin.`);
      }
      const key = await d.services.apiKeys.create(o.type as ApiKeyType, o.name ?? `${o.type} key`);
      console.log(key.secret);
    }));

  keys.command('list').description('list keys')
    .action(() => withDateline(async (d) => {
      for (const k of await d.services.apiKeys.list()) {
        console.log(`${k.id}  ${k.type}  ${k.secret}  ${k.name}  created ${k.createdAt}${k.lastUsedAt ? `, last used ${k.lastUsedAt}` : ''}${k.revokedAt ? `, REVOKED ${k.revokedAt}` : ''}`);
      }
    }));

  keys.command('revoke').description('revoke a key').argument('<key>', 'the key or its id')
    .action((key: string) => withDateline(async (d) => {
      const revoked = await d.services.apiKeys.revoke(key);
      console.log(`revoked ${revoked.name}`);
    }));
}
