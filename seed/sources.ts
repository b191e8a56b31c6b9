import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { NewSource } from "@/db/schema";
import type { PlacedHistory } from "./histories";

export const SOURCES_DIR = new URL("./sources/", import.meta.url).pathname;

export type SourceSeed = Omit<NewSource, "id" | "textSha256"> & {
  file: string;
  /**
   * A source stored with its history (seed/histories.ts): the versions before the one `text`
   * holds, and those appended after the claims, through re-anchoring.
   */
  history?: PlacedHistory;
};

/*
 * The five seed articles state no URL and mostly no date or publisher: those stay null rather
 * than guessed. Titles follow sources/README.md (002's title is the line after its date; 003 is
 * the topic page "Open Source").
 */
const SEED_ARTICLES: Record<
  string,
  { slug: string; title: string; publishedOn: string | null; note?: string }
> = {
  "000_39a82c6a462587f3.txt": {
    slug: "some-thoughts-on-openai-returning-to-open-releases",
    title: "Some thoughts on OpenAI returning to open releases",
    publishedOn: null,
  },
  "001_16093097b580cbdb.txt": {
    slug: "decoding-open-weight-models",
    title: "Decoding Open-Weight Models: Transparency vs. Customization",
    // The text itself says "Published On Tue Apr 01 2025".
    publishedOn: "2025-04-01",
  },
  "002_a010697a481438db.txt": {
    slug: "why-openais-new-open-weight-models-are-a-big-deal",
    title: "Why OpenAI’s New Open Weight Models Are a Big Deal",
    // The text opens with "Friday, August 8, 2025".
    publishedOn: "2025-08-08",
  },
  "003_c441ebbb7560e173.txt": {
    slug: "open-source-topic",
    title: "Open Source",
    publishedOn: null,
    note: "A topic page (“← All topics”) collecting quotes on open-source AI.",
  },
  "004_6548601acdbad0f6.txt": {
    slug: "open-source-and-openais-big-beautiful-buildings",
    title: 'Open source & OpenAI\'s "big beautiful buildings"',
    publishedOn: null,
  },
};

function kindOfOfficial(file: string): SourceSeed["kind"] {
  if (isConfig(file)) return "config";
  const name = file.toLowerCase();
  if (name.includes("license")) return "license";
  if (name.includes("model-card")) return "model_card";
  if (name.includes("readme")) return "readme";
  if (name.includes("blog")) return "blog";
  return "docs";
}

/** configs/, and the 2026 configs under current/ (with or without a document). */
const isConfig = (file: string) => /^(?:current\/)?configs(?:-nodoc)?\//.test(file);

/** A stored file's header lines ("Key: value", keys lower-cased), a "-----" line, then its text. */
export function splitHeader(file: string, raw: string) {
  const split = raw.indexOf("\n-----\n");
  if (split < 0) throw new Error(`${file}: no '-----' line between header and text`);
  const header: Record<string, string> = {};
  for (const line of raw.slice(0, split).split("\n")) {
    const m = /^([A-Za-z ]+):\s*(.*)$/.exec(line);
    if (m) header[(m[1] as string).trim().toLowerCase()] = (m[2] as string).trim();
  }
  return { header, text: raw.slice(split + "\n-----\n".length) };
}

/** Official excerpts: header lines, a "-----" line, then the stored text. */
export function parseOfficial(file: string, raw: string): SourceSeed {
  const { header, text } = splitHeader(file, raw);
  const required = ["url", "title", "publisher", "date"];
  for (const key of required) {
    if (!header[key]) throw new Error(`${file}: header line '${key}:' is missing`);
  }
  const date = header.date as string;
  const tierLine = header["source tier"] ?? "";
  const tier = tierLine.startsWith("secondary")
    ? "secondary"
    : tierLine.startsWith("mirror")
      ? "mirror"
      : "primary";
  if (tier === "mirror" && !header.mirrors) {
    throw new Error(`${file}: a mirror must name the file it copies ('Mirrors:')`);
  }
  const name = file.split("/").pop() as string;
  const stem = name
    .replace(/\.txt$/, "")
    .replaceAll("_", "-")
    .replaceAll(".", "-")
    .toLowerCase()
    // "_gemma4.py" → "gemma4-py", never a double or trailing hyphen (slugs are words joined by one).
    .replace(/-{2,}/g, "-")
    .replace(/^-|-$/g, "");
  return {
    file,
    slug: isConfig(file) ? `config-${stem}` : stem,
    title: header.title as string,
    publisher: header.publisher as string,
    author: null,
    url: header.url as string,
    publishedOn: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
    retrievedOn: null,
    kind: kindOfOfficial(file),
    tier,
    mirrorOf: tier === "mirror" ? (header.mirrors as string) : null,
    commit: header.commit ?? null,
    note: header.note ?? null,
    text,
  };
}

export function loadSourceSeeds(dir = SOURCES_DIR): SourceSeed[] {
  const out: SourceSeed[] = [];
  for (const name of readdirSync(join(dir, "seeds")).sort()) {
    const meta = SEED_ARTICLES[name];
    if (!meta) throw new Error(`seeds/${name}: no metadata in seed/sources.ts`);
    out.push({
      file: `seeds/${name}`,
      slug: meta.slug,
      title: meta.title,
      publisher: null,
      author: null,
      url: null,
      publishedOn: meta.publishedOn,
      retrievedOn: null,
      kind: "article",
      tier: "press",
      commit: null,
      note: meta.note ?? null,
      text: readFileSync(join(dir, "seeds", name), "utf8"),
    });
  }
  for (const folder of [
    "official",
    "configs",
    "current/docs",
    "current/configs",
    "current/configs-nodoc",
  ]) {
    for (const name of readdirSync(join(dir, folder)).sort()) {
      const file = `${folder}/${name}`;
      out.push(parseOfficial(file, readFileSync(join(dir, file), "utf8")));
    }
  }
  return out;
}
