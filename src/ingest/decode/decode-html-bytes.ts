/**
 * Bytes of an HTML page (or a plain text file) to text, deciding the encoding the way a browser
 * does, simplified: byte order mark, then the Content-Type charset, then what the document
 * declares (`<meta>` or an XML declaration), then — for bytes that are not valid UTF-8 — a guess
 * by chardet among the encodings we can decode. Pure: no I/O.
 */
import chardet from 'chardet';
import { canDecode, decodeWithEncoding, isValidUtf8 } from './decode-with-encoding.js';
import { encodingForLabel } from './encoding-labels.js';
import { prescanMetaCharsets, xmlDeclarationEncoding } from './prescan-declared-charset.js';

/** Where the encoding came from. */
export type EncodingSource = 'bom' | 'header' | 'meta' | 'xml-declaration' | 'sniffed' | 'default';

/** The decoded text, the WHATWG name of the encoding used (lower case, e.g. `windows-1251`, `shift_jis`) and how it was chosen. */
export interface DecodedText {
  text: string;
  encoding: string;
  source: EncodingSource;
}

/** What the transport said about the bytes. */
export interface DecodeOptions {
  /** The Content-Type header value (`text/html; charset=koi8-r`); its charset parameter and XML media types are honoured. */
  contentType?: string | null;
  /** A charset label the caller already took from the transport; wins over `contentType`'s parameter. */
  charset?: string | null;
}

/** Encodings chardet may name that we accept as a guess for bytes that are not UTF-8. */
const SNIFFABLE = new Set([
  'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256',
  'windows-1257', 'windows-1258', 'windows-874', 'iso-8859-2', 'iso-8859-5', 'iso-8859-6', 'iso-8859-7', 'iso-8859-8',
  'koi8-r', 'shift_jis', 'euc-jp', 'iso-2022-jp', 'gb18030', 'big5', 'euc-kr',
]);
const MULTI_BYTE = new Set(['shift_jis', 'euc-jp', 'iso-2022-jp', 'gb18030', 'gbk', 'big5', 'euc-kr']);

/** The WHATWG fallback when nothing is declared and nothing can be guessed (the legacy encoding of most of the web). */
const FALLBACK_ENCODING = 'windows-1252';

/** Decodes HTML or text bytes; never throws for an unknown or unsupported declared label (the next source is tried). */
export function decodeHtmlBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeWithEncoding(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, source: 'bom' };

  const headerLabel = options.charset ?? (options.contentType ? charsetFromContentType(options.contentType) : null);
  const header = headerLabel === null ? null : usableEncoding(headerLabel, 'header');
  if (header) return decoded(bytes, header, 'header');

  const fromMeta = (): string | null => {
    for (const label of prescanMetaCharsets(bytes)) {
      const encoding = usableEncoding(label, 'document');
      if (encoding) return encoding;
    }
    return null;
  };
  const fromXml = (): string | null => {
    const label = xmlDeclarationEncoding(bytes);
    return label === null ? null : usableEncoding(label, 'document');
  };
  // Browsers ignore an XML declaration in text/html and read <meta>; an XML parser does the opposite.
  const declared = isXmlMediaType(options.contentType)
    ? [{ find: fromXml, source: 'xml-declaration' as const }, { find: fromMeta, source: 'meta' as const }]
    : [{ find: fromMeta, source: 'meta' as const }, { find: fromXml, source: 'xml-declaration' as const }];
  for (const { find, source } of declared) {
    const encoding = find();
    if (encoding) return decoded(bytes, encoding, source);
  }

  if (isValidUtf8(bytes)) return decoded(bytes, 'utf-8', 'default');
  const sniffed = sniffEncoding(bytes);
  return sniffed ? decoded(bytes, sniffed, 'sniffed') : decoded(bytes, FALLBACK_ENCODING, 'default');
}

function decoded(bytes: Uint8Array, encoding: string, source: EncodingSource): DecodedText {
  return { text: decodeWithEncoding(bytes, encoding), encoding, source };
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** The charset parameter of a Content-Type value, or null. */
export function charsetFromContentType(contentType: string): string | null {
  for (const parameter of contentType.split(';').slice(1)) {
    const [name, ...rest] = parameter.split('=');
    if (name?.trim().toLowerCase() !== 'charset') continue;
    const value = rest.join('=').trim().replace(/^"(.*)"$/, '$1').trim();
    return value === '' ? null : value;
  }
  return null;
}

function isXmlMediaType(contentType: string | null | undefined): boolean {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return essence === 'application/xml' || essence === 'text/xml' || essence.endsWith('+xml');
}

/**
 * The encoding to decode with for a declared label, or null to try the next source. `replacement`
 * labels (ISO-2022-KR, HZ…) are treated as unknown: a browser would show a single U+FFFD, which
 * is no use to an importer. x-user-defined is read as windows-1252, which it equals for ASCII and
 * which gives readable text for the rest. A document cannot declare UTF-16 in ASCII bytes, so
 * such a declaration inside the document means UTF-8 (as the HTML standard says for `<meta>`).
 */
function usableEncoding(label: string, where: 'header' | 'document'): string | null {
  let encoding = encodingForLabel(label);
  if (encoding === null || encoding === 'replacement') return null;
  if (encoding === 'x-user-defined') encoding = FALLBACK_ENCODING;
  if (where === 'document' && (encoding === 'utf-16le' || encoding === 'utf-16be')) encoding = 'utf-8';
  return canDecode(encoding) ? encoding : null;
}

/** chardet's best plausible guess for bytes that are not UTF-8, or null. Multi-byte guesses must decode without errors. */
function sniffEncoding(bytes: Uint8Array): string | null {
  for (const match of chardet.analyse(bytes)) {
    const encoding = encodingForLabel(match.name);
    if (encoding === null || !SNIFFABLE.has(encoding) || !canDecode(encoding)) continue;
    if (MULTI_BYTE.has(encoding) && !decodesCleanly(bytes, encoding)) continue;
    return encoding;
  }
  return null;
}

function decodesCleanly(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch (error) {
    // Without full ICU there is no strict decoder: fall back to looking for replacement characters.
    if (error instanceof RangeError) return !decodeWithEncoding(bytes, encoding).includes('\uFFFD');
    return false;
  }
}
