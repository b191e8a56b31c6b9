"use client";

import Link from "next/link";
import { startTransition, useActionState, useMemo, useState } from "react";
import { FIELD_LABELS, KIND_LABELS, TIER_LABELS } from "@/components/format";
import type { ActionResult } from "@/db/domain/result";
import type { Applied, CandidateView, ProposalView } from "@/db/queries/imports";

type Action<T> = (prev: unknown, formData: FormData) => Promise<ActionResult<T>>;

const control =
  "w-full rounded border border-zinc-400 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600 dark:border-zinc-500 dark:bg-zinc-900";
const label = "block text-xs font-medium text-zinc-800 dark:text-zinc-200";
const PAGE = 50;

type Choice = { decision: "accept" | "reject"; valueText?: string };

const STATUS_STYLE: Record<string, string> = {
  new: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  same: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
  conflict: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
};

function what(c: CandidateView): string {
  const name = c.field === "benchmark" || c.field === "other" ? c.label : FIELD_LABELS[c.field];
  return [name, c.condition && `(${c.condition})`].filter(Boolean).join(" ");
}

/**
 * The importer, step by step: a document (a stored source, or a new one pasted or read from a
 * file), its candidates grouped by model and field with their passages, and the maintainer's
 * decisions, saved in one transaction. Paged, so a document with hundreds of candidates stays
 * responsive; decisions live in one Map across pages.
 */
