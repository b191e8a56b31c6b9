import Link from "next/link";
import type { ClaimWithContext } from "@/db/queries/claims";
import { ChangedSince, citedLinks, versionPhrase } from "./cited-version";
import { formatDate, KIND_LABELS, PROVENANCE_LABELS, textFragmentUrl } from "./format";
import { HiddenCharacterNote, VisibleText } from "./visible-text";

const RANK_STYLE: Record<string, string> = {
  preferred: "border-emerald-600 text-emerald-800 dark:border-emerald-500 dark:text-emerald-300",
  normal: "border-zinc-400 text-zinc-700 dark:border-zinc-500 dark:text-zinc-300",
  deprecated: "border-red-600 text-red-800 line-through dark:border-red-500 dark:text-red-300",
};

export function Badge({
  children,
  className = "",
}: {
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <span
      className={`inline-block rounded border px-1.5 py-px text-[0.7rem] font-medium ${className}`}
    >
      {children}
    </span>
  );
}

/** One claim with its quote in context, rank, provenance and source: the unit of evidence. */
export function ClaimCard({
  claim,
  showModel = false,
}: {
  claim: ClaimWithContext;
  showModel?: boolean;
}) {
  const v = claim.version;
  const { passage, original } = citedLinks(claim);
  const fragment = textFragmentUrl(original, claim.quote, claim.source.kind);
  return (
    <article
      id={`c-${claim.id}`}
      className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
      aria-label={`${claim.valueText} — ${claim.source.title}`}
    >
      <div className="flex flex-wrap items-baseline gap-2">
        <span className="text-base font-semibold">{claim.valueText}</span>
        {showModel ? (
          <span className="text-sm text-zinc-600 dark:text-zinc-400">{claim.model.name}</span>
        ) : null}
        <Badge className={RANK_STYLE[claim.rank]}>{claim.rank}</Badge>
        <Badge className="border-zinc-400 text-zinc-700 dark:border-zinc-500 dark:text-zinc-300">
          {PROVENANCE_LABELS[claim.provenance]}
        </Badge>
      </div>
      <blockquote className="mt-2 border-l-4 border-amber-400 pl-3 text-sm leading-relaxed whitespace-pre-wrap wrap-anywhere">
        <span className="text-zinc-600 dark:text-zinc-400">
          <VisibleText text={claim.context.before} />
        </span>
        <mark className="cited">
          <VisibleText text={claim.quote} />
        </mark>
        <span className="text-zinc-600 dark:text-zinc-400">
          <VisibleText text={claim.context.after} />
        </span>
      </blockquote>
      <HiddenCharacterNote text={claim.quote} />
      {claim.settingsQuote ? (
        <p className="mt-1 text-xs text-zinc-700 dark:text-zinc-300">
          {/* A table's header row (what the cell's column means) or the passage stating the
              settings: either way, the second half of the citation. */}
          {claim.settings
            ? `Settings (${claim.settings}) as the source states them:`
            : "The table's header, which says what the value's column means:"}{" "}
          <q className="italic">
            <VisibleText text={claim.settingsQuote} />
          </q>
        </p>
      ) : null}
      {claim.rankReason ? (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Rank: {claim.rankReason}</p>
      ) : null}
      {claim.note ? (
        <p className="mt-1 text-xs text-zinc-700 dark:text-zinc-300">Note: {claim.note}</p>
      ) : null}
      <p className="mt-2 text-xs text-zinc-700 dark:text-zinc-300">
        {KIND_LABELS[claim.source.kind]}: <span className="font-medium">{claim.source.title}</span>{" "}
        — {claim.source.publisher ?? "publisher not stated"}, {formatDate(v.publishedOn)}
        {claim.source.mirrorOf ? " · read from a third party's copy of the publisher's file" : ""}
        {versionPhrase(v)}
      </p>
      <ChangedSince claim={claim} className="mt-1 text-amber-900 dark:text-amber-200" />
      <ul className="mt-1 flex flex-wrap gap-x-4 text-xs">
        <li>
          <Link href={passage}>Passage in stored copy</Link>
        </li>
        {original ? (
          <li>
            <a href={fragment ?? original ?? undefined} rel="noopener noreferrer">
              {claim.source.mirrorOf ? "The copy we read" : "Original"}
              {fragment ? " (at the passage)" : ""}
            </a>
          </li>
        ) : (
          <li className="text-zinc-600 dark:text-zinc-400">URL not stated</li>
        )}
        <li>
          <Link href={`/claims/${claim.id}`}>Claim #{claim.id}</Link>
        </li>
      </ul>
    </article>
  );
}
