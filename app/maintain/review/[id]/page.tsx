import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { fieldLabel, formatDate, formatDateTime } from "@/components/format";
import { EditForm } from "@/components/maintain/edit-form";
import { PassagePicker } from "@/components/maintain/passage-picker";
import { PassageDiff } from "@/components/passage-diff";
import { VisibleText } from "@/components/visible-text";
import { db } from "@/db";
import { passageHref } from "@/db/domain/passage-link";
import { parseId } from "@/db/domain/rules";
import { requireMaintainerPage } from "@/db/queries/session";
import { getReview } from "@/db/queries/versions";
import { resolveReviewAction } from "../../actions";

export const metadata: Metadata = { title: "Review a claim" };

type Params = Promise<{ id: string }>;

function InContext({ before, passage, after }: { before: string; passage: string; after: string }) {
  return (
    <p className="rounded border border-zinc-200 p-2 text-sm whitespace-pre-wrap wrap-anywhere dark:border-zinc-800">
      <span className="text-zinc-600 dark:text-zinc-400">
        …<VisibleText text={before} />
      </span>
      <mark className="cited">
        <VisibleText text={passage} />
      </mark>
      <span className="text-zinc-600 dark:text-zinc-400">
        <VisibleText text={after} />…
      </span>
    </p>
  );
}

export default async function ReviewPage({ params }: { params: Params }) {
  const raw = (await params).id;
  await requireMaintainerPage(`/maintain/review/${raw}`);
  const id = parseId(raw);
  if (id === null) notFound();
  const r = await getReview(db, id);
  if (!r) notFound();
  const { review, claim } = r;
  const reviewId = {
    name: "reviewId",
    label: "",
    type: "hidden" as const,
    defaultValue: review.id,
  };
  const reason = (defaultValue: string) => ({
    name: "reason",
    label: "Why (recorded in the claim's history)",
    required: true,
    wide: true,
    defaultValue,
  });
  const done = review.resolvedAt !== null;
  // A claim with a settings passage may need it selected again in the new version.
  const settingsField = claim.settingsQuote
    ? [
        {
          name: "settingsQuote",
          label: "Settings passage (only if it changed: paste it from the new version)",
          type: "textarea" as const,
          rows: 2,
        },
      ]
    : [];
  return (
    <div className="max-w-5xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
        <Link href="/maintain">Maintain</Link> /{" "}
        <Link href={`/maintain/review?source=${r.source.slug}`}>Review queue</Link> / Claim #
        {claim.id}
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">
          {r.model.name} · {fieldLabel(claim.field, claim.label)}: {claim.valueText}
        </h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          <Link href={`/claims/${claim.id}`}>Claim #{claim.id}</Link> {done ? "cited" : "cites"}{" "}
          <Link href={passageHref(r.source.slug, claim.id, r.from.number)}>
            version {r.from.number}
          </Link>{" "}
          of {r.source.title} ({formatDate(r.from.publishedOn)}). Version {r.to.number} (
          {formatDate(r.to.publishedOn)}){" "}
          {review.outcome === "proposed"
            ? "has a near match that still states the value."
            : `changed it: ${review.reason ?? "the passage is gone"}.`}{" "}
          <Link href={`/sources/${r.source.slug}?from=${r.from.number}&to=${r.to.number}`}>
            See the whole difference
          </Link>
        </p>
        {done ? (
          <p role="status" className="rounded border border-zinc-400 px-3 py-2 text-sm">
            Closed: {review.resolution} by {review.resolvedBy} on{" "}
            {formatDateTime(review.resolvedAt as Date)}.
          </p>
        ) : null}
      </header>
      <section aria-labelledby="h-old" className="space-y-1">
        <h2 id="h-old" className="text-lg font-semibold">
          The passage as quoted (version {r.from.number})
        </h2>
        <InContext {...r.old} />
      </section>
      {r.proposed ? (
        <section aria-labelledby="h-new" className="space-y-1">
          <h2 id="h-new" className="text-lg font-semibold">
            Proposed passage (version {r.to.number}, {Math.round((review.similarity ?? 0) * 100)}%
            alike)
          </h2>
          <p className="text-sm">
            Differences: <PassageDiff before={review.quote} after={r.proposed.passage} />
          </p>
          {claim.settings ? (
            <p className="text-sm">
              The claim's conditions read “{claim.settings}”: if the differences change them (a
              metric, a setting), accept and then edit the claim so its conditions say what the new
              passage says.
            </p>
          ) : null}
          <p className="text-sm">
            The value “{claim.valueText}”{" "}
            {r.proposed.valueAppears ? "still appears in it." : "does not appear in it."}
            {review.reason ? ` Note: ${review.reason}.` : ""}
          </p>
          <InContext {...r.proposed} />
        </section>
      ) : null}
      {done ? null : (
        <>
          {r.proposed ? (
            <section aria-labelledby="h-accept" className="space-y-2">
              <h2 id="h-accept" className="text-lg font-semibold">
                Accept the proposed passage
              </h2>
              <EditForm
                id="accept-review"
                action={resolveReviewAction}
                submitLabel="Accept"
                successMessage="Accepted: the claim now cites the new version."
                successHref={`/claims/${claim.id}`}
                fields={[
                  reviewId,
                  { name: "action", label: "", type: "hidden", defaultValue: "accept" },
                  ...settingsField,
                  reason(
                    `The passage was edited in version ${r.to.number}; the value is unchanged.`,
                  ),
                ]}
              />
            </section>
          ) : null}
          <section aria-labelledby="h-requote" className="space-y-2">
            <h2 id="h-requote" className="text-lg font-semibold">
              Re-quote: select the passage in version {r.to.number}
            </h2>
            <EditForm
              id="requote-review"
              action={resolveReviewAction}
              submitLabel="Re-quote"
              successMessage="Re-quoted: the claim now cites the new version."
              successHref={`/claims/${claim.id}`}
              fields={[
                reviewId,
                { name: "action", label: "", type: "hidden", defaultValue: "requote" },
                { name: "near", label: "", type: "hidden" },
                {
                  name: "quote",
                  label: "Passage (select it in the text below, or paste it)",
                  type: "textarea",
                  rows: 3,
                  required: true,
                },
                ...settingsField,
                reason(`Re-quoted from version ${r.to.number}.`),
              ]}
            />
            <PassagePicker text={r.to.text} formId="requote-review" />
          </section>
          <section aria-labelledby="h-retire" className="space-y-2">
            <h2 id="h-retire" className="text-lg font-semibold">
              Retire the claim
            </h2>
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              When the document no longer states this value. If it states another one, add that as a
              new claim (or{" "}
              <Link href={`/maintain/import?source=${r.source.slug}`}>import the new version</Link>)
              before retiring this one.
            </p>
            <EditForm
              id="retire-review"
              action={resolveReviewAction}
              submitLabel="Retire"
              successMessage="Retired."
              successHref={`/maintain/review?source=${r.source.slug}`}
              successLinkLabel="Back to the queue"
              fields={[
                reviewId,
                { name: "action", label: "", type: "hidden", defaultValue: "retire" },
                reason(`Version ${r.to.number} no longer states this.`),
              ]}
            />
          </section>
        </>
      )}
    </div>
  );
}
