import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { CatalogRow } from "./domain/catalog";
import { LENGTHS, MODEL_SLUG, SOURCE_SLUG } from "./domain/rules";

/** A constant of db/domain/rules.ts as SQL: the CHECKs say what the zod schemas say. */
const lit = (v: RegExp | number | string) =>
  sql.raw(typeof v === "number" ? String(v) : typeof v === "string" ? v : `'${v.source}'`);

/*
 * The invariants this product lives by (a quote is the substring of its source at its offsets,
 * one preferred claim per group, the revision log is append-only) are enforced by the database
 * itself: see the hand-written SQL in drizzle/0001_integrity.sql. The checks below are the ones
 * drizzle can express.
 */

export const sourceKinds = [
  "article",
  "model_card",
  "readme",
  "license",
  "blog",
  "docs",
  "config",
] as const;
export const sourceKind = pgEnum("source_kind", sourceKinds);

/**
 * primary = the model's own publisher; secondary = a launch partner; press = journalism or
 * commentary; mirror = a third party's verbatim copy of a publisher's file (mirror_of names the
 * file it copies): cited as the copy it is, never as the publisher's own page.
 */
export const sourceTiers = ["primary", "secondary", "press", "mirror"] as const;
export const sourceTier = pgEnum("source_tier", sourceTiers);

export const modelKinds = ["family", "model"] as const;
export const modelStatuses = ["released", "announced"] as const;
export const modelKind = pgEnum("model_kind", modelKinds);

export const claimFields = [
  "total_params",
  "active_params",
  "architecture",
  "license",
  "quantization",
  "context_window",
  "memory_footprint",
  "release_date",
  "benchmark",
  "other",
  // Architecture, as configs and spec tables state it (what a memory estimate needs).
  "layers",
  "hidden_size",
  "attention_heads",
  "kv_heads",
  "head_dim",
  "vocab_size",
  "experts",
  "active_experts",
  "sliding_window",
  "sliding_window_layers",
  "kv_lora_rank",
  "qk_rope_head_dim",
  "max_position_embeddings",
  "rope_scaling",
  "dtype",
  "unquantized_modules",
  // Whether the output head shares the token embedding's weights (one matrix in memory, or two).
  "tied_embeddings",
  // The feed-forward width of a dense layer (what a parameter count from a config needs).
  "intermediate_size",
] as const;
export const claimField = pgEnum("claim_field", claimFields);

/** Fields whose value is a whole count of something (layers, heads, experts, …). */
export const countFields = [
  "layers",
  "hidden_size",
  "attention_heads",
  "kv_heads",
  "head_dim",
  "vocab_size",
  "experts",
  "active_experts",
  "sliding_window",
  "kv_lora_rank",
  "qk_rope_head_dim",
  "max_position_embeddings",
  "intermediate_size",
] as const satisfies readonly (typeof claimFields)[number][];
const COUNT_FIELDS_SQL = countFields.map((f) => `'${f}'`).join(", ");

/** A context window as the model was trained for it, or extended by rope scaling ("" otherwise). */
export const contextConditions = ["", "native", "extended"] as const;

/*
 * "derived" is deliberately absent: derived numbers (e.g. memory from params × bits) are computed
 * on read from cited inputs, never stored, so they cannot go stale when an input is edited.
 */
export const provenances = ["publisher", "third_party", "forecast"] as const;
export const provenance = pgEnum("provenance", provenances);

export const ranks = ["preferred", "normal", "deprecated"] as const;
export const rank = pgEnum("claim_rank", ranks);

/** How the number relates to the phrase: "~120B" is approx, "15T+" at_least, "up to 18T" at_most. */
export const qualifiers = ["exact", "approx", "at_least", "at_most"] as const;
export const qualifier = pgEnum("value_qualifier", qualifiers);

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const maintainers = pgTable("maintainers", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  name: text("name").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  createdAt: timestamps.createdAt,
});

export const sessions = pgTable(
  "sessions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    // sha256 of the cookie token: a leaked table does not leak usable sessions.
    tokenHash: text("token_hash").notNull().unique(),
    maintainerId: integer("maintainer_id")
      .notNull()
      .references(() => maintainers.id, { onDelete: "cascade" }),
    createdAt: timestamps.createdAt,
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("sessions_maintainer_idx").on(t.maintainerId)],
);