export function ImportWorkbench({
  sources,
  sourceKinds,
  sourceTiers,
  propose,
  apply,
  initialSource,
}: {
  sources: { slug: string; title: string }[];
  sourceKinds: readonly string[];
  sourceTiers: readonly string[];
  propose: Action<ProposalView>;
  apply: Action<Applied>;
  /** The stored source to read first (the review queue links here after a new version). */
  initialSource?: string;
}) {
  const [proposal, proposeAction, proposing] = useActionState(propose, null);
  const [applied, applyAction, applying] = useActionState(apply, null);
  const [mode, setMode] = useState<"existing" | "new">("existing");
  const [form, setForm] = useState<[string, string][]>([]);
  const [choices, setChoices] = useState<Map<string, Choice>>(new Map());
  const [reason, setReason] = useState("Checked against the document.");
  const [status, setStatus] = useState<"all" | "new" | "conflict" | "same">("all");
  const [page, setPage] = useState(0);
  const [tier, setTier] = useState("primary");
  const [sourceSlug, setSourceSlug] = useState(
    sources.find((s) => s.slug === initialSource)?.slug ?? sources[0]?.slug ?? "",
  );

  const view = proposal?.ok ? proposal.data : null;
  const shown = useMemo(() => {
    const list = (view?.candidates ?? []).filter((c) => status === "all" || c.status === status);
    // Grouped by model, then field, as a reviewer reads a card.
    return [...list].sort(
      (a, b) =>
        a.model.localeCompare(b.model) ||
        a.field.localeCompare(b.field) ||
        a.label.localeCompare(b.label),
    );
  }, [view, status]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const slice = shown.slice(page * PAGE, page * PAGE + PAGE);
  const counts = (s: string) => view?.candidates.filter((c) => c.status === s).length ?? 0;
  const accepted = [...choices.values()].filter((c) => c.decision === "accept").length;

  function choose(key: string, choice: Choice | null) {
    setChoices((prev) => {
      const next = new Map(prev);
      if (choice) next.set(key, choice);
      else next.delete(key);
      return next;
    });
  }

  function onPropose(formData: FormData) {
    setForm([...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
    setChoices(new Map());
    setPage(0);
    startTransition(() => proposeAction(formData));
  }

  function onApply() {
    const fd = new FormData();
    for (const [k, v] of form) if (k !== "decisions") fd.append(k, v);
    const decisions: Record<string, unknown> = {};
    for (const c of view?.candidates ?? []) {
      const choice = choices.get(c.key);
      if (!choice || c.status === "same") continue;
      decisions[c.key] = {
        decision: choice.decision,
        reason: reason.trim() || "Checked against the document.",
        ...(choice.valueText !== undefined && choice.valueText !== c.valueText
          ? { edit: { valueText: choice.valueText } }
          : {}),
      };
    }
    fd.append("decisions", JSON.stringify(decisions));
    startTransition(() => applyAction(fd));
  }

  async function readFile(file: File, target: HTMLTextAreaElement) {
    target.value = await file.text();
  }

  const failed = proposal && !proposal.ok ? proposal : null;
  // What was last sent, so a refused form shows it again.
  const values: Record<string, string> = { ...Object.fromEntries(form), ...(failed?.values ?? {}) };
  const errorOf = (name: string) => failed?.fieldErrors?.[name]?.[0];

  return (
    <div className="space-y-6">
      <form
        // Submitted by hand, not as a form action: React resets a form after its action, which
        // would put back the first source while the review below is of another.
        onSubmit={(e) => {
          e.preventDefault();
          onPropose(new FormData(e.currentTarget));
        }}
        className="space-y-3"
        aria-busy={proposing}
      >
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className={label}>Document</legend>
          <label className="inline-flex items-center gap-1">
            <input
              type="radio"
              name="mode"
              value="existing"
              checked={mode === "existing"}
              onChange={() => setMode("existing")}
            />
            A stored source
          </label>
          <label className="inline-flex items-center gap-1">
            <input
              type="radio"
              name="mode"
              value="new"
              checked={mode === "new"}
              onChange={() => setMode("new")}
            />
            A new source (paste or upload)
          </label>
        </fieldset>
        {mode === "existing" ? (
          <div>
            <label htmlFor="imp-source" className={label}>
              Source
            </label>
            <select
              id="imp-source"
              name="sourceSlug"
              className={control}
              value={sourceSlug}
              onChange={(e) => setSourceSlug(e.target.value)}
              aria-invalid={Boolean(errorOf("sourceSlug"))}
            >
              {sources.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.title} ({s.slug})
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            {(
              [
                ["title", "Title", true],
                ["slug", "Id (for its address)", true],
                ["publisher", "Publisher", false],
                ["url", "URL", false],
                ["publishedOn", "Date stated in the document (YYYY-MM-DD)", false],
                ["mirrorOf", "Mirror of (the publisher's file this copies)", false],
              ] as const
            ).map(([name, text, required]) => (
              <div key={name}>
                <label htmlFor={`imp-${name}`} className={label}>
                  {text}
                  {required ? " *" : ""}
                </label>
                <input
                  id={`imp-${name}`}
                  name={name}
                  required={required}
                  defaultValue={values[name]}
                  className={control}
                  aria-invalid={Boolean(errorOf(name))}
                  aria-describedby={errorOf(name) ? `imp-${name}-err` : undefined}
                  disabled={name === "mirrorOf" && tier !== "mirror"}
                />
                {errorOf(name) && (
                  <p
                    id={`imp-${name}-err`}
                    className="mt-0.5 text-xs font-medium text-red-700 dark:text-red-400"
                  >
                    {errorOf(name)}
                  </p>
                )}
              </div>
            ))}
            <div>
              <label htmlFor="imp-kind" className={label}>
                Kind
              </label>
              <select
                id="imp-kind"
                name="kind"
                className={control}
                defaultValue={values.kind ?? "model_card"}
              >
                {sourceKinds.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABELS[k] ?? k}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="imp-tier" className={label}>
                Tier
              </label>
              <select
                id="imp-tier"
                name="tier"
                className={control}
                value={tier}
                onChange={(e) => setTier(e.target.value)}
              >
                {sourceTiers.map((t) => (
                  <option key={t} value={t}>
                    {TIER_LABELS[t] ?? t}
                  </option>
                ))}
              </select>
            </div>
            <div className="sm:col-span-2">
              <label htmlFor="imp-text" className={label}>
                Full text *
              </label>
              <textarea
                id="imp-text"
                name="text"
                rows={10}
                required
                defaultValue={values.text}
                className={`${control} font-mono`}
                aria-invalid={Boolean(errorOf("text"))}
              />
              <label className="mt-1 block text-xs">
                Or read a file (Markdown, HTML, config.json, YAML):{" "}
                <input
                  type="file"
                  accept=".md,.markdown,.txt,.html,.htm,.json,.yaml,.yml,text/*,application/json"
                  onChange={(e) => {
                    const file = e.currentTarget.files?.[0];
                    const area = document.getElementById("imp-text") as HTMLTextAreaElement | null;
                    if (file && area) void readFile(file, area);
                  }}
                />
              </label>
            </div>
          </div>
        )}
        <div className="grid gap-3 sm:grid-cols-4">
          <div>
            <label htmlFor="imp-model" className={label}>
              The document's own model (slug)
            </label>
            <input
              id="imp-model"
              name="model"
              className={control}
              defaultValue={values.model}
              placeholder="qwen3-8b"
            />
          </div>
          <div>
            <label htmlFor="imp-model-name" className={label}>
              Its name, if new
            </label>
            <input
              id="imp-model-name"
              name="modelName"
              className={control}
              defaultValue={values.modelName}
            />
          </div>
          <div>
            <label htmlFor="imp-variant" className={label}>
              Its variant (base, instruct, FP8…)
            </label>
            <input
              id="imp-variant"
              name="modelVariant"
              className={control}
              defaultValue={values.modelVariant}
            />
          </div>
          <div>
            <label htmlFor="imp-subject" className={label}>
              Family word for new models
            </label>
            <input
              id="imp-subject"
              name="subject"
              className={control}
              defaultValue={values.subject}
              placeholder="qwen3"
            />
          </div>
        </div>
        <div>
          <label htmlFor="imp-format" className={label}>
            Format
          </label>
          <select
            id="imp-format"
            name="format"
            className={`${control} sm:w-60`}
            defaultValue={values.format ?? ""}
          >
            <option value="">detect (Markdown, HTML page, or JSON)</option>
            <option value="markdown">Markdown (with HTML tables)</option>
            <option value="html">HTML page</option>
            <option value="json">config.json</option>
            <option value="yaml">YAML config</option>
          </select>
        </div>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            disabled={proposing}
            className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
          >
            {proposing ? "Reading…" : "Find the facts"}
          </button>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Nothing is stored until you save your decisions.
          </p>
        </div>
        {failed && (
          <div
            role="alert"
            className="rounded border border-red-500 bg-red-50 px-3 py-2 text-sm dark:bg-red-950"
          >
            <p className="font-medium">{failed.error}</p>
          </div>
        )}
      </form>

      {view && (
        <section aria-labelledby="h-review" className="space-y-3">
          <h2 id="h-review" className="text-lg font-semibold">
            {view.candidates.length} candidates from {view.sourceSlug}
          </h2>
          <p className="text-sm">
            <span className={`rounded px-1.5 ${STATUS_STYLE.new}`}>{counts("new")} new</span>{" "}
            <span className={`rounded px-1.5 ${STATUS_STYLE.conflict}`}>
              {counts("conflict")} in conflict
            </span>{" "}
            <span className={`rounded px-1.5 ${STATUS_STYLE.same}`}>
              {counts("same")} already cited (not proposed again)
            </span>
          </p>
          <div className="flex flex-wrap items-end gap-3 text-sm">
            <label>
              <span className={label}>Show</span>
              <select
                className={control}
                value={status}
                onChange={(e) => {
                  setStatus(e.target.value as typeof status);
                  setPage(0);
                }}
              >
                <option value="all">all</option>
                <option value="new">new</option>
                <option value="conflict">in conflict</option>
                <option value="same">already cited</option>
              </select>
            </label>
            <button
              type="button"
              className="rounded border border-zinc-400 px-3 py-1"
              onClick={() =>
                setChoices((prev) => {
                  const next = new Map(prev);
                  for (const c of view.candidates)
                    if (c.status === "new" && !next.has(c.key))
                      next.set(c.key, { decision: "accept" });
                  return next;
                })
              }
            >
              Accept all new
            </button>
            <button
              type="button"
              className="rounded border border-zinc-400 px-3 py-1"
              onClick={() => setChoices(new Map())}
            >
              Clear decisions
            </button>
          </div>
          <ol className="space-y-2" start={page * PAGE + 1}>
            {slice.map((c) => {
              const choice = choices.get(c.key);
              return (
                <li
                  key={c.key}
                  className="rounded border border-zinc-300 p-2 text-sm dark:border-zinc-700"
                >
                  <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <span className={`rounded px-1.5 text-xs ${STATUS_STYLE[c.status]}`}>
                      {c.status}
                    </span>
                    <strong>
                      {c.modelName}
                      {!c.knownModel && (
                        <span className="ml-1 text-xs font-normal text-amber-800 dark:text-amber-300">
                          (new model: {c.model})
                        </span>
                      )}
                    </strong>
                    <span>{what(c)}</span>
                    {c.variant && <span className="text-xs">variant: {c.variant}</span>}
                    {c.settings && <span className="text-xs">settings: {c.settings}</span>}
                    <span className="font-semibold">= {choice?.valueText ?? c.valueText}</span>
                  </div>
                  <p className="mt-1 whitespace-pre-wrap break-words rounded bg-zinc-50 p-1 font-mono text-xs dark:bg-zinc-900">
                    <span className="text-zinc-500">…{c.before}</span>
                    <mark className="bg-yellow-200 dark:bg-yellow-700 dark:text-white">
                      {c.quote}
                    </mark>
                    <span className="text-zinc-500">{c.after}…</span>
                  </p>
                  {c.header && (
                    <details className="mt-1 text-xs">
                      <summary>Column meaning (cited with it)</summary>
                      <pre className="whitespace-pre-wrap break-words">{c.header}</pre>
                    </details>
                  )}
                  {c.related.length > 0 && (
                    <p className="mt-1 text-xs">
                      {c.status === "same" ? "Already cited: " : "Catalog says: "}
                      {c.related.map((r) => (
                        <Link key={r.id} href={`/claims/${r.id}`} className="mr-2">
                          {r.valueText} ({r.source})
                        </Link>
                      ))}
                    </p>
                  )}
                  {c.status !== "same" && (
                    <fieldset className="mt-1 flex flex-wrap items-center gap-3 text-xs">
                      <legend className="sr-only">
                        Decision for {c.modelName} {what(c)}
                      </legend>
                      {(["accept", "reject"] as const).map((d) => (
                        <label key={d} className="inline-flex items-center gap-1">
                          <input
                            type="radio"
                            name={`d-${c.key}`}
                            checked={choice?.decision === d}
                            onChange={() => choose(c.key, { ...choice, decision: d })}
                          />
                          {d}
                        </label>
                      ))}
                      <label className="inline-flex items-center gap-1">
                        <input
                          type="radio"
                          name={`d-${c.key}`}
                          checked={!choice}
                          onChange={() => choose(c.key, null)}
                        />
                        undecided
                      </label>
                      {choice?.decision === "accept" && (
                        <label className="inline-flex items-center gap-1">
                          value as the source phrases it
                          <input
                            className={`${control} w-40`}
                            value={choice.valueText ?? c.valueText}
                            onChange={(e) =>
                              choose(c.key, { ...choice, valueText: e.target.value })
                            }
                          />
                        </label>
                      )}
                    </fieldset>
                  )}
                </li>
              );
            })}
          </ol>
          <nav aria-label="Candidate pages" className="flex items-center gap-2 text-sm">
            <button
              type="button"
              disabled={page === 0}
              onClick={() => setPage(page - 1)}
              className="rounded border px-2 disabled:opacity-40"
            >
              Previous
            </button>
            <span>
              Page {page + 1} of {pages}
            </span>
            <button
              type="button"
              disabled={page + 1 >= pages}
              onClick={() => setPage(page + 1)}
              className="rounded border px-2 disabled:opacity-40"
            >
              Next
            </button>
          </nav>
          <div className="space-y-2 rounded border border-zinc-300 p-3 dark:border-zinc-700">
            <label className="block text-sm">
              <span className={label}>Reason recorded with these decisions</span>
              <input
                className={control}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
            <button
              type="button"
              onClick={onApply}
              disabled={applying || accepted === 0}
              className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
            >
              {applying ? "Saving…" : `Save ${accepted} accepted`}
            </button>
            <div aria-live="polite" role="status" className="text-sm">
              {applied?.ok && (
                <span className="text-emerald-800 dark:text-emerald-300">
                  Saved: {applied.data.created} claims, {applied.data.models.length} new models
                  {applied.data.models.map((m) => (
                    <Link key={m} href={`/models/${m}`} className="ml-2">
                      {m}
                    </Link>
                  ))}
                  . <Link href={`/sources/${applied.data.sourceSlug}`}>Open the source</Link>
                </span>
              )}
            </div>
            {applied && !applied.ok && (
              <div
                role="alert"
                className="rounded border border-red-500 bg-red-50 px-3 py-2 text-sm dark:bg-red-950"
              >
                {applied.error}
              </div>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
