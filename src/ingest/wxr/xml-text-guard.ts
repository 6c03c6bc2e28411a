/**
 * Sits between the decoder and the XML parser so one bad export cannot stop or swamp the import:
 * - a raw `&` outside CDATA (real WordPress exports have them in image URLs) becomes `&amp;`;
 * - characters XML forbids (C0 controls, U+FFFE/U+FFFF) are dropped;
 * - a text or CDATA run longer than `maxRun` characters is cut and marked with OVERSIZED_MARK,
 *   so the parser never buffers more than that for one field and the reader can say which field.
 * It works on a stream of chunks, keeping a short tail back so a marker split across chunks is seen whole.
 * With `skipBodies`, the CDATA of posts' and comments' bodies (`<content:encoded>`,
 * `<wp:comment_content>`, as WordPress writes them) is passed on empty: a reading that wants
 * everything but the bodies (the import's first pass) then parses a fraction of the file.
 */
export const OVERSIZED_MARK = '\uE000OVERSIZED\uE000';

const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';
/** Held back from each chunk so the next one can complete what it starts. */
const TAIL = 40;
const RAW_AMP = /&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/g;
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** The markup just before a CDATA section that holds a body (checked against the last characters written). */
const BODY_OPENED = /<(?:content:encoded|wp:comment_content)\s*>\s*$/;

/** How far back from the wanted cut a token's start is looked for; longer than `<![CDATA[` and nearly every entity. */
const WINDOW = 32;

/**
 * Where to cut `text` at or before `at` without splitting a token (`<![CDATA[`, `]]>`, `&amp;`):
 * before the last character that can start one (`<`, `&`, `]`) in the window before `at`, and
 * before the `]` ahead of it too, so that `]]>` is never cut after its first bracket. No character
 * inside a token can start one, so a token that began earlier ends before that point.
 */
export function safeCut(text: string, at: number): number {
  for (let i = at - 1; i >= Math.max(0, at - WINDOW); i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3c /* < */ || c === 0x26 /* & */) return i;
    if (c === 0x5d /* ] */) return i > 0 && text.charCodeAt(i - 1) === 0x5d ? i - 1 : i;
  }
  return at;
}

export class XmlTextGuard {
  private carry = '';
  private inCdata = false;
  private run = 0;
  private cut = false;
  /** Whether the open CDATA section is a body being skipped. */
  private skipping = false;
  /** The last characters of markup written, to tell what a CDATA section belongs to. */
  private recent = '';
  /** Counts of what was repaired, for the report. */
  readonly repairs = { rawAmpersands: 0, forbiddenCharacters: 0, oversizedRuns: 0 };

  constructor(private readonly maxRun: number, private readonly options: { skipBodies?: boolean } = {}) {}

  push(chunk: string): string {
    const text = this.carry + chunk;
    const keep = safeCut(text, Math.max(0, text.length - TAIL));
    this.carry = text.slice(keep);
    return this.process(text.slice(0, keep));
  }

  end(): string {
    const rest = this.carry;
    this.carry = '';
    return this.process(rest);
  }

  private process(input: string): string {
    let text = input;
    if (FORBIDDEN.test(text)) {
      text = text.replace(FORBIDDEN, () => { this.repairs.forbiddenCharacters++; return ''; });
    }
    let out = '';
    let i = 0;
    while (i < text.length) {
      if (this.inCdata) {
        const close = text.indexOf(CDATA_CLOSE, i);
        const end = close === -1 ? text.length : close;
        if (!this.skipping) out += this.capped(text.slice(i, end));
        if (close === -1) break;
        out += CDATA_CLOSE;
        this.inCdata = false;
        this.skipping = false;
        this.recent = '';
        this.run = 0;
        this.cut = false;
        i = close + CDATA_CLOSE.length;
      } else {
        const open = text.indexOf(CDATA_OPEN, i);
        const end = open === -1 ? text.length : open;
        const markup = this.markup(text.slice(i, end));
        out += markup;
        if (this.options.skipBodies) this.recent = (this.recent + markup).slice(-64);
        if (open === -1) break;
        out += CDATA_OPEN;
        this.inCdata = true;
        this.skipping = !!this.options.skipBodies && BODY_OPENED.test(this.recent);
        this.run = 0;
        this.cut = false;
        i = open + CDATA_OPEN.length;
      }
    }
    return out;
  }

  /** Text outside CDATA: tags and character data; runs between tags are capped. */
  private markup(segment: string): string {
    const fixed = segment.includes('&') ? segment.replace(RAW_AMP, () => { this.repairs.rawAmpersands++; return '&amp;'; }) : segment;
    const lastTag = Math.max(fixed.lastIndexOf('<'), fixed.lastIndexOf('>'));
    if (lastTag !== -1) {
      this.run = fixed.length - lastTag - 1;
      this.cut = false;
      if (this.run <= this.maxRun) return fixed;
      return fixed.slice(0, lastTag + 1) + this.capped(fixed.slice(lastTag + 1), 0);
    }
    return this.capped(fixed);
  }

  /** Passes text of the current run until the cap, then the marker once, then nothing. */
  private capped(piece: string, runBefore = this.run): string {
    if (this.cut) return '';
    const room = this.maxRun - runBefore;
    this.run = runBefore + piece.length;
    if (piece.length <= room) return piece;
    this.cut = true;
    this.repairs.oversizedRuns++;
    return piece.slice(0, Math.max(0, room)) + OVERSIZED_MARK;
  }
}
