import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { charsetFromContentType, decodeHtmlBytes } from './decode-html-bytes.js';
import { encodingForLabel } from './encoding-labels.js';
import { prescanMetaCharsets, xmlDeclarationEncoding } from './prescan-declared-charset.js';

// Sample texts written for these tests.
const RUSSIAN = 'Вчера вечером в городском совете обсуждали новый бюджет на следующий год. Депутаты спорили о том, '
  + 'сколько денег нужно выделить на ремонт дорог, школ и больниц. Мэр заявил, что расходы на транспорт вырастут, '
  + 'а жители окраин наконец получат новые автобусные маршруты. Оппозиция потребовала опубликовать все договоры '
  + 'с подрядчиками и провести открытые слушания. Журналисты местной газеты попросили объяснить, почему прошлогодние '
  + 'обещания так и остались на бумаге. Голосование перенесли на следующую неделю, после консультаций с экспертами.';
const JAPANESE = '昨日の午後、市議会は来年度の予算案について議論しました。道路や学校の修理にいくら使うべきか、議員たちの意見は分かれました。'
  + '市長は公共交通への支出を増やすと述べ、郊外の住民は新しいバス路線を利用できるようになります。';
const CHINESE_SIMPLIFIED = '昨天下午，市议会讨论了明年的预算方案。议员们对道路和学校的维修经费存在分歧。市长表示将增加公共交通的支出，'
  + '郊区居民将可以使用新的公交线路。反对派要求公开所有合同并举行公开听证会。';
const CHINESE_TRADITIONAL = '昨天下午，市議會討論了明年的預算方案。議員們對道路和學校的維修經費存在分歧。市長表示將增加公共交通的支出，'
  + '郊區居民將可以使用新的公車路線。反對派要求公開所有合約並舉行公開聽證會。';
const KOREAN = '어제 오후 시의회는 내년 예산안을 논의했습니다. 의원들은 도로와 학교 보수 비용을 두고 의견이 갈렸습니다. '
  + '시장은 대중교통 지출을 늘리겠다고 밝혔습니다.';
const FRENCH = 'Hier soir, le conseil municipal a débattu du budget de l’année prochaine : « Nous devons rénover les écoles », '
  + 'a déclaré le maire. Les élus de l’opposition réclament plus de transparence sur les dépenses — près de 3 000 € par élève.';
const FRENCH_LATIN1 = 'Hier soir, le conseil municipal a débattu du budget : « Nous devons rénover les écoles », a déclaré le maire. '
  + 'Les élus réclament plus de transparence, à côté de la gare, où les travaux ont commencé.';
const FRENCH_ISO15 = "Le cœur du budget : « 3 000 € pour l'œuvre des écoles », a déclaré le maire. Les élus réclament plus de transparence.";
const GERMAN = 'Gestern Abend stritt der Stadtrat über den Haushalt für das nächste Jahr. Die Abgeordneten forderten mehr Geld für '
  + 'Straßen, Schulen und Krankenhäuser; der Bürgermeister kündigte höhere Ausgaben für Busse und Bahnen an.';
const POLISH = 'Wczoraj wieczorem rada miejska dyskutowała o budżecie na przyszły rok. Radni żądali więcej pieniędzy na drogi i szkoły.';

const encode = (text: string, encoding: string): Buffer => iconv.encode(text, encoding);
const concat = (...parts: (string | Buffer)[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));

function page(body: Buffer, head = ''): Buffer {
  return concat(`<!DOCTYPE html>\n<html><head>${head}<title>t</title></head><body><p>`, body, '</p></body></html>');
}

function bodyText(html: string): string {
  const match = /<p>([\s\S]*)<\/p>/.exec(html);
  assert.ok(match, 'the page should keep its paragraph');
  return match[1]!;
}

