// IPv4 and IPv6 addresses and CIDR blocks for IpAddress / NotIpAddress. Addresses are kept as
// eight 16-bit words (IPv4 in the IPv4-mapped form ::ffff:a.b.c.d) so one comparison serves both.

export interface CidrBlock {
  readonly words: readonly number[];
  /** Prefix length over the 128-bit form. */
  readonly bits: number;
  /** An IPv4 block matches only IPv4 addresses, an IPv6 block only IPv6 ones. */
  readonly v4: boolean;
}

const V4_MAPPED_BITS = 96;

/** Parses an address into eight words, or undefined. */
export function parseIp(text: string): number[] | undefined {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

/** Parses `a.b.c.d/n`, `x::/n`, or a bare address (a single host). */
export function parseCidr(text: string): CidrBlock | undefined {
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  const words = parseIp(addr.trim());
  if (!words) return undefined;
  const v4 = !addr.includes(':');
  const max = v4 ? 32 : 128;
  let bits = max;
  if (slash >= 0) {
    const p = text.slice(slash + 1).trim();
    if (!/^\d{1,3}$/.test(p) || Number(p) > max) return undefined;
    bits = Number(p);
  }
  return { words, bits: v4 ? bits + V4_MAPPED_BITS : bits, v4 };
}

export function cidrContains(block: CidrBlock, words: readonly number[]): boolean {
  if (block.v4 !== isV4(words)) return false;
  let bits = block.bits;
  for (let i = 0; i < 8 && bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if ((block.words[i]! & mask) !== (words[i]! & mask)) return false;
  }
  return true;
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    bytes.push(Number(p));
  }
  return [0, 0, 0, 0, 0, 0xffff, (bytes[0]! << 8) | bytes[1]!, (bytes[2]! << 8) | bytes[3]!];
}

function parseIpv6(text: string): number[] | undefined {
  let head = text;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    // An embedded IPv4 tail, e.g. ::ffff:192.0.2.1
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = [v4[6]!, v4[7]!];
    const prefix = text.slice(0, lastColon + 1);
    head = prefix.endsWith('::') ? prefix : prefix.slice(0, -1);
  }
  const want = 8 - tail.length;
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const left = hexGroups(halves[0]!);
  const right = halves.length === 2 ? hexGroups(halves[1]!) : [];
  if (!left || !right) return undefined;
  if (halves.length === 1 && left.length !== want) return undefined;
  if (halves.length === 2 && left.length + right.length > want - 1) return undefined;
  const zeros = want - left.length - right.length;
  return [...left, ...new Array<number>(zeros).fill(0), ...right, ...tail];
}

function hexGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const groups: number[] = [];
  for (const g of text.split(':')) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    groups.push(parseInt(g, 16));
  }
  return groups;
}

/** Whether an address is IPv4 (written as such, or IPv4-mapped IPv6). */
function isV4(words: readonly number[]): boolean {
  return words[5] === 0xffff && words[0] === 0 && words[1] === 0 && words[2] === 0 && words[3] === 0 && words[4] === 0;
}
