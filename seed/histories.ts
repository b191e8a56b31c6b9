import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { codePointLength, toCodePointOffset, toUtf16Offset } from "@/db/domain/quote";
import type { ClaimSeed } from "./build";
import { SOURCES_DIR, type SourceSeed, splitHeader } from "./sources";

/*
 * Four stored sources were excerpts of documents whose every committed version is in
 * sources/versions/. Each becomes one source with its whole history: its claims, reviewed on
 * the excerpt, are placed on the newest version that contains the whole excerpt (each excerpt
 * part is found there in order, so the move is exact, not approximate), and the versions after
 * it are appended by the same code path a maintainer uses (db/queries/versions.ts), which
 * re-anchors the claims and leaves what it cannot carry to the review queue.
 */

/** Source slug → its history folder. */
export const HISTORIES: Record<string, string> = {
  "github-openai-gpt-oss-readme": "openai-gpt-oss-readme",
  "github-qwenlm-qwen3-readme": "qwenlm-qwen3-readme",
  "github-meta-llama-llama3-2-model-card": "meta-llama-llama3_2-model-card",
  "github-meta-llama-llama4-model-card": "meta-llama-llama4-model-card",
};

export type VersionSeed = {
  file: string;
  text: string;
  url: string | null;
  commit: string | null;
  publishedOn: string | null;
};

/**
 * A history, in the order the corpus lists it (oldest first: by date, then as the corpus names
 * the files). Same-day commits carry no time here, so their order within a day is the corpus's.
 */
export function loadHistory(dir: string, root = SOURCES_DIR): VersionSeed[] {
  const folder = join(root, "versions", dir);
  return readdirSync(folder)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => {
      const file = `versions/${dir}/${f}`;
      const { header, text } = splitHeader(file, readFileSync(join(folder, f), "utf8"));
      const date = header.date ?? "";
      return {
        file,
        text,
        url: header.url ?? null,
        commit: header.commit ?? null,
        publishedOn: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
      };
    });
}

/** The excerpt's parts between its editorial "[... ...]" lines, with their UTF-16 offsets. */
function excerptParts(excerpt: string): { start: number; text: string }[] {
  const parts: { start: number; text: string }[] = [];
  const marker = /^\[\.\.\..*\.\.\.\]$/gm;
  let from = 0;
  const push = (a: number, b: number) => {
    const raw = excerpt.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) parts.push({ start: a + lead, text });
  };
  for (let m = marker.exec(excerpt); m; m = marker.exec(excerpt)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, excerpt.length);
  return parts;
}

/** Where each excerpt part sits in a full version, in order; null if one is missing. */
function placeParts(excerpt: string, full: string) {
  const placed: { start: number; end: number; at: number }[] = [];
  let cursor = 0;
  for (const p of excerptParts(excerpt)) {
    const at = full.indexOf(p.text, cursor);
    if (at < 0) return null;
    placed.push({ start: p.start, end: p.start + p.text.length, at });
    cursor = at + p.text.length;
  }
  return placed;
}

export type PlacedHistory = {
  /** Versions before the one the claims are placed on. */
  earlier: VersionSeed[];
  /** The version the claims are placed on (the source seed's text). */
  placed: VersionSeed;
  /** Versions appended afterwards, through re-anchoring. */
  later: VersionSeed[];
};

/**
 * Puts a history source's claims onto the newest version containing its excerpt: the source
 * seed takes that version's text and metadata, its claims' offsets move exactly.
 */
export function placeOnHistory(
  source: SourceSeed,
  claims: ClaimSeed[],
  versions: VersionSeed[],
): PlacedHistory {
  let index = -1;
  let placed: ReturnType<typeof placeParts> = null;
  for (let i = versions.length - 1; i >= 0 && index < 0; i--) {
    placed = placeParts(source.text, (versions[i] as VersionSeed).text);
    if (placed) index = i;
  }
  if (index < 0 || !placed)
    throw new Error(`${source.slug}: no stored version contains the whole excerpt`);
  const target = versions[index] as VersionSeed;
  const mapOffset = (cp: number, what: string, quote: string) => {
    const u = toUtf16Offset(source.text, cp);
    const part = placed?.find((p) => u >= p.start && u + quote.length <= p.end);
    if (!part) throw new Error(`${source.slug}: ${what} spans an omission of the excerpt`);
    const at = part.at + (u - part.start);
    if (target.text.slice(at, at + quote.length) !== quote)
      throw new Error(`${source.slug}: ${what} is not at its place in ${target.file}`);
    return toCodePointOffset(target.text, at);
  };
  for (const c of claims) {
    const start = mapOffset(c.quoteStart, `claim ${c.seedKey}`, c.quote);
    c.quoteStart = start;
    c.quoteEnd = start + codePointLength(c.quote);
    if (c.settingsQuote != null && c.settingsQuoteStart != null) {
      const s = mapOffset(c.settingsQuoteStart, `settings of ${c.seedKey}`, c.settingsQuote);
      c.settingsQuoteStart = s;
      c.settingsQuoteEnd = s + codePointLength(c.settingsQuote);
    }
  }
  source.text = target.text;
  source.publishedOn = target.publishedOn;
  source.commit = target.commit;
  source.note = `Every committed version of this file is stored (see Versions); the catalog's claims were first read on version ${index + 1}.`;
  return { earlier: versions.slice(0, index), placed: target, later: versions.slice(index + 1) };
}
