/*
 * The importer's finder: a document in, candidate facts out, each with the exact passage that
 * states it. It proposes; a maintainer (or a reviewed decisions file) disposes. Real parsers do the
 * reading — remark (Markdown, GFM tables, front matter), parse5 (HTML tables), jsonc-parser and
 * yaml (configs) — and the passages are their reported positions, never a re-search of the text.
 */
import type { Root, RootContent } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { codePointLength } from "../quote";
import { HIDDEN_CHARACTERS, LENGTHS } from "../rules";
import { type ConfigSubject, jsonConfigFacts, yamlFacts } from "./configs";
import { gridTables } from "./grid-tables";
import { htmlTables } from "./html-tables";
import { type KnownModel, modelResolver } from "./model-names";
import { sentenceFacts } from "./sentences";
import { type Found, interpretTable } from "./tables";
import { type Candidate, ExtractError, type Span, type Table, type TableCell } from "./types";

export type DocumentFormat = "markdown" | "html" | "json" | "yaml";

export type ExtractOptions = {
  known: readonly KnownModel[];
  /** The document's own model (a model card's), for facts that do not name one. */
  model?: { slug: string; name?: string; variant?: string } | null;
  /** The family word new models must start with (default: the model's, else none). */
  subject?: string;
  format?: DocumentFormat;
};

export type Extraction = { format: DocumentFormat; candidates: Candidate[] };

export function detectFormat(text: string): DocumentFormat {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith("{")) return "json";
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return "html";
  return "markdown";
}

/** A stable hash (FNV-1a over two seeds, 64 bits) for candidate keys. */
function hash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/*
 * What the database would refuse is not a candidate: a quote or settings passage over 4,000
 * characters, a label, variant, settings or value over their lengths (counted, as the database
 * counts, in code points). One such row would otherwise fail the whole save.
 */
function storable(text: string, f: Found): boolean {
  return (
    codePointLength(text.slice(f.quote.start, f.quote.end)) <= LENGTHS.quote &&
    (!f.settingsQuote ||
      codePointLength(text.slice(f.settingsQuote.start, f.settingsQuote.end)) <= LENGTHS.quote) &&
    codePointLength(f.label) <= LENGTHS.label &&
    codePointLength(f.variant) <= LENGTHS.variant &&
    codePointLength(f.settings) <= LENGTHS.settings - 60 &&
    codePointLength(f.valueText) <= LENGTHS.valueText &&
    ![f.label, f.variant, f.settings, f.valueText].some((v) => HIDDEN_CHARACTERS.test(v))
  );
}

function keyed(text: string, found: Found[]): Candidate[] {
  const seen = new Map<string, number>();
  const out: Candidate[] = [];
  const keys = new Set<string>();
  for (const f of found) {
    if (!storable(text, f)) continue;
    const identity = [
      f.model,
      f.field,
      f.label,
      f.variant,
      f.condition,
      f.settings,
      f.valueText,
      text.slice(f.quote.start, f.quote.end),
    ].join("\u0000");
    const n = seen.get(identity) ?? 0;
    seen.set(identity, n + 1);
    // The same fact from the same passage twice (two parsers agreeing) is one candidate.
    if (n > 0) continue;
    let key = `${f.field}-${hash(identity)}`;
    // Distinct candidates must never share a key (and so a decision).
    for (let i = 2; keys.has(key); i++) key = `${f.field}-${hash(identity)}-${i}`;
    keys.add(key);
    out.push({ ...f, key });
  }
  return out;
}

/**
 * The heading or caption line just above `offset`, if the table has one. A short list item counts
 * only for HTML and grid tables (reStructuredText documents caption tables that way, "-  7B
 * (Transformer)"); above a Markdown table it is just the list before it.
 */