/** Sign-in attempts, for rate limiting per account and per address across processes. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    address: text("address").notNull(),
    succeeded: boolean("succeeded").notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    index("sign_in_attempts_name_idx").on(t.name, t.createdAt),
    index("sign_in_attempts_address_idx").on(t.address, t.createdAt),
  ],
);

export const sources = pgTable(
  "sources",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    publisher: text("publisher"),
    author: text("author"),
    url: text("url"),
    /** The date the source itself states (publication, or the dated commit); null when unstated. */
    publishedOn: date("published_on"),
    /** When the text was copied into this catalog; null when that is not known. */
    retrievedOn: date("retrieved_on"),
    kind: sourceKind("kind").notNull(),
    tier: sourceTier("tier").notNull(),
    commit: text("commit"),
    /** For a mirror: the publisher's own file that this copy reproduces (its URL). */
    mirrorOf: text("mirror_of"),
    note: text("note"),
    text: text("text").notNull(),
    // Always overwritten by a trigger (0001_integrity.sql) so it can never disagree with the text.
    textSha256: text("text_sha256").notNull().default(""),
    revision: integer("revision").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check("sources_slug_format", sql`${t.slug} ~ ${lit(SOURCE_SLUG)}`),
    check("sources_slug_length", sql`char_length(${t.slug}) <= ${lit(LENGTHS.slug)}`),
    check(
      "sources_title_length",
      sql`char_length(${t.title}) between 1 and ${lit(LENGTHS.sourceTitle)}`,
    ),
    check(
      "sources_text_length",
      sql`char_length(${t.text}) between 1 and ${lit(LENGTHS.sourceText)}`,
    ),
    check("sources_url_scheme", sql`${t.url} is null or ${t.url} ~ '^https?://'`),
    check(
      "sources_mirror_named",
      sql`(${t.tier}::text = 'mirror') = (${t.mirrorOf} is not null)
        and (${t.mirrorOf} is null or ${t.mirrorOf} ~ '^https?://')`,
    ),
  ],
);

/*
 * Every version of a source's text, append-only (0012_source_versions.sql refuses updates and
 * deletes). Claims cite one version; the database checks each quote against its version's text.
 * The source row mirrors its newest version (text, hash, date, commit) so lists stay cheap.
 */
export const sourceVersions = pgTable(
  "source_versions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "restrict" }),
    /** 1 for the text the source was created with; each new version is the next number. */
    number: integer("number").notNull(),
    text: text("text").notNull(),
    // Always overwritten by a trigger, like sources.text_sha256.
    textSha256: text("text_sha256").notNull().default(""),
    /** The date this version of the document bears (its commit's date); null when unstated. */
    publishedOn: date("published_on"),
    /** Where this version can be read (e.g. the file at its commit). */
    url: text("url"),
    commit: text("commit"),
    retrievedOn: date("retrieved_on"),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("source_versions_number").on(t.sourceId, t.number),
    check("source_versions_number_positive", sql`${t.number} >= 1`),
    check(
      "source_versions_text_length",
      sql`char_length(${t.text}) between 1 and ${lit(LENGTHS.sourceText)}`,
    ),
    check("source_versions_url_scheme", sql`${t.url} is null or ${t.url} ~ '^https?://'`),
  ],
);

export const models = pgTable(
  "models",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    kind: modelKind("kind").notNull(),
    /** The family this entry belongs to; families may nest (Llama → Llama 4 → Scout). */
    familyId: integer("family_id").references((): AnyPgColumn => models.id, {
      onDelete: "restrict",
    }),
    developer: text("developer").notNull(),
    description: text("description").notNull().default(""),
    /**
     * "announced": a source names the model but says its weights are not released yet; shown and
     * filterable as such, never counted as a released open-weight model.
     */
    status: text("status", { enum: modelStatuses }).notNull().default("released"),
    /** When a maintainer (or the seed) last read the model's sources through the importer. */
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
    revision: integer("revision").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("models_family_idx").on(t.familyId),
    check("models_status_values", sql`${t.status} in ('released', 'announced')`),
    check("models_slug_format", sql`${t.slug} ~ ${lit(MODEL_SLUG)}`),
    check("models_slug_length", sql`char_length(${t.slug}) <= ${lit(LENGTHS.slug)}`),
    check("models_not_own_family", sql`${t.familyId} is null or ${t.familyId} <> ${t.id}`),
    check(
      "models_name_length",
      sql`char_length(${t.name}) between 1 and ${lit(LENGTHS.modelName)}`,
    ),
    check(
      "models_developer_length",
      sql`char_length(${t.developer}) between 1 and ${lit(LENGTHS.developer)}`,
    ),
  ],
);