// [iconv-lite name to encode with, label to declare, WHATWG encoding expected, sample]
const CASES: [string, string, string, string][] = [
  ['utf-8', 'utf-8', 'utf-8', RUSSIAN + JAPANESE + FRENCH],
  ['windows-1251', 'windows-1251', 'windows-1251', RUSSIAN],
  ['koi8-r', 'KOI8-R', 'koi8-r', RUSSIAN],
  ['iso-8859-5', 'ISO-8859-5', 'iso-8859-5', RUSSIAN],
  ['windows-1252', 'windows-1252', 'windows-1252', FRENCH],
  ['iso-8859-1', 'iso-8859-1', 'windows-1252', FRENCH_LATIN1],
  ['iso-8859-1', 'latin1', 'windows-1252', GERMAN],
  ['iso-8859-15', 'ISO-8859-15', 'iso-8859-15', FRENCH_ISO15],
  ['iso-8859-2', 'iso-8859-2', 'iso-8859-2', POLISH],
  ['shift_jis', 'Shift_JIS', 'shift_jis', JAPANESE],
  ['shift_jis', 'sjis', 'shift_jis', JAPANESE],
  ['euc-jp', 'EUC-JP', 'euc-jp', JAPANESE],
  ['gb18030', 'GB18030', 'gb18030', CHINESE_SIMPLIFIED],
  ['gbk', 'GBK', 'gbk', CHINESE_SIMPLIFIED],
  ['gb2312', 'gb2312', 'gbk', CHINESE_SIMPLIFIED],
  ['big5', 'Big5', 'big5', CHINESE_TRADITIONAL],
  ['euc-kr', 'EUC-KR', 'euc-kr', KOREAN],
];

describe('decodeHtmlBytes: declared encodings round-trip', () => {
  for (const [iconvName, label, expected, sample] of CASES) {
    const body = encode(sample, iconvName);

    test(`<meta charset="${label}"> (${iconvName})`, () => {
      const result = decodeHtmlBytes(page(body, `<meta charset="${label}">`));
      assert.equal(result.source, 'meta');
      assert.equal(result.encoding, expected);
      assert.equal(bodyText(result.text), sample);
    });

    test(`<meta http-equiv content="…charset=${label}"> (${iconvName})`, () => {
      const result = decodeHtmlBytes(page(body, `<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=${label}">`));
      assert.equal(result.source, 'meta');
      assert.equal(result.encoding, expected);
      assert.equal(bodyText(result.text), sample);
    });

    test(`Content-Type header charset=${label} (${iconvName})`, () => {
      const result = decodeHtmlBytes(page(body), { contentType: `text/html; charset="${label}"` });
      assert.equal(result.source, 'header');
      assert.equal(result.encoding, expected);
      assert.equal(bodyText(result.text), sample);
    });

    test(`XML declaration encoding="${label}" (${iconvName})`, () => {
      const xhtml = concat(`<?xml version="1.0" encoding="${label}"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>`, body, '</p></body></html>');
      const result = decodeHtmlBytes(xhtml);
      assert.equal(result.source, 'xml-declaration');
      assert.equal(result.encoding, expected);
      assert.equal(bodyText(result.text), sample);
    });
  }

  test('every ISO-8859 part (1-15) decodes its own upper half through a <meta> declaration', () => {
    for (const part of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15]) {
      const iconvName = `iso-8859-${part}`;
      const upper = Buffer.from(Array.from({ length: 96 }, (_, i) => 0xa0 + i));
      const sample = [...iconv.decode(upper, iconvName)].filter((c) => c !== '\uFFFD').join('');
      const result = decodeHtmlBytes(page(encode(sample, iconvName), `<meta charset="${iconvName}">`));
      assert.equal(result.encoding, encodingForLabel(iconvName), iconvName);
      assert.equal(bodyText(result.text), sample, iconvName);
    }
  });

  test('windows-1252 bytes declared as ISO-8859-1 keep their typographic characters (€, “ ”, —)', () => {
    const sample = '“Quotes” — and 5 €';
    const result = decodeHtmlBytes(page(encode(sample, 'windows-1252'), '<meta charset="ISO-8859-1">'));
    assert.equal(result.encoding, 'windows-1252');
    assert.equal(bodyText(result.text), sample);
  });
});

