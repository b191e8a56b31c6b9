/*
 * Input schemas for every maintainer write. FormData values arrive as strings: empty strings mean
 * "not given". The server parses with these even when the browser validated first.
 */

import { z } from "zod";
import {
  claimFields,
  contextConditions,
  modelKinds,
  modelStatuses,
  provenances,
  qualifiers,
  ranks,
  sourceKinds,
  sourceTiers,
} from "../schema";
import { decisionSchema } from "./extract/review";
import {
  HIDDEN_CHARACTER_RULE,
  HIDDEN_CHARACTERS,
  INT4_MAX,
  LENGTHS,
  MODEL_SLUG,
  parseDecimal,
  SOURCE_SLUG,
} from "./rules";

const visible = (s: string) => !HIDDEN_CHARACTERS.test(s);

/** A name, title, label or value: one line as people read it, nothing hidden in it. */
const plainText = (max: number) =>
  z.string().trim().max(max, `at most ${max} characters`).refine(visible, HIDDEN_CHARACTER_RULE);

const optionalText = (
  max: number,
  text = z.string().trim().max(max, `at most ${max} characters`),
) =>
  text
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();
const optionalPlainText = (max: number) => optionalText(max, plainText(max));

const id = z.coerce.number().int().positive().max(INT4_MAX);
const revision = z.coerce
  .number()
  .int()
  .positive("reload the page: the form lost its revision")
  .max(INT4_MAX, "reload the page: the form's revision is not valid");
const reason = z.string().trim().min(3, "say why, in a few words").max(500);
const slug = (pattern: RegExp, allowed: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .max(LENGTHS.slug, `at most ${LENGTHS.slug} characters`)
    .regex(pattern, allowed);
const modelSlug = slug(MODEL_SLUG, "lowercase letters, digits, dots and hyphens");
const sourceSlug = slug(SOURCE_SLUG, "lowercase letters, digits and hyphens");

const optionalNumber = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const n = parseDecimal(v);
    if (!n.ok) {
      ctx.addIssue({ code: "custom", message: `${n.message}, or leave empty` });
      return z.NEVER;
    }
    return n.value;
  })
  .nullable()
  .optional();

/** A second passage of the same source that states the settings, when the quote does not. */
const settingsQuote = z
  .string()
  .max(LENGTHS.quote, `at most ${LENGTHS.quote} characters`)
  .transform((v) => (v.trim() === "" ? null : v))
  .nullable()
  .optional();

/** Where in the source the passage was selected (code points), to pick among repeats. */
const near = z.coerce
  .number()
  .int()
  .min(0)
  .optional()
  .or(z.literal("").transform(() => undefined));

const isoDate = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const d = new Date(`${v}T00:00:00Z`);
    // Years before 1000 are no date a model or document has, and year 0 does not exist in
    // Postgres (1 BC precedes AD 1): refused here rather than by the database.
    if (
      !/^[1-9]\d{3}-\d{2}-\d{2}$/.test(v) ||
      Number.isNaN(d.getTime()) ||
      d.toISOString().slice(0, 10) !== v
    ) {
      ctx.addIssue({
        code: "custom",
        message: "a date as YYYY-MM-DD (years 1000–9999), or leave empty",
      });
      return z.NEVER;
    }
    return v;
  })
  .nullable()
  .optional();

/** What a claim says; shared by create and edit. */
export const claimValueSchema = z.object({
  field: z.enum(claimFields),
  label: plainText(LENGTHS.label).default(""),
  settings: plainText(LENGTHS.settings).default(""),
  valueText: plainText(LENGTHS.valueText).pipe(
    z.string().min(1, "the value as the source phrases it"),
  ),
  valueNum: optionalNumber,
  unit: optionalPlainText(40),
  valueDate: isoDate,
  variant: plainText(LENGTHS.variant).default(""),
  condition: z.enum(contextConditions, "native, extended, or leave empty").default(""),
  qualifier: z.enum(qualifiers).default("exact"),
  provenance: z.enum(provenances),
  note: optionalText(2000),
  sourceId: id,
  quote: z
    .string()
    .min(1, "paste or select the supporting passage")
    .max(LENGTHS.quote, `at most ${LENGTHS.quote} characters`),
  /** A second passage of the same source that states the settings, when the quote does not. */
  settingsQuote,
  near,
});

export const createClaimSchema = claimValueSchema.extend({
  modelId: id,
  rank: z.enum(ranks).default("normal"),
  rankReason: optionalText(500),
});

export const updateClaimSchema = claimValueSchema.extend({ id, baseRevision: revision, reason });

export const rankClaimSchema = z.object({
  id,
  baseRevision: revision,
  rank: z.enum(ranks),
  reason,
});
export const retireClaimSchema = z.object({ id, baseRevision: revision, reason });
export const revertClaimSchema = z.object({
  id,
  baseRevision: revision,
  toRevision: revision,
  reason,
});