export const claims = pgTable(
  "claims",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    modelId: integer("model_id")
      .notNull()
      .references(() => models.id, { onDelete: "restrict" }),
    field: claimField("field").notNull(),
    /** For "other": what is measured (e.g. "training tokens"); for "benchmark": the benchmark name. */
    label: text("label").notNull().default(""),
    /**
     * The conditions the value holds under, as the source states them: for benchmarks the shots,
     * CoT, metric, harness and who measured; for memory and speed the engine, hardware, batch and
     * input length; for an extended context the scaling (e.g. "YaRN, factor 4"). Values compare
     * only under equal settings.
     */
    settings: text("settings").notNull().default(""),
    /**
     * Which checkpoint the value is about (db/domain/comparison.ts): "" for the model as named,
     * "base", "instruct", "thinking", or a quantized checkpoint's name ("FP8", "GPTQ-Int4", …).
     */
    variant: text("variant").notNull().default(""),
    /** Context windows: "native", or "extended" (rope scaling; its method in settings); else "". */
    condition: text("condition", { enum: contextConditions }).notNull().default(""),
    /**
     * A second citation, in the same source, for the settings when the quote itself does not
     * state them (e.g. a benchmark's "Environments" section). Checked by the database like quote.
     */
    settingsQuote: text("settings_quote"),
    settingsQuoteStart: integer("settings_quote_start"),
    settingsQuoteEnd: integer("settings_quote_end"),
    valueText: text("value_text").notNull(),
    valueNum: numeric("value_num", { mode: "number" }),
    unit: text("unit"),
    valueDate: date("value_date"),
    qualifier: qualifier("qualifier").notNull().default("exact"),
    provenance: provenance("provenance").notNull(),
    rank: rank("rank").notNull().default("normal"),
    rankReason: text("rank_reason"),
    note: text("note"),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "restrict" }),
    /**
     * The version of the source the quote was checked against. Left out on insert (0), the
     * database fills in the source's newest version (0012_source_versions.sql).
     */
    versionId: integer("version_id")
      .notNull()
      .default(0)
      .references(() => sourceVersions.id, { onDelete: "restrict" }),
    quote: text("quote").notNull(),
    /** Offsets in Unicode code points (Postgres character semantics), end exclusive. */
    quoteStart: integer("quote_start").notNull(),
    quoteEnd: integer("quote_end").notNull(),
    /** Stable key of a seeded claim, so re-seeding is idempotent; null for maintainer-added claims. */
    seedKey: text("seed_key").unique(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    revision: integer("revision").notNull().default(1),
    authorId: integer("author_id").references(() => maintainers.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    ...timestamps,
  },
  (t) => [
    index("claims_model_field_idx").on(t.modelId, t.field),
    index("claims_source_idx").on(t.sourceId),
    // One preferred claim per model + field (+ label/settings) among live claims.
    uniqueIndex("claims_one_preferred")
      .on(t.modelId, t.field, t.label, t.variant, t.condition, t.settings)
      .where(sql`${t.rank} = 'preferred' and ${t.retiredAt} is null`),
    check("claims_offsets", sql`${t.quoteStart} >= 0 and ${t.quoteEnd} > ${t.quoteStart}`),
    check("claims_quote_length", sql`char_length(${t.quote}) between 1 and ${lit(LENGTHS.quote)}`),
    check(
      "claims_value_text_length",
      sql`char_length(${t.valueText}) between 1 and ${lit(LENGTHS.valueText)}`,
    ),
    check("claims_label_length", sql`char_length(${t.label}) <= ${lit(LENGTHS.label)}`),
    check("claims_variant_length", sql`char_length(${t.variant}) <= ${lit(LENGTHS.variant)}`),
    check("claims_condition_values", sql`${t.condition} in ('', 'native', 'extended')`),
    check(
      "claims_condition_only_context",
      sql`${t.condition} = '' or ${t.field} = 'context_window'`,
    ),
    check(
      "claims_settings_quote_whole",
      sql`(${t.settingsQuote} is null) = (${t.settingsQuoteStart} is null)
        and (${t.settingsQuote} is null) = (${t.settingsQuoteEnd} is null)
        and (${t.settingsQuote} is null or (${t.settingsQuoteStart} >= 0
          and ${t.settingsQuoteEnd} > ${t.settingsQuoteStart}
          and char_length(${t.settingsQuote}) <= ${lit(LENGTHS.quote)}))`,
    ),
    check("claims_settings_length", sql`char_length(${t.settings}) <= ${lit(LENGTHS.settings)}`),
    check(
      "claims_label_required",
      sql`${t.field} not in ('other', 'benchmark') or char_length(${t.label}) > 0`,
    ),
    check(
      "claims_forecast_not_preferred",
      sql`${t.provenance} <> 'forecast' or ${t.rank} <> 'preferred'`,
    ),
    check(
      "claims_value_ranges",
      sql`${t.valueNum} is null or (
        ${t.valueNum} >= 0 and ${t.valueNum} < 1e15 and case ${t.field}
          when 'total_params' then ${t.valueNum} between 1e5 and 1e14
          when 'active_params' then ${t.valueNum} between 1e5 and 1e14
          when 'context_window' then ${t.valueNum} between 1 and 1e9
          when 'memory_footprint' then ${t.valueNum} > 0 and ${t.valueNum} <= 1e6
          when 'benchmark' then ${t.unit} = 'Elo' or ${t.valueNum} <= 100
          else true end)`,
    ),
    // Text comparison, not the enum literal: the values are new in the migration that adds this.
    check(
      "claims_architecture_counts",
      sql`${t.field}::text not in (${lit(COUNT_FIELDS_SQL)}) or (${t.valueNum} is not null
        and ${t.valueNum} = trunc(${t.valueNum}) and ${t.valueNum} between 1 and 1e8)`,
    ),
    check("claims_date_only_for_dates", sql`${t.valueDate} is null or ${t.field} = 'release_date'`),
  ],
);

