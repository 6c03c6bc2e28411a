import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildXml, escapeXml, xmlSafe } from './xml.js';

describe('xmlSafe', () => {
  test('drops characters XML 1.0 cannot carry and keeps tab, newline and astral characters', () => {
    assert.equal(xmlSafe('a\u0000b\u0008c\u000bd\u001fe\ufffef\uffff'), 'abcdef');
    assert.equal(xmlSafe('tab\tline\nreturn\r'), 'tab\tline\nreturn\r');
    assert.equal(xmlSafe('emoji 😀 kept'), 'emoji 😀 kept');
  });

  test('drops lone surrogates but keeps pairs', () => {
    assert.equal(xmlSafe('x\ud800y\udc00z😀'), 'xyz😀');
  });
});

describe('escapeXml', () => {
  test('escapes the five special characters', () => {
    assert.equal(escapeXml(`&<>"'`), '&amp;&lt;&gt;&quot;&apos;');
  });
});

describe('buildXml', () => {
  test('writes a well-formed document from hostile text, with attributes and repeated elements', () => {
    const hostile = 'A & B <c> ]]> ]]> "d" \'e\' \u0001';
    const xml = buildXml({ root: { '@_attr': hostile, item: [{ '#text': hostile }, { '#text': 'two' }], skipped: undefined, list: ['x', 'y'] } });
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<root'));
    assert.equal(XMLValidator.validate(xml), true);
    assert.ok(!xml.includes('skipped'));
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', processEntities: true, htmlEntities: false, trimValues: false }).parse(xml);
    const clean = 'A & B <c> ]]> ]]> "d" \'e\' ';
    assert.equal(parsed.root['@_attr'], clean);
    assert.equal(parsed.root.item[0], clean);
    assert.deepEqual(parsed.root.list, ['x', 'y']);
  });
});
