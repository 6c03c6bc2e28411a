import { sql, type Kysely } from 'kysely';

/** The database seen table by table, by name: the archive copies rows without knowing their types. */
export type UntypedDb = Kysely<Record<string, Record<string, unknown>>>;

/**
 * Names of the migrations this database has applied, read through Kysely's own migrator table
 * (in the connection's search path on PostgreSQL, so a schema-scoped site reads its own).
 */
export async function appliedMigrations(db: UntypedDb): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}
