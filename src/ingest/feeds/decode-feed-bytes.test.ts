import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeFeedBytes } from './decode-feed-bytes.js';
import { FeedParseError } from './feed-parse-error.js';

const xml = (encoding: string | null, body: string) => `${encoding ? `<?xml version="1.0" encoding="${encoding}"?>` : ''}<rss><channel><title>${body}</title></channel></rss>`;

describe('decodeFeedBytes', () => {
  test('a UTF-8 byte-order mark wins and is removed', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml('iso-8859-1', 'café'))]);
    const decoded = decodeFeedBytes(bytes, 'text/xml; charset=windows-1251');
    assert.equal(decoded.encoding, 'utf-8');
    assert.ok(decoded.text.startsWith('<?xml'));
    assert.ok(decoded.text.includes('café'));
  });

  test('UTF-16 with and without a byte-order mark', () => {
    const text = xml(null, 'Ωmega');
    assert.ok(decodeFeedBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])).text.includes('Ωmega'));
    assert.ok(decodeFeedBytes(iconv.encode(text, 'utf-16be')).text.includes('Ωmega'));
  });

  test('the XML declaration: gb2312, windows-1251, KOI8-R, ISO-8859-1', () => {
    for (const [encoding, body] of [['gb2312', '流通纪念币'], ['windows-1251', 'Новости'], ['KOI8-R', 'Привет'], ['ISO-8859-1', 'Notícias']] as const) {
      const decoded = decodeFeedBytes(iconv.encode(xml(encoding, body), encoding));
      assert.ok(decoded.text.includes(body), `${encoding}: ${decoded.text}`);
      assert.equal(decoded.note, null);
    }
  });

  test('ISO-8859-1 is read as windows-1252 so curly quotes survive', () => {
    const bytes = Buffer.concat([Buffer.from(xml('ISO-8859-1', '').replace('</title>', '')), Buffer.from([0x93, 0x68, 0x69, 0x94]), Buffer.from('</title></channel></rss>')]);
    assert.ok(decodeFeedBytes(bytes).text.includes('“hi”'));
  });

  test('the Content-Type charset applies when the document declares nothing', () => {
    const decoded = decodeFeedBytes(iconv.encode(xml(null, 'Новости'), 'windows-1251'), 'application/rss+xml; charset="windows-1251"');
    assert.ok(decoded.text.includes('Новости'));
  });

  test('undeclared, invalid UTF-8 is sniffed with chardet and the guess reported', () => {
    const latin1 = 'Últimas notícias: eleição, ação, coração e informação sobre a região e a população de São Paulo. '.repeat(4);
    const decoded = decodeFeedBytes(iconv.encode(xml(null, latin1), 'latin1'));
    assert.ok(decoded.text.includes('Últimas notícias'));
    assert.match(decoded.note ?? '', /detected/);
  });

  test('declared UTF-8 with a stray invalid byte keeps the rest and says so', () => {
    const bytes = Buffer.concat([Buffer.from(xml('utf-8', 'café ').replace('</title></channel></rss>', '')), Buffer.from([0xe9]), Buffer.from('</title></channel></rss>')]);
    const decoded = decodeFeedBytes(bytes);
    assert.ok(decoded.text.includes('café \uFFFD'));
    assert.match(decoded.note ?? '', /invalid UTF-8/);
  });

  test('an unknown declared encoding: UTF-8 if the bytes are, else unsupported-encoding', () => {
    assert.ok(decodeFeedBytes(Buffer.from(xml('x-klingon', 'ok'))).note);
    assert.throws(() => decodeFeedBytes(Buffer.concat([Buffer.from(xml('x-klingon', '')), Buffer.from([0xff, 0xfe, 0xfd])])), (error: unknown) => error instanceof FeedParseError && error.code === 'unsupported-encoding');
  });
});