function captionFinder(text: string, lists = true) {
  return (offset: number): { text: string; start: number } | null => {
    let end = text.lastIndexOf("\n", offset - 1);
    for (let tries = 0; tries < 6 && end > 0; tries++) {
      const start = text.lastIndexOf("\n", end - 1) + 1;
      const line = text.slice(start, end);
      end = start - 1;
      const t = line.trim();
      // Blank lines, tag-only lines and empty headings ("##") sit between a heading and its table.
      if (!t || /^<[^>]*>$/.test(t) || /^#{1,6}$/.test(t)) continue;
      const heading =
        /^#{1,6}\s+(.*)$/.exec(t) ??
        (lists ? /^[-*]\s+(.{1,80})$/.exec(t) : null) ??
        /^\*\*([^*]{1,80})\*\*:?$/.exec(t);
      if (!heading) return null;
      return { text: (heading[1] as string).trim(), start: start + line.indexOf(t) };
    }
    return null;
  };
}

const overlaps = (a: Span, ranges: Span[]) =>
  ranges.some((r) => a.start < r.end && a.end > r.start);

function mdTables(tree: Root, source: string, caption: ReturnType<typeof captionFinder>): Table[] {
  const out: Table[] = [];
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === "table") {
        const rows = node.children.map((row) => {
          const start = row.position?.start.offset ?? 0;
          const end = row.position?.end.offset ?? start;
          const cells: TableCell[] = row.children.map((cell) => ({
            text: cell.children.map(plain).join(""),
            span: {
              start: cell.position?.start.offset ?? start,
              end: cell.position?.end.offset ?? end,
            },
            rowStart: start,
          }));
          return { cells, span: { start, end } };
        });
        const head = rows[0];
        if (!head || rows.length < 2) continue;
        const above = caption(head.span.start);
        // A Markdown table's caption counts only when it is a heading right above it.
        const adjacent = above && /^(\s|#)*$/.test(sliceBetween(above.start, head.span.start));
        out.push({
          header: head.cells,
          headerSpan: {
            start: adjacent && above ? above.start : head.span.start,
            end: head.span.end,
          },
          rows: rows.slice(1),
          caption: adjacent && above ? above.text : "",
        });
      } else if ("children" in node) visit(node.children as RootContent[]);
    }
  };
  const sliceBetween = (a: number, b: number) => {
    const between = source.slice(a, b);
    return between.slice(between.indexOf("\n") + 1);
  };
  visit(tree.children);
  return out;
}

/** Text of an mdast node as a reader sees it (inline code and links kept as their text). */
function plain(node: RootContent): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as RootContent[]).map(plain).join("");
  return "";
}

/**
 * The catalog models a sentence names, by name or slug as written ("`gpt-oss-120b`", "Qwen3-8B"),
 * longest names first so "Qwen3-235B-A22B-Instruct-2507" is not also read as "Qwen3-235B-A22B".
 */
function mentionFinder(known: readonly KnownModel[]) {
  const names = known
    .flatMap((k) =>
      [k.slug, k.name, ...(k.aliases ?? [])].map((n) => ({ n: n.toLowerCase(), slug: k.slug })),
    )
    .filter((x) => /\d/.test(x.n) && x.n.length >= 4)
    .sort((a, b) => b.n.length - a.n.length);
  return (sentence: string): string[] => {
    let rest = sentence.toLowerCase();
    const found = new Set<string>();
    for (const { n, slug } of names) {
      let i = rest.indexOf(n);
      while (i >= 0) {
        const after = rest[i + n.length] ?? " ";
        const before = i > 0 ? (rest[i - 1] as string) : " ";
        if (!/[\w.-]/.test(after) && !/[\w-]/.test(before)) {
          found.add(slug);
          rest = `${rest.slice(0, i)}${" ".repeat(n.length)}${rest.slice(i + n.length)}`;
        }
        i = rest.indexOf(n, i + 1);
      }
    }
    return [...found];
  };
}

function proseBlocks(tree: Root, exclude: Span[]): Span[] {
  const out: Span[] = [];
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === "table") {
        // A body row's cells can be prose ("31.6B total / 3.6B active MoE …" beside the model's
        // name): each row is a block of its own, so a quote never runs into the next row.
        for (const row of node.children.slice(1)) {
          const s = { start: row.position?.start.offset ?? 0, end: row.position?.end.offset ?? 0 };
          if (!overlaps(s, exclude)) out.push(s);
        }
        continue;
      }
      if (node.type === "code" || node.type === "html" || node.type === "yaml") continue;
      if (node.type === "paragraph" || node.type === "heading") {
        const s = { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
        if (!overlaps(s, exclude)) out.push(s);
      } else if ("children" in node) visit(node.children as RootContent[]);
    }
  };
  visit(tree.children);
  return out;
}

/*
 * Stored excerpts mark omitted parts with "[... omitted ...]" lines (seed/sources/README.md). They
 * are not the document's text: the parsers read the text without them (so a table with omitted
 * rows is still one table), and every span is mapped back. A passage that would run across an
 * omission is not a quote of the document and is dropped.
 */
type Omissions = { text: string; removed: { at: number; length: number }[] };

function withoutOmissions(text: string): Omissions {
  const removed: Omissions["removed"] = [];
  let shift = 0;
  const out = text.replace(
    /^[ \t]*\[\.\.\.[^\]\n]*\.\.\.\][ \t]*(\r?\n|$)/gm,
    (m, _nl, offset: number) => {
      removed.push({ at: offset - shift, length: m.length });
      shift += m.length;
      return "";
    },
  );
  return { text: out, removed };
}

function mapBack(o: Omissions, span: Span): Span | null {
  let start = span.start;
  let end = span.end;
  for (const r of o.removed) {
    // Removed before the span: both ends move; inside it: the passage is not contiguous.
    if (r.at <= span.start) start += r.length;
    if (r.at > span.start && r.at < span.end) return null;
    if (r.at < span.end) end += r.length;
  }
  return { start, end };
}

