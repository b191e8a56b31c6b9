import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ClaimCard } from "@/components/claim-card";
import { formatDateTime, PROVENANCE_LABELS, subjectLabel } from "@/components/format";
import { HistoryList } from "@/components/history-list";
import { db } from "@/db";
import { parseId } from "@/db/domain/rules";
import { getClaimDetail } from "@/db/queries/claims";
import { getHistory } from "@/db/queries/maintain";

type Params = Promise<{ id: string }>;

// generateMetadata and the page share one load per request.
const load = cache((id: number) => getClaimDetail(db, id));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = parseId((await params).id);
  const detail = id ? await load(id) : null;
  return {
    title: detail ? `${detail.claim.model.name}: ${detail.claim.valueText}` : "Claim not found",
  };
}

export default async function ClaimPage({ params }: { params: Params }) {
  const id = parseId((await params).id);
  if (id === null) notFound();
  const detail = await load(id);
  if (!detail) notFound();
  const { claim, group, context } = detail;
  const history = await getHistory(db, "claim", id);
  const others = group.filter((g) => g.id !== id);

  return (
    <div className="max-w-4xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
        <Link href="/">Catalog</Link> /{" "}
        <Link href={`/models/${claim.model.slug}`}>{claim.model.name}</Link> / Claim #{id}
      </nav>
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">
          {claim.model.name}: {subjectLabel(claim)}
        </h1>
        {claim.retiredAt ? (
          <p role="status" className="mt-2 rounded border border-red-400 px-3 py-2 text-sm">
            This claim was retired on {formatDateTime(claim.retiredAt)} and is no longer published
            in the catalog.
          </p>
        ) : null}
      </header>
      <ClaimCard claim={{ ...claim, context }} />
      {others.length > 0 ? (
        <section aria-labelledby="h-others">
          <h2 id="h-others" className="text-lg font-semibold">
            Other claims for the same value
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {others.map((g) => (
              <li key={g.id}>
                <Link href={`/claims/${g.id}`}>{g.valueText}</Link> — {g.source.title} (
                {PROVENANCE_LABELS[g.provenance]}, {g.rank})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="h-history" className="space-y-2">
        <h2 id="h-history" className="text-lg font-semibold">
          History
        </h2>
        <HistoryList entries={history} />
        <p className="text-sm">
          <Link href={`/maintain/claims/${id}`}>Edit this claim</Link> (maintainers)
        </p>
      </section>
    </div>
  );
}
