import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { RedirectRepository } from '../app/ports.js';
import type { Instant } from '../domain/ids.js';
import type { Redirect, RedirectKind, RedirectStatus } from '../domain/redirect.js';
import { insertObjects } from './multi-row-insert.js';
import type { Database, RedirectTable } from './schema.js';

const toRow = (r: Redirect): RedirectTable => ({ from_path: r.fromPath, to_path: r.toPath, kind: r.kind, created_at: r.createdAt, status: r.status ?? null });
const fromRow = (r: RedirectTable): Redirect => ({
  fromPath: r.from_path, toPath: r.to_path, kind: r.kind as RedirectKind, createdAt: r.created_at as Instant,
  ...(r.status === null ? {} : { status: Number(r.status) as RedirectStatus }),
});

/** `text` as a LIKE pattern that matches it literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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
      .onConflict((oc) => oc.column('from_path').doUpdateSet({ to_path: row.to_path, kind: row.kind, created_at: row.created_at, status: row.status })).execute();
  }

  async find(fromPath: string): Promise<Redirect | null> {
    const r = await this.db.selectFrom('redirects').selectAll().where('from_path', '=', fromPath).executeTakeFirst();
    return r ? fromRow(r) : null;
  }

  async delete(fromPath: string): Promise<void> {
    await this.db.deleteFrom('redirects').where('from_path', '=', fromPath).execute();
  }

  async count(): Promise<number> {
    return this.countMatching({});
  }

  async list(filter: { text?: string }, page: { offset: number; limit: number }): Promise<Redirect[]> {
    const rows = await this.matching(this.db.selectFrom('redirects').selectAll(), filter).orderBy('from_path').limit(page.limit).offset(page.offset).execute();
    return rows.map(fromRow);
  }

  async countMatching(filter: { text?: string }): Promise<number> {
    const row = await this.matching(this.db.selectFrom('redirects').select((eb) => eb.fn.countAll<string | number>().as('n')), filter).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async retarget(fromTarget: string, toTarget: string): Promise<number> {
    const result = await this.db.updateTable('redirects').set({ to_path: toTarget }).where('to_path', '=', fromTarget).executeTakeFirst();
    return Number(result.numUpdatedRows ?? 0);
  }

  private matching<O>(query: SelectQueryBuilder<Database, 'redirects', O>, filter: { text?: string }): SelectQueryBuilder<Database, 'redirects', O> {
    if (!filter.text) return query;
    const pattern = containing(filter.text.toLowerCase());
    // LIKE with an explicit escape and lower() on both sides behaves the same on SQLite and PostgreSQL.
    return query.where(sql<boolean>`(lower(from_path) LIKE ${pattern} ESCAPE '\\' OR lower(coalesce(to_path, '')) LIKE ${pattern} ESCAPE '\\')`);
  }
}
