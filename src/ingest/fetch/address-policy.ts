/**
 * Which IP addresses the fetcher may connect to: public unicast only. Pure — no DNS, no sockets;
 * the connector (guarded-connector.ts) asks this module about every address it is about to use
 * and about every socket it got.
 *
 * The rule is an allow-list: an address passes only when ipaddr.js classifies it as `unicast`
 * (for IPv6 additionally inside global unicast 2000::/3) and it is not a known cloud metadata
 * address. Everything else — loopback, private, link-local, CGNAT, multicast, broadcast,
 * unspecified, reserved, benchmarking, documentation, unique-local, site-local, discard, ORCHID,
 * AS112, AMT … — is refused.
 *
 * IPv6 forms that carry an IPv4 address: an IPv4-mapped address (::ffff:a.b.c.d) and the NAT64
 * well-known prefix (64:ff9b::/96, what DNS64 synthesises on IPv6-only networks) really reach
 * that IPv4 address, so they are judged by it. IPv4-compatible (::a.b.c.d, deprecated),
 * IPv4-translated (::ffff:0:a.b.c.d), local-use NAT64 (64:ff9b:1::/48), 6to4 (2002::/16) and
 * Teredo (2001::/32) are refused outright: no news site needs them and they are classic ways to
 * smuggle an internal IPv4 address past a filter.
 */
import ipaddr from 'ipaddr.js';

/** The answer for one address: allowed, or refused with a reason a person can read. */
export type AddressVerdict = { allowed: true; address: string } | { allowed: false; address: string; reason: string };

/** Cloud instance-metadata endpoints: refused by name so the reason says what they are. */
const METADATA_ADDRESSES = new Set([
  '169.254.169.254', // AWS, GCP, Azure, OpenStack, DigitalOcean…
  '169.254.170.2', // AWS ECS task metadata
  '169.254.170.23', // AWS EKS pod identity
  '100.100.100.200', // Alibaba Cloud
  '192.0.0.192', // Oracle Cloud (classic)
  'fd00:ec2::254', // AWS IMDS over IPv6
  'fd00:ec2::23', // AWS EKS pod identity over IPv6
]);

const IPV4_REASONS: Record<string, string> = {
  unspecified: 'an unspecified ("this network") address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address (this machine)',
  carrierGradeNat: 'a carrier-grade NAT (shared) address',
  private: 'a private network address',
  reserved: 'a reserved, benchmarking or documentation address',
  as112: 'an AS112 (DNS sink) address',
  amt: 'an AMT relay anycast address',
};

const IPV6_REASONS: Record<string, string> = {
  unspecified: 'the unspecified address',
  linkLocal: 'a link-local address',
  multicast: 'a multicast address',
  loopback: 'a loopback address (this machine)',
  uniqueLocal: 'a unique-local (private) address',
  deprecatedSiteLocal: 'a site-local (private) address',
  discard: 'a discard-only address',
  rfc6145: 'an IPv4-translated address',
  rfc6052: 'a local-use NAT64 address',
  '6to4': 'a 6to4 address',
  teredo: 'a Teredo address',
  benchmarking: 'a benchmarking address',
  amt: 'an AMT address',
  as112v6: 'an AS112 (DNS sink) address',
  deprecatedOrchid: 'an ORCHID address',
  orchid2: 'an ORCHID address',
  droneRemoteIdProtocolEntityTags: 'a drone remote ID tag',
  segmentRouting: 'a segment-routing SID',
  reserved: 'a reserved or documentation address',
};

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');
const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR('::/96');

function refuse(address: string, reason: string): AddressVerdict {
  return { allowed: false, address, reason: `${address} is ${reason}` };
}

/** The IPv4 address held in the last 32 bits of an IPv6 address. */
function lowIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 {
  const [a = 0, b = 0] = ip.parts.slice(6);
  return new ipaddr.IPv4([a >> 8, a & 0xff, b >> 8, b & 0xff]);
}

/** The IPv4 address a 6to4 (2002:AABB:CCDD::/48) or Teredo (client, obfuscated) address embeds. */
function embeddedIPv4(ip: ipaddr.IPv6, range: string): ipaddr.IPv4 | null {
  if (range === '6to4') {
    const [, a = 0, b = 0] = ip.parts;
    return new ipaddr.IPv4([a >> 8, a & 0xff, b >> 8, b & 0xff]);
  }
  if (range === 'teredo') {
    const low = lowIPv4(ip);
    return new ipaddr.IPv4(low.octets.map((octet) => octet ^ 0xff));
  }
  if (range === 'rfc6145' || range === 'rfc6052') return lowIPv4(ip);
  return null;
}

function classifyIPv4(ip: ipaddr.IPv4, shown: string): AddressVerdict {
  const text = ip.toString();
  if (METADATA_ADDRESSES.has(text)) return refuse(shown, 'a cloud metadata address');
  const range = ip.range();
  if (range === 'unicast') return { allowed: true, address: shown };
  return refuse(shown, IPV4_REASONS[range] ?? `a special-purpose address (${range})`);
}