describe('decodeHtmlBytes: byte order marks', () => {
  const sample = `${RUSSIAN} ${JAPANESE} ${FRENCH}`;
  for (const [name, bom, iconvName] of [
    ['utf-8', [0xef, 0xbb, 0xbf], 'utf-8'],
    ['utf-16le', [0xff, 0xfe], 'utf-16le'],
    ['utf-16be', [0xfe, 0xff], 'utf-16be'],
  ] as const) {
    test(`${name} BOM is honoured and removed`, () => {
      const html = `<html><head><meta charset="utf-8"></head><body><p>${sample}</p></body></html>`;
      const result = decodeHtmlBytes(Buffer.concat([Buffer.from(bom), iconv.encode(html, iconvName)]));
      assert.deepEqual([result.encoding, result.source], [name, 'bom']);
      assert.equal(result.text, html);
    });
  }

  test('a BOM wins over a header and a <meta> that contradict it', () => {
    const html = `<html><head><meta charset="koi8-r"></head><body><p>${RUSSIAN}</p></body></html>`;
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html, 'utf8')]);
    const result = decodeHtmlBytes(bytes, { contentType: 'text/html; charset=windows-1251' });
    assert.deepEqual([result.encoding, result.source], ['utf-8', 'bom']);
    assert.equal(bodyText(result.text), RUSSIAN);
  });
});

describe('decodeHtmlBytes: which declaration wins', () => {
  test('the Content-Type header wins over <meta>', () => {
    const result = decodeHtmlBytes(page(encode(RUSSIAN, 'koi8-r'), '<meta charset="windows-1251">'), { contentType: 'text/html;charset=KOI8-R' });
    assert.deepEqual([result.encoding, result.source], ['koi8-r', 'header']);
    assert.equal(bodyText(result.text), RUSSIAN);
  });

  test('a charset given directly wins over the Content-Type parameter', () => {
    const result = decodeHtmlBytes(page(encode(RUSSIAN, 'koi8-r')), { contentType: 'text/html; charset=windows-1251', charset: 'koi8-r' });
    assert.equal(bodyText(result.text), RUSSIAN);
  });

  test('in text/html <meta> wins over an XML declaration; in an XML media type the declaration wins', () => {
    const bytes = concat('<?xml version="1.0" encoding="windows-1251"?><html><head><meta charset="koi8-r"></head><body><p>', encode(RUSSIAN, 'koi8-r'), '</p></body></html>');
    assert.equal(decodeHtmlBytes(bytes).source, 'meta');
    assert.equal(bodyText(decodeHtmlBytes(bytes).text), RUSSIAN);
    const xml = decodeHtmlBytes(bytes, { contentType: 'application/xhtml+xml' });
    assert.deepEqual([xml.encoding, xml.source], ['windows-1251', 'xml-declaration']);
  });

  test('an unknown label in the header or <meta> falls through to the next source, never throws', () => {
    const result = decodeHtmlBytes(page(encode(RUSSIAN, 'koi8-r'), '<meta charset="no-such-charset"><meta charset="koi8-r">'), { contentType: 'text/html; charset=bogus' });
    assert.deepEqual([result.encoding, result.source], ['koi8-r', 'meta']);
  });

  test('an unknown declared label with no other declaration falls back to sniffing', () => {
    const result = decodeHtmlBytes(page(encode(RUSSIAN.repeat(2), 'windows-1251'), '<meta charset="x-klingon">'), { contentType: 'text/html; charset=klingon' });
    assert.deepEqual([result.encoding, result.source], ['windows-1251', 'sniffed']);
    assert.equal(bodyText(result.text), RUSSIAN.repeat(2));
  });

  test('a "replacement" label (ISO-2022-KR) is treated as unknown rather than decoding to U+FFFD', () => {
    const result = decodeHtmlBytes(page(Buffer.from('plain ASCII'), '<meta charset="iso-2022-kr">'));
    assert.deepEqual([result.encoding, result.source, bodyText(result.text)], ['utf-8', 'default', 'plain ASCII']);
  });

  test('UTF-16 declared inside an ASCII-compatible document means UTF-8', () => {
    const result = decodeHtmlBytes(page(Buffer.from(FRENCH, 'utf8'), '<meta charset="utf-16">'));
    assert.deepEqual([result.encoding, result.source], ['utf-8', 'meta']);
    assert.equal(bodyText(result.text), FRENCH);
  });
});

