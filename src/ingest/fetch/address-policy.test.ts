import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyAddress, createAddressPolicy, isIpLiteral } from './address-policy.js';

function refused(address: string, pattern: RegExp): void {
  const verdict = classifyAddress(address);
  assert.equal(verdict.allowed, false, `${address} should be refused`);
  if (!verdict.allowed) assert.match(verdict.reason, pattern, `${address}: ${verdict.reason}`);
}

function allowed(address: string): void {
  const verdict = classifyAddress(address);
  assert.equal(verdict.allowed, true, `${address} should be allowed${verdict.allowed ? '' : `: ${verdict.reason}`}`);
}

describe('classifyAddress: IPv4', () => {
  test('public unicast passes', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '93.184.215.14', '151.101.1.67', '100.63.255.255', '100.128.0.0', '172.15.255.255', '172.32.0.0', '192.167.255.255', '169.253.255.255', '223.255.255.255']) allowed(address);
  });

  test('loopback 127/8', () => {
    for (const address of ['127.0.0.1', '127.255.255.254', '127.1.2.3']) refused(address, /loopback/);
  });

  test('private 10/8, 172.16/12, 192.168/16', () => {
    for (const address of ['10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255', '192.168.0.1', '192.168.255.255']) refused(address, /private/);
  });

  test('link-local 169.254/16', () => {
    for (const address of ['169.254.0.1', '169.254.255.255']) refused(address, /link-local/);
  });

  test('carrier-grade NAT 100.64/10', () => {
    for (const address of ['100.64.0.1', '100.127.255.255']) refused(address, /carrier-grade/);
  });

  test('multicast, broadcast, unspecified and "this network"', () => {
    refused('224.0.0.1', /multicast/);
    refused('239.255.255.250', /multicast/);
    refused('255.255.255.255', /broadcast/);
    refused('0.0.0.0', /unspecified/);
    refused('0.1.2.3', /unspecified/);
  });

  test('reserved, benchmarking and documentation ranges', () => {
    for (const address of ['192.0.0.8', '192.0.2.1', '198.51.100.7', '203.0.113.9', '198.18.0.1', '198.19.255.255', '240.0.0.1', '250.1.2.3', '192.88.99.1']) refused(address, /reserved/);
    refused('192.175.48.1', /AS112/);
    refused('192.52.193.1', /AMT/);
  });

  test('cloud metadata addresses are named as such', () => {
    for (const address of ['169.254.169.254', '169.254.170.2', '100.100.100.200']) refused(address, /cloud metadata/);
  });

  test('odd spellings are not IP addresses here (the URL parser normalises them first)', () => {
    for (const address of ['::1.2.3', '::256.0.0.1', '2130706433', '0x7f.1', '017700000001', '127.1', '0177.0.0.1', 'localhost', '', '1.2.3.4.5']) refused(address, /not an IP address/);
  });
});