function classifyIPv6(ip: ipaddr.IPv6, shown: string): AddressVerdict {
  if (ip.isIPv4MappedAddress()) {
    const inner = classifyIPv4(ip.toIPv4Address(), ip.toIPv4Address().toString());
    return inner.allowed ? { allowed: true, address: shown } : refuse(shown, `IPv4-mapped: ${inner.reason}`);
  }
  if (ip.match(NAT64_WELL_KNOWN)) {
    const inner = classifyIPv4(lowIPv4(ip), lowIPv4(ip).toString());
    return inner.allowed ? { allowed: true, address: shown } : refuse(shown, `NAT64: ${inner.reason}`);
  }
  if (METADATA_ADDRESSES.has(ip.toString())) return refuse(shown, 'a cloud metadata address');
  const range = ip.range();
  if (range === 'unicast' && ip.match(GLOBAL_UNICAST_V6)) return { allowed: true, address: shown };
  if (range === 'unicast' && ip.match(IPV4_COMPATIBLE)) {
    return refuse(shown, `an IPv4-compatible address (deprecated; embeds ${lowIPv4(ip).toString()})`);
  }
  const embedded = embeddedIPv4(ip, range);
  const base = IPV6_REASONS[range] ?? (range === 'unicast' ? 'outside global unicast space (2000::/3)' : `a special-purpose address (${range})`);
  return refuse(shown, embedded ? `${base} (embeds ${embedded.toString()})` : base);
}

/**
 * Parses IPv6 text exactly. ipaddr.js reads a trailing dotted quad as IPv4-*mapped* even without
 * `ffff` (`::127.0.0.1` becomes `::ffff:7f00:1`), and glibc prints IPv4-compatible addresses in
 * just that form, so the dotted quad is rewritten as two hex groups first. The zone is dropped:
 * it does not change what kind of address it is.
 */
function parseIPv6(text: string): ipaddr.IPv6 | null {
  const [bare = ''] = text.split('%');
  const colon = bare.lastIndexOf(':');
  const tail = bare.slice(colon + 1);
  let hex = bare;
  if (tail.includes('.')) {
    if (!ipaddr.IPv4.isValidFourPartDecimal(tail)) return null;
    const [a = 0, b = 0, c = 0, d = 0] = ipaddr.IPv4.parse(tail).octets;
    hex = `${bare.slice(0, colon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  return ipaddr.IPv6.isValid(hex) ? ipaddr.IPv6.parse(hex) : null;
}

/**
 * Classifies one IP address as text: canonical dotted-quad IPv4 or IPv6 (optionally with a
 * zone). Anything else — including odd IPv4 spellings such as `0x7f.1`, which only a URL parser
 * may normalise — is refused, so the answer is never a guess.
 */
export function classifyAddress(address: string): AddressVerdict {
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) return classifyIPv4(ipaddr.IPv4.parse(address), address);
  const ipv6 = parseIPv6(address);
  if (ipv6 !== null) return classifyIPv6(ipv6, address);
  return refuse(address, 'not an IP address');
}

/** True when `hostname` (as a URL parser leaves it, IPv6 with or without brackets) is an IP literal. */
export function isIpLiteral(hostname: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(hostname) || parseIPv6(unbracket(hostname)) !== null;
}

/** `[::1]` → `::1`; anything else unchanged. */
export function unbracket(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** One canonical spelling per address, so allow-list entries match however they were written. */
function canonical(address: string): string | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) return ipaddr.IPv4.parse(address).toString();
  const ip = parseIPv6(address);
  if (ip === null) return null;
  return ip.isIPv4MappedAddress() ? ip.toIPv4Address().toString() : ip.toNormalizedString();
}

/** The policy the connector applies: the public-unicast rule plus the test-only escape hatches. */
export interface AddressPolicy {
  check(address: string): AddressVerdict;
}

/** Test-only relaxations. Production code passes neither. */
export interface AddressPolicyOptions {
  /** Allow every address, including loopback and private ones. Only for tests on loopback. */
  allowPrivateAddressesForTests?: boolean;
  /** Allow exactly these addresses (e.g. 127.0.0.1) while every other forbidden one stays forbidden. */
  allowAddressesForTests?: readonly string[];
}

/** Builds the policy: public unicast, plus whatever the test-only options explicitly allow. */
export function createAddressPolicy(options: AddressPolicyOptions = {}): AddressPolicy {
  const allowAll = options.allowPrivateAddressesForTests === true;
  const extra = new Set((options.allowAddressesForTests ?? []).map((entry) => canonical(unbracket(entry))));
  return {
    check(address: string): AddressVerdict {
      const bare = unbracket(address);
      const verdict = classifyAddress(bare);
      if (verdict.allowed) return verdict;
      const key = canonical(bare);
      if (key !== null && (allowAll || extra.has(key))) return { allowed: true, address: bare };
      return verdict;
    },
  };
}