/*
 * Claims a new source version could not carry automatically: a near match proposed (its value
 * still in the passage) or nothing found (orphaned). The claim stays published on the version it
 * was checked against until a maintainer accepts, re-quotes or retires it; a later version
 * supersedes an open review with a fresh one.
 */
export const claimReviews = pgTable(
  "claim_reviews",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "restrict" }),
    fromVersionId: integer("from_version_id")
      .notNull()
      .references(() => sourceVersions.id, { onDelete: "restrict" }),
    toVersionId: integer("to_version_id")
      .notNull()
      .references(() => sourceVersions.id, { onDelete: "restrict" }),
    /** The claim's citation in `fromVersion` when the review was opened (what it quoted). */
    quote: text("quote").notNull(),
    quoteStart: integer("quote_start").notNull(),
    quoteEnd: integer("quote_end").notNull(),
    outcome: text("outcome", { enum: ["proposed", "orphaned"] }).notNull(),
    proposedStart: integer("proposed_start"),
    proposedEnd: integer("proposed_end"),
    proposedQuote: text("proposed_quote"),
    similarity: doublePrecision("similarity"),
    reason: text("reason"),
    resolution: text("resolution", {
      enum: ["accepted", "requoted", "retired", "superseded"],
    }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: text("resolved_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("claim_reviews_claim_idx").on(t.claimId),
    uniqueIndex("claim_reviews_one_open").on(t.claimId).where(sql`${t.resolvedAt} is null`),
    check("claim_reviews_outcome_values", sql`${t.outcome} in ('proposed', 'orphaned')`),
    check(
      "claim_reviews_proposal_whole",
      sql`(${t.outcome} = 'proposed') = (${t.proposedQuote} is not null)
        and (${t.proposedQuote} is null) = (${t.proposedStart} is null)
        and (${t.proposedQuote} is null) = (${t.proposedEnd} is null)`,
    ),
    check(
      "claim_reviews_resolution_values",
      sql`${t.resolution} is null or ${t.resolution} in ('accepted', 'requoted', 'retired', 'superseded')`,
    ),
    check(
      "claim_reviews_resolved_whole",
      sql`(${t.resolution} is null) = (${t.resolvedAt} is null)`,
    ),
  ],
);

/** Append-only: every write appends one row in the same transaction (enforced by trigger). */
export const revisions = pgTable(
  "revisions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    entityType: text("entity_type", { enum: ["source", "model", "claim"] }).notNull(),
    entityId: integer("entity_id").notNull(),
    revision: integer("revision").notNull(),
    action: text("action", { enum: ["create", "update", "rank", "retire", "revert"] }).notNull(),
    before: jsonb("before").$type<Snapshot>(),
    after: jsonb("after").$type<Snapshot>().notNull(),
    reason: text("reason"),
    authorId: integer("author_id").references(() => maintainers.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    uniqueIndex("revisions_entity_revision").on(t.entityType, t.entityId, t.revision),
    index("revisions_created_idx").on(t.createdAt),
  ],
);

