import type { Metadata } from "next";
import Link from "next/link";
import { fieldLabel } from "@/components/format";
import { PassageDiff } from "@/components/passage-diff";
import { VisibleText } from "@/components/visible-text";
import { db } from "@/db";
import { isSlug } from "@/db/domain/rules";
import { proposeImport } from "@/db/queries/imports";
import { requireMaintainerPage } from "@/db/queries/session";
import { reviewQueue } from "@/db/queries/versions";

export const metadata: Metadata = { title: "Review queue" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ReviewQueuePage({ searchParams }: { searchParams: Search }) {
  await requireMaintainerPage("/maintain/review");
  const asked = (await searchParams).source;
  const source = typeof asked === "string" && isSlug(asked) ? asked : undefined;
  const items = await reviewQueue(db, { source });
  const bySource = new Map<string, typeof items>();
  for (const item of items)
    bySource.set(item.source.slug, [...(bySource.get(item.source.slug) ?? []), item]);
  // What the importer reads from each source's newest version, against the catalog: values it
  // states that no claim of this source cites yet, and values in conflict with the catalog.
  const readings = new Map(
    await Promise.all(
      [...bySource.keys()].map(async (slug) => {
        const r = await proposeImport(db, { sourceSlug: slug });
        if (!r.ok) return [slug, null] as const;
        const count = (s: string) => r.data.candidates.filter((c) => c.status === s).length;
        return [
          slug,
          { total: r.data.candidates.length, fresh: count("new"), conflict: count("conflict") },
        ] as const;
      }),
    ),
  );
  return (
    <div className="max-w-5xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
        <Link href="/maintain">Maintain</Link> / Review queue
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Review queue</h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Claims a new version of their source could not carry: a near match is <em>proposed</em>{" "}
          only when the claim's value still appears in it; <em>orphaned</em> means nothing close was
          found. Each stays published against the version it was checked on, marked as changed
          since, until you accept the proposal, re-quote it or retire it.
          {source ? (
            <>
              {" "}
              Showing {source} only: <Link href="/maintain/review">show every source</Link>.
            </>
          ) : null}
        </p>
      </header>
      {items.length === 0 ? (
        <p role="status" className="text-sm">
          Nothing waits for review{source ? " on this source" : ""}.
        </p>
      ) : null}
      {[...bySource.entries()].map(([slug, list]) => {
        const first = list[0] as (typeof list)[number];
        return (
          <section key={slug} aria-labelledby={`h-${slug}`} className="space-y-3">
            <h2 id={`h-${slug}`} className="text-lg font-semibold">
              <Link href={`/sources/${slug}`}>{first.source.title}</Link>{" "}
              <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
                — {list.length} waiting
              </span>
            </h2>
            <p className="text-sm">
              <Link href={`/sources/${slug}?from=${first.fromNumber}&to=${first.toNumber}`}>
                What changed from version {first.fromNumber} to {first.toNumber}
              </Link>{" "}
              ·{" "}
              <Link href={`/maintain/import?source=${slug}`}>
                Read version {first.toNumber} with the importer
              </Link>{" "}
            </p>
            {readings.get(slug) ? (
              <p className="text-sm text-zinc-700 dark:text-zinc-300">
                The importer reads {readings.get(slug)?.total} values from version {first.toNumber}:{" "}
                {readings.get(slug)?.fresh} this source's claims do not cite yet (a value stated
                under new conditions is one of them) and {readings.get(slug)?.conflict} in conflict
                with the catalog. Open the importer to accept or reject each; set the document's
                model there when the card is about one model.
              </p>
            ) : null}
            <ul className="space-y-3">
              {list.map((item) => (
                <li
                  key={item.review.id}
                  className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800"
                >
                  <p className="font-medium">
                    {item.model.name} · {fieldLabel(item.claim.field, item.claim.label)}
                    {item.claim.variant ? ` (${item.claim.variant})` : ""}:{" "}
                    <span className="tabular-nums">{item.claim.valueText}</span>{" "}
                    <span
                      className={`ml-1 inline-block rounded border px-1.5 text-[0.7rem] ${item.review.outcome === "proposed" ? "border-amber-600" : "border-red-600"}`}
                    >
                      {item.review.outcome}
                    </span>
                  </p>
                  <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                    Checked on version {item.fromNumber}; version {item.toNumber}{" "}
                    {item.review.outcome === "proposed"
                      ? `has a passage ${Math.round((item.review.similarity ?? 0) * 100)}% alike that still states the value`
                      : `changed it: ${item.review.reason ?? "the passage is gone"}`}
                    {item.review.outcome === "proposed" && item.review.reason
                      ? ` (${item.review.reason})`
                      : ""}
                  </p>
                  <blockquote className="mt-2 border-l-2 border-zinc-300 pl-3 dark:border-zinc-700">
                    {item.review.proposedQuote != null ? (
                      <PassageDiff before={item.review.quote} after={item.review.proposedQuote} />
                    ) : (
                      <span className="whitespace-pre-wrap wrap-anywhere">
                        <VisibleText
                          text={
                            item.review.quote.length > 400
                              ? `${item.review.quote.slice(0, 400)}…`
                              : item.review.quote
                          }
                        />
                      </span>
                    )}
                  </blockquote>
                  <p className="mt-2">
                    <Link href={`/maintain/review/${item.review.id}`}>
                      Review claim #{item.claim.id}
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
