import { CompiledQuery, sql, type Kysely } from 'kysely';

/** How a row's SQL names its k-th parameter (0-based). */
export type Placeholder = (k: number) => string;

/** A multi-row statement: `head VALUES row, row, … tail`, each row taking `width` parameters. */
export interface RowsStatement {
  head: string;
  /** One row's SQL; with `?` placeholders (SQLite) each parameter must be used once, in order. */
  row: (p: Placeholder) => string;
  width: number;
  tail?: string;
}

/** Statement texts by shape and row count: bulk writes repeat a few shapes, and the engine reuses its prepared statement for the same text. */
const texts = new Map<string, string>();
const MAX_TEXTS = 200;

/**
 * Runs a multi-row statement without building a Kysely query per row: the text for `rows.length`
 * rows is made once and kept, the values go as parameters. Building and compiling an insert of
 * 500 rows with Kysely cost more than SQLite took to run it. Returns the rows (for RETURNING) and
 * the number of rows changed.
 */
export async function executeRows<R = unknown>(db: Kysely<unknown>, statement: RowsStatement, rows: readonly (readonly unknown[])[]): Promise<{ rows: R[]; changed: number }> {
  if (rows.length === 0) return { rows: [], changed: 0 };
  const numbered = placeholdersAreNumbered(db);
  const key = `${numbered ? '$' : '?'}|${rows.length}|${statement.head}|${statement.row(() => '?')}|${statement.tail ?? ''}`;
  let text = texts.get(key);
  if (!text) {
    const values = rows.map((_, i) => statement.row(numbered ? (k) => `$${i * statement.width + k + 1}` : () => '?'));
    text = `${statement.head} VALUES ${values.join(', ')}${statement.tail ? ` ${statement.tail}` : ''}`;
    if (texts.size >= MAX_TEXTS) texts.delete(texts.keys().next().value!);
    texts.set(key, text);
  }
  const result = await db.executeQuery<R>(CompiledQuery.raw(text, rows.flat()));
  return { rows: result.rows, changed: Number(result.numAffectedRows ?? 0) };
}

/** An INSERT of whole rows into `table` (column names as in the database), optionally skipping rows whose `conflictColumn` is taken. */
export function insertStatement(table: string, columns: readonly string[], options: { conflictColumn?: string; returning?: string } = {}): RowsStatement {
  const tail = [options.conflictColumn ? `ON CONFLICT ("${options.conflictColumn}") DO NOTHING` : '', options.returning ? `RETURNING ${options.returning}` : ''].filter(Boolean).join(' ');
  return {
    head: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})`,
    row: (p) => `(${columns.map((_, k) => p(k)).join(', ')})`,
    width: columns.length,
    ...(tail ? { tail } : {}),
  };
}

/** Rows of objects as parameter lists in `columns` order. */
export function valuesOf<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): unknown[][] {
  return rows.map((row) => columns.map((c) => row[c]));
}

/** Whether the engine numbers its parameters (`$1`, PostgreSQL) or takes them in order (`?`, SQLite), as Kysely's own compiler writes them. */
function placeholdersAreNumbered(db: Kysely<unknown>): boolean {
  return sql`${1}`.compile(db).sql.startsWith('$');
}

/** Inserts row objects of one shape (the first row's keys name the columns), `chunk` rows per statement. Returns the rows changed. */
export async function insertObjects<T extends object>(
  db: Kysely<unknown>, table: string, rows: readonly T[], options: { chunk: number; conflictColumn?: string },
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]!) as (keyof T & string)[];
  return insertValues(db, table, columns, valuesOf(rows, columns), options);
}

/** `insertObjects` for rows already given as parameter lists in `columns` order. */
export async function insertValues(
  db: Kysely<unknown>, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], options: { chunk: number; conflictColumn?: string },
): Promise<number> {
  const statement = insertStatement(table, columns, options.conflictColumn ? { conflictColumn: options.conflictColumn } : {});
  let changed = 0;
  for (const run of rowRunsOf(rows, options.chunk)) changed += (await executeRows(db, statement, run)).changed;
  return changed;
}

/**
 * `rows` in runs of `size`, then the rest in runs of powers of two, largest first (1,337 rows in
 * runs of 500: 500, 500, 256, 64, 16, 1). A statement's text depends on its row count, and each
 * new text is prepared anew: a bulk import's remainders differ from batch to batch, and preparing
 * a statement of a few thousand parameters costs milliseconds. This way a table sees at most a
 * dozen texts, each prepared once, for a few more statements a batch.
 */
export function rowRunsOf<T>(rows: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  let i = 0;
  for (; i + size <= rows.length; i += size) runs.push(rows.slice(i, i + size));
  for (let run = 1 << Math.floor(Math.log2(Math.max(1, size))); run >= 1 && i < rows.length; run >>= 1) {
    if (i + run <= rows.length) {
      runs.push(rows.slice(i, i + run));
      i += run;
    }
  }
  return runs;
}