const sourceFields = z.object({
  slug: sourceSlug,
  title: plainText(LENGTHS.sourceTitle).pipe(z.string().min(1, "the document's title")),
  publisher: optionalPlainText(200),
  author: optionalPlainText(200),
  url: optionalText(2000).refine(
    (v) => !v || /^https?:\/\/[^\s]+$/.test(v),
    "an http(s) address, or leave empty",
  ),
  publishedOn: isoDate,
  kind: z.enum(sourceKinds),
  tier: z.enum(sourceTiers),
  /** A mirror names the publisher's file it copies; nothing else may. */
  mirrorOf: optionalText(2000).refine(
    (v) => !v || /^https?:\/\/[^\s]+$/.test(v),
    "an http(s) address, or leave empty",
  ),
  text: z
    .string()
    .min(1, "paste the source text")
    .max(LENGTHS.sourceText, `at most ${LENGTHS.sourceText.toLocaleString("en")} characters`)
    // Windows line endings would shift every offset a browser selection reports.
    .transform((t) => t.replaceAll("\r\n", "\n")),
});

const mirrorRule: [
  (s: { tier: string; mirrorOf?: string | null }) => boolean,
  { path: string[]; message: string },
] = [
  (s) => (s.tier === "mirror") === Boolean(s.mirrorOf),
  {
    path: ["mirrorOf"],
    message: "a mirror names the publisher's file it copies; only a mirror does",
  },
];

export const createSourceSchema = sourceFields.refine(...mirrorRule);

/*
 * The importer's form (web) and meta file (command line): a stored source to read, or a new one
 * with its text; the document's own model if it has one; and, when applying, the decisions.
 */
const importMeta = {
  model: optionalText(LENGTHS.slug).refine(
    (v) => !v || MODEL_SLUG.test(v),
    "a model slug, or leave empty",
  ),
  modelName: optionalPlainText(LENGTHS.modelName),
  modelVariant: plainText(LENGTHS.variant).default(""),
  subject: optionalPlainText(40),
  format: z
    .enum(["markdown", "html", "json", "yaml"])
    .optional()
    .or(z.literal("").transform(() => undefined)),
  decisions: z
    .string()
    .default("{}")
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "the decisions are not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), decisionSchema)),
};

export const importFormSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("existing"), sourceSlug, ...importMeta }),
  sourceFields.extend({ mode: z.literal("new"), ...importMeta }).refine(...mirrorRule),
]);
export type ImportFormInput = z.infer<typeof importFormSchema>;

export const modelSchema = z.object({
  slug: modelSlug,
  name: plainText(LENGTHS.modelName).pipe(z.string().min(1, "the model's name")),
  kind: z.enum(modelKinds),
  familyId: id.optional().or(z.literal("").transform(() => undefined)),
  developer: plainText(LENGTHS.developer).pipe(z.string().min(1, "who published it")),
  description: z.string().trim().max(2000).default(""),
  // A released model's weights are published; an announced one is named but not yet released.
  status: z.enum(modelStatuses).default("released"),
});
export const createModelSchema = modelSchema;
export const updateModelSchema = modelSchema.extend({ id, baseRevision: revision, reason });

export type CreateClaimInput = z.infer<typeof createClaimSchema>;
export type UpdateClaimInput = z.infer<typeof updateClaimSchema>;
export type RankClaimInput = z.infer<typeof rankClaimSchema>;
export type RetireClaimInput = z.infer<typeof retireClaimSchema>;
export type RevertClaimInput = z.infer<typeof revertClaimSchema>;
export type CreateSourceInput = z.infer<typeof createSourceSchema>;
export type CreateModelInput = z.infer<typeof createModelSchema>;
export type UpdateModelInput = z.infer<typeof updateModelSchema>;

/** A new version of a stored source: its text (pasted, or an uploaded file decoded first). */
export const addVersionSchema = z.object({
  slug: sourceSlug,
  text: sourceFields.shape.text,
  url: sourceFields.shape.url,
  commit: optionalPlainText(100),
  publishedOn: isoDate,
  note: optionalPlainText(500),
});
export type AddVersionFormInput = z.infer<typeof addVersionSchema>;

/** A maintainer's answer to a claim a new version could not carry. */
export const resolveReviewSchema = z.discriminatedUnion("action", [
  z.object({
    reviewId: id,
    action: z.literal("accept"),
    settingsQuote,
    reason,
  }),
  z.object({
    reviewId: id,
    action: z.literal("requote"),
    quote: z.string().min(1, "select the passage in the new version").max(LENGTHS.quote),
    near,
    settingsQuote,
    reason,
  }),
  z.object({ reviewId: id, action: z.literal("retire"), reason }),
]);
export type ResolveReviewFormInput = z.infer<typeof resolveReviewSchema>;
