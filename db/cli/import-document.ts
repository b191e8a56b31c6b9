/*
 * npm run import -- <file> --meta <source.json> [--decisions <review.json>] [--as <maintainer>]
 *
 * Without --decisions: reads the document and prints a review file (every candidate with its
 * status — new, same, conflict — its quote and the catalog's value beside it) and an empty
 * "decisions" object for the reviewer to fill. With --decisions: applies the accepted ones in one
 * transaction, attributed to the named maintainer. Idempotent: what the source already cites is
 * "same" and never written twice. The same code path as the web importer (db/queries/imports.ts).
 *
 * source.json: { "source": "<existing slug>" } to import from a stored source (the file must be
 * its text), or a new source's fields { "slug", "title", "publisher", "url", "publishedOn",
 * "kind", "tier", "mirrorOf" }; either with optional "model" (the document's own model slug),
 * "modelVariant", "subject" (family word for new models) and "format" (markdown|html|json|yaml).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { createSourceSchema } from "../domain/edit-schemas";
import { decisionsFileSchema, describe } from "../domain/extract/review";
import { dbHandle } from "../index";
import { applyImport, type ImportInput, proposeImport } from "../queries/imports";
import { maintainerNamed, readText } from "./cli-input";

const metaSchema = z
  .object({
    source: z.string().optional(),
    model: z.string().nullable().optional(),
    modelName: z.string().optional(),
    modelVariant: z.string().optional(),
    subject: z.string().optional(),
    format: z.enum(["markdown", "html", "json", "yaml"]).optional(),
  })
  .passthrough();

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { meta: { type: "string" }, decisions: { type: "string" }, as: { type: "string" } },
  });
  const file = positionals[0];
  if (!file || !values.meta) {
    throw new Error(
      "usage: npm run import -- <file> --meta <source.json> [--decisions <review.json>] [--as <maintainer>]",
    );
  }
  const text = readText(file, "the document");
  let metaJson: unknown;
  try {
    metaJson = JSON.parse(readText(values.meta, "the meta file"));
  } catch (e) {
    throw new Error(`${values.meta}: ${(e as Error).message}`);
  }
  const metaRaw = metaSchema.safeParse(metaJson);
  if (!metaRaw.success) throw new Error(`${values.meta}: ${z.prettifyError(metaRaw.error)}`);
  const meta = metaRaw.data;
  const common = {
    model: meta.model ?? null,
    modelName: meta.modelName,
    modelVariant: meta.modelVariant,
    subject: meta.subject,
    format: meta.format,
  };
  let input: ImportInput;
  if (meta.source) {
    input = { sourceSlug: meta.source, ...common };
  } else {
    const {
      source: _s,
      model: _m,
      modelName: _n,
      modelVariant: _v,
      subject: _j,
      format: _f,
      ...fields
    } = meta;
    const parsed = createSourceSchema.safeParse({ ...fields, text });
    if (!parsed.success) throw new Error(`${values.meta}: ${z.prettifyError(parsed.error)}`);
    input = { newSource: parsed.data, ...common };
  }
  const { db } = dbHandle;

  const proposal = await proposeImport(db, input);
  if (!proposal.ok) throw new Error(proposal.error);
  if (meta.source && proposal.data.text !== text) {
    throw new Error(
      `${file} is not the stored text of '${meta.source}' (a changed document is a new version of its source: npm run source:update)`,
    );
  }
  if (!values.decisions) {
    const { candidates, format, sourceSlug } = proposal.data;
    const review = {
      document: file,
      format,
      source: sourceSlug,
      proposals: candidates.map((c) => ({
        key: c.key,
        status: c.status,
        was: describe(c),
        quote: proposal.data.text.slice(c.quote.start, c.quote.end),
        related: c.related,
      })),
      decisions: {},
    };
    process.stdout.write(`${JSON.stringify(review, null, 2)}\n`);
    const count = (s: string) => candidates.filter((c) => c.status === s).length;
    console.error(
      `${candidates.length} candidates: ${count("new")} new, ${count("conflict")} in conflict, ${count("same")} already cited by this source`,
    );
    return;
  }

  let file_: Record<string, unknown>;
  try {
    file_ = JSON.parse(readText(values.decisions, "the decisions file"));
  } catch (e) {
    throw new Error(`${values.decisions}: ${(e as Error).message}`);
  }
  const { proposals: _p, format: _f, source: _s, ...rest } = file_;
  const decisions = decisionsFileSchema.safeParse(rest);
  if (!decisions.success)
    throw new Error(`${values.decisions}: ${z.prettifyError(decisions.error)}`);
  const actor = await maintainerNamed(db, values.as, "is applying these decisions");
  const applied = await applyImport(db, actor, { ...input, decisions: decisions.data.decisions });
  if (!applied.ok) throw new Error(applied.error);
  const a = applied.data;
  console.log(
    `${a.sourceSlug}: ${a.created} claims created, ${a.models.length} new models${a.models.length ? ` (${a.models.join(", ")})` : ""}, ${a.already} already cited, ${a.rejected} rejected`,
  );
}

try {
  await main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await dbHandle.close();
}
