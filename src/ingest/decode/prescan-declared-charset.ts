/**
 * Finding the charset a document declares in its own bytes: `<meta charset>` and
 * `<meta http-equiv="Content-Type" content="…; charset=…">` by the WHATWG prescan
 * (https://html.spec.whatwg.org/multipage/parsing.html#prescan-a-byte-stream-to-determine-its-encoding),
 * and the `encoding` of an XML declaration. Both return the declared *label*; turning a label into
 * an encoding (and refusing unknown ones) is the caller's job.
 */

/** How many bytes the prescan looks at. The HTML standard says 1024; real pages put a long head first, so we look further. */
export const PRESCAN_BYTES = 4096;

const isSpace = (c: number): boolean => c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const lower = (c: number): string => String.fromCharCode(c >= 0x41 && c <= 0x5a ? c + 0x20 : c);

interface Attribute { name: string; value: string }

/** The prescan's cursor over the first bytes; `null` from a reader means the bytes ran out. */
class Scanner {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  at(offset = 0): number | undefined {
    return this.bytes[this.pos + offset];
  }

  startsWithCaseless(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
      const c = this.at(i);
      if (c === undefined || lower(c) !== text[i]) return false;
    }
    return true;
  }

  /** Moves to just past the next `>`; false when there is none. */
  skipPastGreaterThan(): boolean {
    while (this.pos < this.bytes.length && this.bytes[this.pos] !== 0x3e) this.pos++;
    return this.pos < this.bytes.length;
  }

  /** The "get an attribute" algorithm; null at `>` or at the end of the bytes. */
  attribute(): Attribute | null {
    const b = this.bytes;
    while (this.pos < b.length && (isSpace(b[this.pos]!) || b[this.pos] === 0x2f)) this.pos++;
    if (this.pos >= b.length || b[this.pos] === 0x3e) return null;
    let name = '';
    for (;;) {
      const c = b[this.pos];
      if (c === undefined) return null;
      if (c === 0x3d && name !== '') { this.pos++; break; }
      if (isSpace(c)) {
        while (this.pos < b.length && isSpace(b[this.pos]!)) this.pos++;
        if (b[this.pos] !== 0x3d) return { name, value: '' };
        this.pos++;
        break;
      }
      if (c === 0x2f || c === 0x3e) return { name, value: '' };
      name += lower(c);
      this.pos++;
    }
    while (this.pos < b.length && isSpace(b[this.pos]!)) this.pos++;
    const first = b[this.pos];
    if (first === undefined) return null;
    let value = '';
    if (first === 0x22 || first === 0x27) {
      for (this.pos++; ; this.pos++) {
        const c = b[this.pos];
        if (c === undefined) return null;
        if (c === first) { this.pos++; return { name, value }; }
        value += lower(c);
      }
    }
    if (first === 0x3e) return { name, value: '' };
    for (;; this.pos++) {
      const c = b[this.pos];
      if (c === undefined) return null;
      if (isSpace(c) || c === 0x3e) return { name, value };
      value += lower(c);
    }
  }
}

/** The charset label in a `content="text/html; charset=…"` value, or null (HTML "extracting a character encoding from a meta element"). */
export function charsetFromContentValue(content: string): string | null {
  const lowerContent = content.toLowerCase();
  let from = 0;
  for (;;) {
    const found = lowerContent.indexOf('charset', from);
    if (found < 0) return null;
    let i = found + 'charset'.length;
    while (i < content.length && /[\t\n\f\r ]/.test(content[i]!)) i++;
    if (content[i] !== '=') { from = found + 1; continue; }
    i++;
    while (i < content.length && /[\t\n\f\r ]/.test(content[i]!)) i++;
    const quote = content[i];
    if (quote === '"' || quote === "'") {
      const end = content.indexOf(quote, i + 1);
      return end < 0 ? null : content.slice(i + 1, end);
    }
    const match = /^[^\t\n\f\r ;]+/.exec(content.slice(i));
    return match ? match[0] : null;
  }
}

/**
 * The charset labels declared by `<meta>` elements in the first PRESCAN_BYTES bytes, in document
 * order, skipping comments and other tags' attributes as a browser does. The caller takes the
 * first label it knows; the prescan itself does not judge labels.
 */
export function prescanMetaCharsets(bytes: Uint8Array): string[] {
  const s = new Scanner(bytes.subarray(0, PRESCAN_BYTES));
  const labels: string[] = [];
  while (s.pos < s.bytes.length) {
    if (s.startsWithCaseless('<!--')) {
      const end = indexOfSequence(s.bytes, [0x2d, 0x2d, 0x3e], s.pos + 2);
      if (end < 0) break;
      s.pos = end + 3;
      continue;
    }
    const afterMeta = s.at(5);
    if (s.startsWithCaseless('<meta') && afterMeta !== undefined && (isSpace(afterMeta) || afterMeta === 0x2f)) {
      s.pos += 5;
      const label = metaCharset(s);
      if (label !== null) labels.push(label);
      continue;
    }
    const next = s.at(1);
    if (s.at() === 0x3c && next !== undefined && (isAsciiLetter(next) || (next === 0x2f && isAsciiLetter(s.at(2) ?? 0)))) {
      while (s.pos < s.bytes.length && !isSpace(s.bytes[s.pos]!) && s.bytes[s.pos] !== 0x3e) s.pos++;
      while (s.attribute() !== null) { /* other tags' attributes are skipped, so a quoted ">" cannot end the tag early */ }
      s.pos++;
      continue;
    }
    if (s.at() === 0x3c && (next === 0x21 || next === 0x2f || next === 0x3f)) {
      if (!s.skipPastGreaterThan()) break;
      s.pos++;
      continue;
    }
    s.pos++;
  }
  return labels;
}

/** The attributes of one `<meta>` element; its declared label if it declares one the way the standard accepts. */
function metaCharset(s: Scanner): string | null {
  const seen = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | null = null;
  let charset: string | null = null;
  for (let attribute = s.attribute(); attribute !== null; attribute = s.attribute()) {
    if (seen.has(attribute.name)) continue;
    seen.add(attribute.name);
    if (attribute.name === 'http-equiv') {
      if (attribute.value === 'content-type') gotPragma = true;
    } else if (attribute.name === 'content') {
      const label = charsetFromContentValue(attribute.value);
      if (label !== null && charset === null) { charset = label; needPragma = true; }
    } else if (attribute.name === 'charset') {
      charset = attribute.value;
      needPragma = false;
    }
  }
  if (needPragma === null || (needPragma && !gotPragma)) return null;
  return charset;
}

function indexOfSequence(bytes: Uint8Array, sequence: number[], from: number): number {
  outer: for (let i = from; i <= bytes.length - sequence.length; i++) {
    for (let j = 0; j < sequence.length; j++) if (bytes[i + j] !== sequence[j]) continue outer;
    return i;
  }
  return -1;
}

/** The `encoding` label of an XML declaration at the very start of the bytes (`<?xml version="1.0" encoding="…"?>`), or null. */
export function xmlDeclarationEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const declaration = /^<\?xml[\t\n\r ][^>]*?\?>/.exec(head);
  if (!declaration) return null;
  const encoding = /[\t\n\r ]encoding[\t\n\r ]*=[\t\n\r ]*(["'])([A-Za-z][A-Za-z0-9._:-]*)\1/.exec(declaration[0]);
  return encoding ? encoding[2]! : null;
}
