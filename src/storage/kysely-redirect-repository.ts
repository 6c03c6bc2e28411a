import type { Kysely } from 'kysely';
import type { RedirectRepository } from '../app/ports.js';
import type { Instant } from '../domain/ids.js';
import type { Redirect, RedirectKind } from '../domain/redirect.js';
import { insertObjects } from './multi-row-insert.js';
import type { Database, RedirectTable } from './schema.js';

const toRow = (r: Redirect): RedirectTable => ({ from_path: r.fromPath, to_path: r.toPath, kind: r.kind, created_at: r.createdAt });

/** Redirects over Kysely. */
export class KyselyRedirectRepository implements RedirectRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertMissing(redirects: readonly Redirect[]): Promise<number> {
    // 4 columns a row: 2,000 rows stay well under SQLite's bound-parameter limit.
    return insertObjects(this.db as Kysely<unknown>, 'redirects', redirects.map(toRow), { chunk: 2000, conflictColumn: 'from_path' });
  }

  async put(redirect: Redirect): Promise<void> {
    const row = toRow(redirect);
    await this.db.insertInto('redirects').values(row)
      .onConflict((oc) => oc.column('from_path').doUpdateSet({ to_path: row.to_path, kind: row.kind, created_at: row.created_at })).execute();
  }

  async find(fromPath: string): Promise<Redirect | null> {
    const r = await this.db.selectFrom('redirects').selectAll().where('from_path', '=', fromPath).executeTakeFirst();
    return r ? { fromPath: r.from_path, toPath: r.to_path, kind: r.kind as RedirectKind, createdAt: r.created_at as Instant } : null;
  }

  async delete(fromPath: string): Promise<void> {
    await this.db.deleteFrom('redirects').where('from_path', '=', fromPath).execute();
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('redirects').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
