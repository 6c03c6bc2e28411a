/**
 * Bytes to text for feed documents. Order of trust: byte-order mark, the document's own XML
 * declaration, the HTTP Content-Type charset, valid UTF-8, and last a statistical guess (chardet).
 * The declaration outranks the header because servers often send a default charset that the
 * software writing the feed never saw.
 */
import { detect } from 'chardet';
import iconv from 'iconv-lite';
import { FeedParseError } from './feed-parse-error.js';

/** The decoded text, the encoding used, and a note when the choice was a guess or lossy. */
export interface DecodedFeedText {
  text: string;
  encoding: string;
  note: string | null;
}

/** Latin-1 labels are decoded as windows-1252, its superset, as browsers do (smart quotes live in 0x80–0x9F). */
const ALIASES: Record<string, string> = { 'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252', latin1: 'windows-1252', 'us-ascii': 'windows-1252', ascii: 'windows-1252', gb2312: 'gbk' };

/** Decodes feed bytes to a string (without BOM), following the BOM, XML declaration, Content-Type charset, UTF-8, chardet. */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): DecodedFeedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding), encoding: bom.encoding, note: null };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: iconv.decode(Buffer.from(bytes), utf16), encoding: utf16, note: null };

  const declared = declaredXmlEncoding(bytes);
  // A UTF-16 declaration read as ASCII cannot be true: the bytes are 8-bit, so ignore it.
  if (declared && !/^(utf-?16|ucs-?2)/i.test(declared)) {
    const encoding = supported(declared);
    if (encoding) return decodeAs(bytes, encoding);
    const text = strictUtf8(bytes);
    if (text !== null) return { text, encoding: 'utf-8', note: `The declared encoding "${declared}" is unknown; the bytes are valid UTF-8 and were read as such.` };
    throw new FeedParseError('unsupported-encoding', `The feed declares encoding "${declared}", which this server cannot decode.`);
  }
  const headerCharset = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const fromHeader = headerCharset ? supported(headerCharset) : null;
  if (fromHeader) return decodeAs(bytes, fromHeader);
  const text = strictUtf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8', note: null };

  const guess = detect(bytes);
  const encoding = (guess && supported(guess)) || 'windows-1252';
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding, note: `No encoding was declared and the bytes are not UTF-8; decoded as ${guess ?? encoding} (detected).` };
}

function decodeAs(bytes: Uint8Array, encoding: string): DecodedFeedText {
  if (encoding !== 'utf-8') return { text: iconv.decode(Buffer.from(bytes), encoding), encoding, note: null };
  const text = strictUtf8(bytes);
  if (text !== null) return { text, encoding, note: null };
  return { text: new TextDecoder('utf-8').decode(bytes), encoding, note: 'The feed declares UTF-8 but contains invalid UTF-8 bytes; they were replaced with U+FFFD.' };
}

function supported(label: string): string | null {
  const name = label.trim().toLowerCase();
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  const encoding = ALIASES[name] ?? name;
  return iconv.encodingExists(encoding) ? encoding : null;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** `<?` or `{` in UTF-16 without a BOM shows as an ASCII byte next to a zero byte. */
function utf16WithoutBom(bytes: Uint8Array): string | null {
  if (bytes.length < 4) return null;
  if (bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) return 'utf-16be';
  return null;
}

function declaredXmlEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1] ?? null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
