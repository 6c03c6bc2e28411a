import type { Kysely } from 'kysely';
import type { Instant } from '../domain/ids.js';
import type { SettingsRepository } from '../app/ports.js';
import type { Database } from './schema.js';

/** Settings as JSON text per key. */
export class KyselySettingsRepository implements SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<unknown> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  async put(key: string, value: unknown, now: Instant): Promise<void> {
    const text = JSON.stringify(value);
    await this.db.insertInto('settings').values({ key, value: text, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: text, updated_at: now })).execute();
  }
}
