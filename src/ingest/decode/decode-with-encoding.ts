/**
 * Decoding bytes with a WHATWG encoding name. Node's TextDecoder implements the Encoding Standard
 * exactly when Node is built with full ICU (the default); on a small-ICU build it knows only
 * UTF-8, UTF-16 and windows-1252, so iconv-lite covers the rest with its closest equivalent.
 */
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';

/** iconv-lite names for WHATWG encodings whose own name iconv-lite does not know or reads differently. */
const ICONV_NAMES: Record<string, string> = {
  ibm866: 'cp866',
  'iso-8859-8-i': 'iso88598',
  'x-mac-cyrillic': 'maccyrillic',
  // The WHATWG decoders are the vendors' supersets of these standards.
  big5: 'big5hkscs',
  shift_jis: 'cp932',
  'euc-kr': 'cp949',
};

/**
 * Bytes whose decoding tells whether a TextDecoder really implements the encoding: Node 20
 * decodes `windows-1252` (and its labels `latin1`, `iso-8859-1`) as ISO-8859-1, turning
 * 0x80-0x9F into control characters instead of € “ ” — …
 */
const PROBES: Record<string, [number[], string]> = {
  'windows-1252': [[0x80, 0x93, 0x94, 0x97], '\u20AC\u201C\u201D\u2014'],
};

const decoders = new Map<string, TextDecoder | null>();

function textDecoderFor(encoding: string): TextDecoder | null {
  if (!decoders.has(encoding)) {
    let decoder: TextDecoder | null = null;
    try {
      decoder = new TextDecoder(encoding, { ignoreBOM: true });
      // A small-ICU build may accept a label but decode it as something else.
      if (decoder.encoding !== encoding) decoder = null;
      const probe = PROBES[encoding];
      if (decoder && probe && decoder.decode(new Uint8Array(probe[0])) !== probe[1]) decoder = null;
    } catch {
      decoder = null;
    }
    decoders.set(encoding, decoder);
  }
  return decoders.get(encoding) ?? null;
}

function iconvNameFor(encoding: string): string | null {
  const name = ICONV_NAMES[encoding] ?? encoding;
  return iconv.encodingExists(name) ? name : null;
}

/** Whether this Node can decode the WHATWG encoding (with TextDecoder or iconv-lite). */
export function canDecode(encoding: string): boolean {
  return textDecoderFor(encoding) !== null || iconvNameFor(encoding) !== null;
}

/** Decodes bytes with a WHATWG encoding; malformed sequences become U+FFFD. Throws if the encoding is unsupported. */
export function decodeWithEncoding(bytes: Uint8Array, encoding: string): string {
  const decoder = textDecoderFor(encoding);
  if (decoder) return decoder.decode(bytes);
  const name = iconvNameFor(encoding);
  if (!name) throw new Error(`No decoder for the encoding ${encoding}.`);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name, { stripBOM: false });
}

/** Whether the bytes are well-formed UTF-8 (pure ASCII included). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
