import Assembler from 'stream-json/assembler.js';

/** A row of one table of a Ghost export, as it came out of the JSON. */
export type WalkedRow =
  | { kind: 'meta'; value: unknown }
  | { kind: 'row'; table: string; index: number; value: unknown }
  | { kind: 'oversized'; table: string; index: number; chars: number };

type Frame = { array: true; index: number } | { array: false; key: string | null };
interface Token { name: string; value?: unknown }

/** Where rows sit in each shape Ghost writes: wrapped `{db:[{meta,data}]}`, flat `{meta,data}`, old bundle `{data:{meta,data}}`. */
const ROW_PATH = /^(?:db\.0\.|data\.)?data\.([a-z_]+)\.(\d+)$/;
const META_PATH = /^(?:db\.0\.|data\.)?meta$/;

/**
 * Turns the token stream of stream-json's parser into whole rows, one table row at a time, so a
 * large export never sits in memory. Strings arrive in chunks; a row whose text passes
 * `maxRowChars` is skipped (and reported) as it streams, before it is ever assembled.
 */
export class JsonRowWalker {
  private readonly frames: Frame[] = [];
  private assembling: { assembler: Assembler; depth: number; table: string; index: number; chars: number; oversized: boolean; meta: boolean } | null = null;
  private pendingString: string[] | null = null;
  readonly rows: WalkedRow[] = [];

  constructor(private readonly wantTable: (table: string) => boolean, private readonly maxRowChars: number) {}

  private path(): string {
    return this.frames.map((f) => (f.array ? String(f.index) : (f.key ?? ''))).join('.');
  }

  /** Called when a value begins in the current container; returns true if it starts a row. */
  private beginValue(): boolean {
    const top = this.frames[this.frames.length - 1];
    if (top?.array) top.index++;
    const path = this.path();
    const meta = META_PATH.test(path);
    const row = meta ? null : ROW_PATH.exec(path);
    if (!meta && !(row && this.wantTable(row[1]!))) return false;
    this.assembling = { assembler: new Assembler(), depth: 0, table: row?.[1] ?? 'meta', index: row ? Number(row[2]) : 0, chars: 0, oversized: false, meta };
    return true;
  }

  private finishRow(): void {
    const a = this.assembling!;
    this.assembling = null;
    if (a.oversized) this.rows.push({ kind: 'oversized', table: a.table, index: a.index, chars: a.chars });
    else if (a.meta) this.rows.push({ kind: 'meta', value: a.assembler.current });
    else this.rows.push({ kind: 'row', table: a.table, index: a.index, value: a.assembler.current });
  }

  private feedRow(token: Token): void {
    const a = this.assembling!;
    if (token.name === 'startString') { this.pendingString = []; return; }
    if (token.name === 'stringChunk') {
      a.chars += (token.value as string).length;
      if (a.chars > this.maxRowChars) { a.oversized = true; this.pendingString = null; }
      else this.pendingString?.push(token.value as string);
      return;
    }
    let packed: Token = token;
    if (token.name === 'endString') {
      packed = { name: 'stringValue', value: (this.pendingString ?? []).join('') };
      this.pendingString = null;
    }
    if (packed.name === 'startObject' || packed.name === 'startArray') a.depth++;
    if (packed.name === 'endObject' || packed.name === 'endArray') a.depth--;
    if (!a.oversized) a.assembler.consume(packed as never);
    if (a.depth === 0) this.finishRow();
  }

  consume(token: Token): void {
    if (this.assembling) { this.feedRow(token); return; }
    switch (token.name) {
      case 'keyValue': {
        const top = this.frames[this.frames.length - 1];
        if (top && !top.array) top.key = token.value as string;
        return;
      }
      case 'startObject':
      case 'startArray':
        if (this.beginValue()) { this.feedRow(token); return; }
        this.frames.push(token.name === 'startArray' ? { array: true, index: -1 } : { array: false, key: null });
        return;
      case 'endObject':
      case 'endArray':
        this.frames.pop();
        return;
      case 'startString':
        if (this.beginValue()) this.feedRow(token);
        return;
      case 'stringChunk':
      case 'endString':
        return; // a string outside any wanted row
      default:
        if (this.beginValue()) this.feedRow(token);
    }
  }
}