describe('classifyAddress: IPv6', () => {
  test('global unicast passes', () => {
    for (const address of ['2606:4700:4700::1111', '2001:4860:4860::8888', '2a00:1450:4001:82a::200e', '2620:fe::fe']) allowed(address);
  });

  test('loopback, unspecified', () => {
    refused('::1', /loopback/);
    refused('0:0:0:0:0:0:0:1', /loopback/);
    refused('::', /unspecified/);
  });

  test('unique-local fc00::/7 and site-local fec0::/10', () => {
    for (const address of ['fc00::1', 'fd12:3456:789a::1', 'fdff:ffff::1']) refused(address, /unique-local/);
    refused('fec0::1', /site-local/);
  });

  test('link-local fe80::/10, with or without a zone', () => {
    refused('fe80::1', /link-local/);
    refused('fe80::1%eth0', /link-local/);
    refused('fe80::1%eth0.100', /link-local/);
    refused('febf::1', /link-local/);
  });

  test('multicast ff00::/8', () => {
    for (const address of ['ff02::1', 'ff05::2', 'ff0e::1']) refused(address, /multicast/);
  });

  test('documentation, benchmarking, discard, ORCHID and other special ranges', () => {
    refused('2001:db8::1', /reserved or documentation/);
    refused('3fff::1', /reserved or documentation/);
    refused('2001:2::1', /benchmarking/);
    refused('100::1', /discard/);
    refused('2001:20::1', /ORCHID/);
    refused('5f00::1', /segment-routing/);
  });

  test('outside 2000::/3 is refused even when ipaddr.js calls it unicast', () => {
    refused('4000::1', /outside global unicast/);
    refused('e000::1', /outside global unicast/);
  });

  test('cloud metadata over IPv6', () => {
    refused('fd00:ec2::254', /cloud metadata/);
    refused('fd00:ec2:0:0:0:0:0:254', /cloud metadata/);
  });

  test('IPv4-mapped addresses are judged by the IPv4 address inside', () => {
    refused('::ffff:127.0.0.1', /IPv4-mapped.*loopback/);
    refused('::ffff:7f00:1', /IPv4-mapped.*loopback/);
    refused('::ffff:10.0.0.1', /IPv4-mapped.*private/);
    refused('::ffff:169.254.169.254', /IPv4-mapped.*cloud metadata/);
    refused('::ffff:0.0.0.0', /IPv4-mapped.*unspecified/);
    allowed('::ffff:8.8.8.8');
  });

  test('NAT64 well-known prefix is judged by the IPv4 address inside', () => {
    refused('64:ff9b::127.0.0.1', /NAT64.*loopback/);
    refused('64:ff9b::a9fe:a9fe', /NAT64.*cloud metadata/);
    refused('64:ff9b::10.1.2.3', /NAT64.*private/);
    allowed('64:ff9b::8.8.8.8');
  });

  test('local-use NAT64, IPv4-compatible, IPv4-translated, 6to4 and Teredo are refused outright', () => {
    refused('64:ff9b:1::7f00:1', /local-use NAT64.*embeds 127\.0\.0\.1/);
    refused('::127.0.0.1', /IPv4-compatible.*embeds 127\.0\.0\.1/);
    refused('::8.8.8.8', /IPv4-compatible.*embeds 8\.8\.8\.8/);
    refused('::7f00:1', /IPv4-compatible.*embeds 127\.0\.0\.1/);
    refused('::ffff:0:127.0.0.1', /IPv4-translated.*embeds 127\.0\.0\.1/);
    refused('::ffff:0:7f00:1', /IPv4-translated.*embeds 127\.0\.0\.1/);
    refused('2002:7f00:1::1', /6to4.*embeds 127\.0\.0\.1/);
    refused('2002:a9fe:a9fe::', /6to4.*embeds 169\.254\.169\.254/);
    refused('2002:808:808::1', /6to4.*embeds 8\.8\.8\.8/);
    // Teredo: client IPv4 is the last 32 bits, inverted; 80ff:fffe = ~127.0.0.1
    refused('2001:0:4136:e378:8000:63bf:80ff:fffe', /Teredo.*embeds 127\.0\.0\.1/);
  });
});

describe('isIpLiteral', () => {
  test('tells IP literals (as a URL leaves them) from names', () => {
    assert.equal(isIpLiteral('127.0.0.1'), true);
    assert.equal(isIpLiteral('[::1]'), true);
    assert.equal(isIpLiteral('::ffff:7f00:1'), true);
    assert.equal(isIpLiteral('example.com'), false);
    assert.equal(isIpLiteral('1.example'), false);
  });
});

describe('createAddressPolicy', () => {
  test('by default only public unicast passes', () => {
    const policy = createAddressPolicy();
    assert.equal(policy.check('8.8.8.8').allowed, true);
    assert.equal(policy.check('127.0.0.1').allowed, false);
    assert.equal(policy.check('[::1]').allowed, false);
  });

  test('allowAddressesForTests allows exactly the listed addresses, however written', () => {
    const policy = createAddressPolicy({ allowAddressesForTests: ['127.0.0.1', '[::1]'] });
    assert.equal(policy.check('127.0.0.1').allowed, true);
    assert.equal(policy.check('::ffff:127.0.0.1').allowed, true);
    assert.equal(policy.check('0:0:0:0:0:0:0:1').allowed, true);
    assert.equal(policy.check('127.0.0.2').allowed, false);
    assert.equal(policy.check('169.254.169.254').allowed, false);
    assert.equal(policy.check('10.0.0.1').allowed, false);
  });

  test('allowPrivateAddressesForTests allows every well-formed address but nothing malformed', () => {
    const policy = createAddressPolicy({ allowPrivateAddressesForTests: true });
    assert.equal(policy.check('127.0.0.1').allowed, true);
    assert.equal(policy.check('::1').allowed, true);
    assert.equal(policy.check('10.0.0.1').allowed, true);
    assert.equal(policy.check('localhost').allowed, false);
  });
});