export function extractFacts(text: string, options: ExtractOptions): Extraction {
  try {
    return extract(text, options);
  } catch (e) {
    // Nesting deeper than a parser's recursion (200,000 "[" or "<div>"): a bad document, not a bug.
    if (e instanceof RangeError) {
      throw new ExtractError("the document is nested too deeply to read");
    }
    throw e;
  }
}

function extract(text: string, options: ExtractOptions): Extraction {
  if (text.length === 0 || !/\S/.test(text)) throw new ExtractError("the document is empty");
  if (text.length > LENGTHS.sourceText) {
    throw new ExtractError(
      `the document is ${text.length.toLocaleString("en-US")} characters; the limit is ${LENGTHS.sourceText.toLocaleString("en-US")}`,
    );
  }
  const format = options.format ?? detectFormat(text);
  const original = text;
  const omissions = withoutOmissions(text);
  text = omissions.text;
  const own = options.model ? options.known.find((k) => k.slug === options.model?.slug) : undefined;
  const subjectModel: ConfigSubject | null = options.model
    ? {
        slug: options.model.slug,
        name: options.model.name ?? own?.name ?? options.model.slug,
        variant: options.model.variant ?? "",
        known: Boolean(own),
      }
    : null;
  const subject = options.subject ?? options.model?.slug.split("-")[0];
  // The document's own model is a name to match even before the catalog lists it.
  const resolve = modelResolver(
    subjectModel && !subjectModel.known
      ? [...options.known, { slug: subjectModel.slug, name: subjectModel.name }]
      : options.known,
    subject,
  );
  const found: Found[] = [];
  const sheetModel = subjectModel
    ? {
        slug: subjectModel.slug,
        name: subjectModel.name,
        variant: subjectModel.variant,
        settings: "",
        known: subjectModel.known,
      }
    : null;

  if (format === "json") {
    if (!subjectModel) throw new ExtractError("a config needs the model it describes");
    found.push(...jsonConfigFacts(text, subjectModel));
    return { format, candidates: keyed(original, mapped(omissions, found)) };
  }
  if (format === "yaml") {
    if (!subjectModel) throw new ExtractError("a config needs the model it describes");
    found.push(...yamlFacts(text, { start: 0, end: text.length }, subjectModel, false));
    return { format, candidates: keyed(original, mapped(omissions, found)) };
  }

  const caption = captionFinder(text);
  const grids = gridTables(text, caption);
  for (const t of grids.tables) found.push(...interpretTable(t, resolve, "grid-table", sheetModel));
  const htmlSpans: Span[] = [];
  if (/<table[\s>]/i.test(text)) {
    for (const t of htmlTables(text, caption)) {
      htmlSpans.push({
        start: t.headerSpan.start,
        end: t.rows.at(-1)?.span.end ?? t.headerSpan.end,
      });
      found.push(...interpretTable(t, resolve, "html-table", sheetModel));
    }
  }
  if (format === "markdown") {
    const tree = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkFrontmatter, ["yaml"])
      .parse(text);
    const front = tree.children.find((n) => n.type === "yaml");
    if (front?.position && subjectModel) {
      // The YAML between the fences: from the line after the opening "---".
      const start = text.indexOf("\n", front.position.start.offset ?? 0) + 1;
      const end = text.lastIndexOf("\n", (front.position.end.offset ?? 0) - 1);
      found.push(...yamlFacts(text, { start, end: Math.max(start, end) }, subjectModel, true));
    }
    for (const t of mdTables(tree, text, captionFinder(text, false))) {
      if (overlaps(t.headerSpan, grids.ranges)) continue;
      found.push(...interpretTable(t, resolve, "table", sheetModel));
    }
    found.push(
      ...sentenceFacts(
        text,
        proseBlocks(tree, [...grids.ranges, ...htmlSpans]),
        subjectModel,
        resolve,
        mentionFinder(options.known),
      ),
    );
  }
  return {
    format,
    candidates: keyed(original, mapped(omissions, found.filter(aboutModels(text)))),
  };
}

/*
 * A licence in a table of datasets (Nemotron's README lists its training sets with theirs) is a
 * dataset's licence: a row that links a dataset is never a model's weights' licence.
 */
const aboutModels = (text: string) => (f: Found) =>
  !(
    f.field === "license" &&
    /huggingface\.co\/datasets\//.test(text.slice(f.quote.start, f.quote.end))
  );

function mapped(o: Omissions, found: Found[]): Found[] {
  if (o.removed.length === 0) return found;
  return found.flatMap((f) => {
    const quote = mapBack(o, f.quote);
    if (!quote) return [];
    const settingsQuote = f.settingsQuote ? mapBack(o, f.settingsQuote) : null;
    return [{ ...f, quote, settingsQuote }];
  });
}