describe('decodeHtmlBytes: no declaration', () => {
  test('a windows-1251 page without any declaration is sniffed as windows-1251', () => {
    const result = decodeHtmlBytes(page(encode(RUSSIAN, 'windows-1251')));
    assert.deepEqual([result.encoding, result.source], ['windows-1251', 'sniffed']);
    assert.equal(bodyText(result.text), RUSSIAN);
  });

  test('a KOI8-R page without any declaration is sniffed as KOI8-R', () => {
    const result = decodeHtmlBytes(page(encode(RUSSIAN, 'koi8-r')));
    assert.deepEqual([result.encoding, result.source], ['koi8-r', 'sniffed']);
    assert.equal(bodyText(result.text), RUSSIAN);
  });

  for (const [iconvName, expected, sample] of [
    ['shift_jis', 'shift_jis', JAPANESE],
    ['euc-jp', 'euc-jp', JAPANESE],
    ['gb18030', 'gb18030', CHINESE_SIMPLIFIED],
    ['big5', 'big5', CHINESE_TRADITIONAL],
    ['euc-kr', 'euc-kr', KOREAN],
  ] as const) {
    test(`an undeclared ${iconvName} page is sniffed and decoded`, () => {
      const result = decodeHtmlBytes(page(encode(sample, iconvName)));
      assert.deepEqual([result.encoding, result.source], [expected, 'sniffed']);
      assert.equal(bodyText(result.text), sample);
    });
  }

  test('undeclared Western European text that is not UTF-8 decodes as a Latin encoding', () => {
    const result = decodeHtmlBytes(page(encode(`${FRENCH_LATIN1} ${GERMAN}`, 'windows-1252')));
    assert.equal(result.source, 'sniffed');
    assert.equal(bodyText(result.text), `${FRENCH_LATIN1} ${GERMAN}`);
  });

  test('valid UTF-8 without a declaration (a text file) is UTF-8 by default', () => {
    const text = `${RUSSIAN}\n\n${JAPANESE}\n`;
    assert.deepEqual(decodeHtmlBytes(Buffer.from(text, 'utf8')), { text, encoding: 'utf-8', source: 'default' });
    assert.deepEqual(decodeHtmlBytes(new Uint8Array()), { text: '', encoding: 'utf-8', source: 'default' });
  });
});

describe('prescanMetaCharsets', () => {
  const scan = (html: string): string[] => prescanMetaCharsets(Buffer.from(html, 'latin1'));

  test('ignores <meta> inside comments and inside other tags\' attribute values', () => {
    assert.deepEqual(scan('<!-- <meta charset="koi8-r"> --><div title="<meta charset=big5>"></div><meta charset=utf-8>'), ['utf-8']);
    assert.deepEqual(scan('<!--><meta charset="koi8-r">'), ['koi8-r']);
  });

  test('needs http-equiv="content-type" for a charset in content=', () => {
    assert.deepEqual(scan('<meta content="text/html; charset=koi8-r"><meta name=x content="charset=big5">'), []);
    assert.deepEqual(scan("<meta content='text/html; charset=\"KOI8-R\"' http-equiv=Content-Type>"), ['koi8-r']);
  });

  test('reads unquoted, single-quoted and self-closed forms; the first attribute of a name counts', () => {
    assert.deepEqual(scan("<meta charset=windows-1251/><meta/charset='gbk'><meta charset=big5 charset=gbk>"), ['windows-1251/', 'gbk', 'big5']);
  });

  test('looks only at the first 4 KB', () => {
    assert.deepEqual(scan(`<p>${'x'.repeat(5000)}</p><meta charset="koi8-r">`), []);
  });
});

describe('small helpers', () => {
  test('charsetFromContentType', () => {
    assert.equal(charsetFromContentType('text/html; charset=UTF-8'), 'UTF-8');
    assert.equal(charsetFromContentType('text/html;charset="koi8-r"; foo=bar'), 'koi8-r');
    assert.equal(charsetFromContentType('text/html'), null);
  });

  test('xmlDeclarationEncoding reads only a declaration at the very start', () => {
    assert.equal(xmlDeclarationEncoding(Buffer.from("<?xml version='1.0' encoding='Shift_JIS' standalone='yes'?><a/>")), 'Shift_JIS');
    assert.equal(xmlDeclarationEncoding(Buffer.from(' <?xml version="1.0" encoding="koi8-r"?>')), null);
    assert.equal(xmlDeclarationEncoding(Buffer.from('<?xml version="1.0"?>')), null);
  });

  test('encodingForLabel follows the WHATWG table', () => {
    assert.equal(encodingForLabel(' Latin1 '), 'windows-1252');
    assert.equal(encodingForLabel('GB2312'), 'gbk');
    assert.equal(encodingForLabel('x-sjis'), 'shift_jis');
    assert.equal(encodingForLabel('ks_c_5601-1987'), 'euc-kr');
    assert.equal(encodingForLabel('utf-32'), null);
  });
});
