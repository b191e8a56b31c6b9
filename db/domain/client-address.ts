/*
 * Which address a request comes from, for rate limiting. X-Forwarded-For is a list every hop
 * appends to, so only its right end is trustworthy: walk it from the right, past the proxies we
 * run (TRUSTED_PROXIES), and the first address that is not one of ours is the client's. With no
 * trusted proxies that is the last entry — the socket's peer, which our server itself appends
 * (app/_proxy/peer-address.ts) — so a client cannot choose its own address by sending the header.
 */
import { randomBytes } from "node:crypto";
import { BlockList, isIP } from "node:net";

/** Set by our server on every request it appended the peer for; its value is secret. */
export const PEER_MARK_HEADER = "x-owl-peer-appended";
const MARK = Symbol.for("owl.peer-mark");

/** The process's secret mark (shared through globalThis: Next may load this module twice). */
export function peerMark(): string {
  const g = globalThis as { [MARK]?: string };
  g[MARK] ??= randomBytes(16).toString("hex");
  return g[MARK];
}

/** The one address requests are counted under when the peer is not known for certain. */
export const UNKNOWN_ADDRESS = "unknown";

/**
 * IPv6 hosts get whole /64s (often far larger): limits count the /64, or an attacker rotating
 * addresses inside one would never meet them. IPv4 counts single addresses.
 */
export function limitBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || "0", 16).toString(16))
    .join(":")}::/64`;
}

/** "10.0.0.0/8, 192.0.2.7, ::1" → a list to test addresses against; throws on a malformed entry. */
export function parseTrustedProxies(raw: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [ip = "", prefix] = entry.split("/");
    const family = isIP(ip);
    if (family === 0) throw new Error(`TRUSTED_PROXIES: “${entry}” is not an IP address or CIDR`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(ip, type);
    else {
      const bits = Number(prefix);
      if (!/^\d{1,3}$/.test(prefix) || bits > (family === 6 ? 128 : 32))
        throw new Error(`TRUSTED_PROXIES: “${entry}” has an invalid prefix length`);
      list.addSubnet(ip, bits, type);
    }
  }
  return list;
}

/** "::ffff:127.0.0.1" → "127.0.0.1"; "[::1]:3000" and "1.2.3.4:80" lose their port. */
export function normaliseAddress(raw: string): string {
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1] as string;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(a)) a = a.slice(7);
  return a.toLowerCase();
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address from an X-Forwarded-For value our server appended the peer to (`marked`),
 * as its limit bucket (limitBucket); "unknown" when there is none or the mark is missing.
 */
export function clientAddressFrom(
  forwardedFor: string | null,
  trusted: BlockList,
  marked = true,
): string {
  if (!marked) return UNKNOWN_ADDRESS;
  const address = rightmostUntrusted(forwardedFor, trusted);
  return address === UNKNOWN_ADDRESS ? address : limitBucket(address);
}

function rightmostUntrusted(forwardedFor: string | null, trusted: BlockList): string {
  const hops = (forwardedFor ?? "").split(",").map(normaliseAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    // Anything that is not an address ends the trusted chain: it came from the client.
    if (i === 0 || !isTrusted(trusted, hop)) return isIP(hop) ? hop : UNKNOWN_ADDRESS;
  }
  return UNKNOWN_ADDRESS;
}