/*
 * The catalog table's read model: one row per model and provenance view, holding the cells the
 * table shows (chosen by db/domain/catalog.ts, the single definition of a cell) plus typed sort
 * and filter keys, so the catalog can filter, sort and page in SQL at any size. It is derived
 * data: every write refreshes the rows of the models it touches in the same transaction
 * (db/catalog-index.ts), and seed, import and migrate rebuild it whole.
 */
export const catalogViews = ["all", "publisher", "third_party"] as const;
export const catalogView = pgEnum("catalog_view", catalogViews);

export const catalogRows = pgTable(
  "catalog_rows",
  {
    view: catalogView("view").notNull(),
    modelId: integer("model_id")
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    /** Lowercased, digits zero-padded: "Qwen3 8B" sorts before "Qwen3 14B" under any collation. */
    nameKey: text("name_key").notNull(),
    developer: text("developer").notNull(),
    familySlugs: text("family_slugs").array().notNull(),
    archKind: text("arch_kind"),
    status: text("status").notNull().default("released"),
    licenseName: text("license_name"),
    /** Lowercased name, developer, family, slug and licence text: what the search box matches. */
    search: text("search").notNull(),
    /** The whole row as the table renders it (CatalogRow). */
    row: jsonb("row").$type<CatalogRow>().notNull(),
    totalParams: doublePrecision("total_params"),
    activeParams: doublePrecision("active_params"),
    contextWindow: doublePrecision("context_window"),
    memoryFootprint: doublePrecision("memory_footprint"),
    releaseDate: doublePrecision("release_date"),
    mmlu: doublePrecision("mmlu"),
    mmluPro: doublePrecision("mmlu_pro"),
    gpqaDiamond: doublePrecision("gpqa_diamond"),
    architecture: text("architecture"),
    license: text("license"),
    quantization: text("quantization"),
    // The memory estimate's inputs (db/domain/memory.ts memoryProfile): null where not cited.
    memParams: doublePrecision("mem_params"),
    memParams16: doublePrecision("mem_params16"),
    kvFull: doublePrecision("kv_full"),
    kvSliding: doublePrecision("kv_sliding"),
    kvWindow: doublePrecision("kv_window"),
  },
  (t) => [
    primaryKey({ columns: [t.view, t.modelId] }),
    // The default order, as the query spells it (byte order): page 1 reads 25 index entries.
    // Other sorts scan the view's narrow rows and keep the top 25 (EXPLAIN in BENCHMARKS.md).
    index("catalog_rows_name_idx").on(t.view, sql`${t.nameKey} collate "C"`, t.modelId),
    index("catalog_rows_family_idx").using("gin", t.familySlugs),
    index("catalog_rows_developer_idx").on(t.view, t.developer),
    index("catalog_rows_license_idx").on(t.view, t.licenseName),
    index("catalog_rows_model_idx").on(t.modelId),
  ],
);

export type Source = typeof sources.$inferSelect;
export type SourceVersion = typeof sourceVersions.$inferSelect;
export type ClaimReview = typeof claimReviews.$inferSelect;
export type NewSource = typeof sources.$inferInsert;
export type Model = typeof models.$inferSelect;
export type NewModel = typeof models.$inferInsert;
export type Claim = typeof claims.$inferSelect;
export type NewClaim = typeof claims.$inferInsert;
export type Revision = typeof revisions.$inferSelect;
export type ClaimField = (typeof claimFields)[number];

/** A value as it comes back through JSON (jsonb, an API response): dates become ISO strings. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/**
 * A row as a revision records it (a source's text as its length and hash only). Read back, its
 * dates are strings: see Jsonified.
 */
export type Snapshot = Record<string, unknown>;
export type Provenance = (typeof provenances)[number];
export type Rank = (typeof ranks)[number];
export type Qualifier = (typeof qualifiers)[number];
export type CatalogView = (typeof catalogViews)[number];

/*
 * One row whose version every write to what public pages show moves forward (statement
 * triggers on those tables, drizzle/0004_data_version.sql), whatever wrote it: an edit, the
 * seed, an import, psql. The proxy reads it on every request (it doubles as the health ping) and
 * keys its page cache by it, so a cached page never outlives the data it shows.
 */
export const dataVersion = pgTable(
  "data_version",
  {
    id: boolean("id").primaryKey().default(true),
    version: bigint("version", { mode: "number" }).notNull().default(0),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("data_version_single_row", sql`${t.id}`)],
);
