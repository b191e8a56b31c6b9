import { describe, expect, it } from "vitest";
import {
  clientAddressFrom,
  limitBucket,
  normaliseAddress,
  parseTrustedProxies,
} from "@/db/domain/client-address";
import { applyChoices, MUST_CHOOSE, rebase } from "@/db/domain/rebase";
import { parseDecimal, splitHidden } from "@/db/domain/rules";
import { type FailureCounts, judgeAttempt, SIGN_IN_POLICY } from "@/db/domain/sign-in-policy";

describe("the number grammar", () => {
  it.each([
    ["117", 117],
    ["1,024", 1024],
    ["1,024,000.5", 1024000.5],
    ["0.5", 0.5],
    ["0", 0],
    ["1.5e9", 1.5e9],
    ["2E-3", 0.002],
  ])("accepts %s", (raw, value) => {
    expect(parseDecimal(raw)).toEqual({ ok: true, value });
  });
  it.each([
    "0x10",
    "1,2,3",
    "1,0000",
    "1e-320",
    "1e400",
    "-5",
    "+5",
    "Infinity",
    "NaN",
    "1e15",
    "",
    "1.2.3",
    "1e-7",
    " 12abc",
  ])("refuses %s", (raw) => {
    expect(parseDecimal(raw).ok).toBe(false);
  });
});

describe("hidden characters in quotes", () => {
  it("names each one and keeps the rest verbatim", () => {
    expect(splitHidden("fdp\u202Eexe")).toEqual([
      { text: "fdp" },
      { hidden: "\u202E", code: "U+202E", name: "right-to-left override" },
      { text: "exe" },
    ]);
    expect(splitHidden("plain")).toEqual([{ text: "plain" }]);
    expect(splitHidden("")).toEqual([{ text: "" }]);
    const parts = splitHidden("a\u200Bb\uFEFF");
    expect(parts.map((p) => ("text" in p ? p.text : p.hidden)).join("")).toBe("a\u200Bb\uFEFF");
  });
});

describe("the client's address", () => {
  const none = parseTrustedProxies(undefined);
  it("without trusted proxies is the last hop (the socket peer our server appends)", () => {
    expect(clientAddressFrom("6.6.6.6, 127.0.0.1", none)).toBe("127.0.0.1");
    expect(clientAddressFrom("::ffff:127.0.0.1", none)).toBe("127.0.0.1");
    expect(clientAddressFrom(null, none)).toBe("unknown");
  });
  it("walks from the right past trusted proxies, never trusting what the client wrote", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 127.0.0.1");
    expect(clientAddressFrom("6.6.6.6, 203.0.113.9, 10.1.2.3, 127.0.0.1", trusted)).toBe(
      "203.0.113.9",
    );
    // Everything trusted: the left-most hop is as far as the chain goes.
    expect(clientAddressFrom("10.0.0.1, 127.0.0.1", trusted)).toBe("10.0.0.1");
    expect(clientAddressFrom("not-an-ip, 127.0.0.1", trusted)).toBe("unknown");
  });
  it("counts IPv6 clients by /64, and a request our server did not mark as one shared address", () => {
    expect(limitBucket("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(limitBucket("2001:db8:1:2::9")).toBe(limitBucket("2001:db8:1:2:ffff::1"));
    expect(limitBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(limitBucket("192.0.2.1")).toBe("192.0.2.1");
    expect(clientAddressFrom("2001:db8:1:2::9", none)).toBe("2001:db8:1:2::/64");
    // Arrived before the server appended the peer: whatever the header says, one bucket.
    expect(clientAddressFrom("6.6.6.6", none, false)).toBe("unknown");
  });

  it("parses IPv6, ports and refuses malformed entries", () => {
    expect(normaliseAddress("[::1]:3000")).toBe("::1");
    expect(normaliseAddress("192.0.2.1:80")).toBe("192.0.2.1");
    const v6 = parseTrustedProxies("2001:db8::/32");
    expect(clientAddressFrom("198.51.100.1, 2001:db8::5", v6)).toBe("198.51.100.1");
    expect(() => parseTrustedProxies("10.0.0.0/99")).toThrow(/prefix/);
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/not an IP/);
  });
});

describe("the sign-in policy", () => {
  const now = Date.UTC(2026, 10, 23, 12);
  const none: FailureCounts = {
    pair: 0,
    pairOldest: null,
    pairLast: null,
    address: 0,
    addressOldest: null,
    account: 0,
    accountOldest: null,
    knownAddress: false,
  };
  it("allows the first failures, then backs off exponentially per account and address", () => {
    expect(judgeAttempt({ ...none, pair: 2, pairOldest: now, pairLast: now }, now).allowed).toBe(
      true,
    );
    const third = judgeAttempt({ ...none, pair: 3, pairOldest: now - 5000, pairLast: now }, now);
    expect(third).toEqual({
      allowed: false,
      retryAfterSeconds: SIGN_IN_POLICY.pair.backoffSeconds,
    });
    const fourth = judgeAttempt({ ...none, pair: 4, pairOldest: now, pairLast: now }, now);
    expect(fourth).toEqual({
      allowed: false,
      retryAfterSeconds: 2 * SIGN_IN_POLICY.pair.backoffSeconds,
    });
    expect(judgeAttempt({ ...none, pair: 3, pairLast: now - 31_000 }, now).allowed).toBe(true);
  });
  it("exempts a known address from the account ceiling, but not from its own limits", () => {
    const ceiling = { ...none, account: 50, accountOldest: now - 60_000 };
    expect(judgeAttempt(ceiling, now).allowed).toBe(false);
    expect(judgeAttempt({ ...ceiling, knownAddress: true }, now).allowed).toBe(true);
    const sprayed = { ...ceiling, knownAddress: true, address: 20, addressOldest: now - 60_000 };
    expect(judgeAttempt(sprayed, now)).toEqual({ allowed: false, retryAfterSeconds: 14 * 60 });
  });
});

describe("three-way re-base", () => {
  const base = { note: "old", valueText: "1B", label: "x" };
  it("takes theirs where only they changed, keeps yours where only you did, marks both", () => {
    const theirs = { note: "theirs", valueText: "1B", label: "y" };
    const yours = { note: "old", valueText: "2B", label: "z", reason: "why" };
    const r = rebase(yours, base, theirs);
    expect(r.values).toMatchObject({ note: "theirs", valueText: "2B", label: "z", reason: "why" });
    expect(r.conflicts).toEqual([{ field: "label", yours: "z", theirs: "y" }]);
    expect(r.values[MUST_CHOOSE]).toBe("label");
    expect(applyChoices(r.values).undecided).toEqual(["label"]);
    const chosen = applyChoices({ ...r.values, "choose:label": "theirs" });
    expect(chosen).toEqual({
      values: { note: "theirs", valueText: "2B", label: "y", reason: "why" },
      undecided: [],
    });
  });
});
