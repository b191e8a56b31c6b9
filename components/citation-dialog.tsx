"use client";

import Link from "next/link";
import { createContext, useCallback, useContext, useRef, useState } from "react";
import type { ClaimDetail } from "@/db/queries/claims";
import type { Jsonified } from "@/db/schema";
import { ChangedSince, citedLinks, versionPhrase } from "./cited-version";
import { formatDate, PROVENANCE_LABELS, subjectLabel, textFragmentUrl } from "./format";
import { HiddenCharacterNote, VisibleText } from "./visible-text";

/** What /api/claims/<id> sends: the claim detail, with its dates as JSON strings. */
type ClaimPayload = Jsonified<NonNullable<ClaimDetail>>;

type State =
  | { status: "idle" }
  | { status: "loading"; id: number }
  | { status: "ready"; data: ClaimPayload }
  | { status: "error"; id: number; message: string };

const OpenCitation = createContext<(id: number) => void>(() => {});

/** One dialog for the whole page; markers anywhere below open it with a claim id. */
export function CitationProvider({ children }: { children: React.ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<State>({ status: "idle" });

  const open = useCallback(async (id: number) => {
    setState({ status: "loading", id });
    if (!dialog.current?.open) dialog.current?.showModal();
    try {
      const res = await fetch(`/api/claims/${id}`, { headers: { accept: "application/json" } });
      if (!res.ok)
        throw new Error(
          res.status === 404
            ? "This claim no longer exists."
            : `The server answered ${res.status}.`,
        );
      setState({ status: "ready", data: (await res.json()) as ClaimPayload });
    } catch (err) {
      setState({
        status: "error",
        id,
        message: err instanceof Error ? err.message : "Could not load the citation.",
      });
    }
  }, []);

  return (
    <OpenCitation.Provider value={open}>
      {children}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes a modal dialog natively; the click only adds backdrop dismissal for pointers. */}
      <dialog
        ref={dialog}
        aria-labelledby="citation-title"
        className="m-auto w-[min(44rem,calc(100vw-1.5rem))] rounded-lg border border-zinc-300 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        onClick={(e) => {
          // A click on the backdrop (the dialog element itself) closes it.
          if (e.target === e.currentTarget) e.currentTarget.close();
        }}
      >
        <div className="max-h-[80vh] overflow-y-auto p-5">
          <CitationBody state={state} onOpen={open} />
        </div>
        <form
          method="dialog"
          className="flex justify-end border-t border-zinc-200 px-5 py-3 dark:border-zinc-800"
        >
          <button
            type="submit"
            className="rounded border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-600"
          >
            Close
          </button>
        </form>
      </dialog>
    </OpenCitation.Provider>
  );
}

function CitationBody({ state, onOpen }: { state: State; onOpen: (id: number) => void }) {
  if (state.status === "idle") return <h2 id="citation-title">Citation</h2>;
  if (state.status === "loading") {
    return (
      <h2 id="citation-title" aria-live="polite">
        Loading citation…
      </h2>
    );
  }
  if (state.status === "error") {
    return (
      <div role="alert">
        <h2 id="citation-title" className="font-semibold">
          Could not load this citation
        </h2>
        <p className="mt-2 text-sm">{state.message}</p>
        <p className="mt-2 text-sm">
          <Link href={`/claims/${state.id}`}>Open the claim page instead</Link>
        </p>
      </div>
    );
  }
  const { claim, context, group } = state.data;
  const v = claim.version;
  const { passage, original } = citedLinks(claim);
  const fragment = textFragmentUrl(original, claim.quote, claim.source.kind);
  const distinct = new Set(group.map((g) => g.valueText)).size;
  return (
    <article>
      <h2 id="citation-title" className="text-lg font-semibold">
        {claim.model.name}: {subjectLabel(claim)}
      </h2>
      <p className="mt-1 text-2xl font-semibold">{claim.valueText}</p>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {PROVENANCE_LABELS[claim.provenance]} · ranked {claim.rank}
        {claim.rankReason ? ` — ${claim.rankReason}` : ""}
      </p>
      <blockquote className="mt-4 border-l-4 border-amber-400 pl-3 text-sm leading-relaxed whitespace-pre-wrap wrap-anywhere">
        <span className="text-zinc-600 dark:text-zinc-400">
          <VisibleText text={context.before} />
        </span>
        <mark className="cited">
          <VisibleText text={claim.quote} />
        </mark>
        <span className="text-zinc-600 dark:text-zinc-400">
          <VisibleText text={context.after} />
        </span>
      </blockquote>
      <HiddenCharacterNote text={claim.quote} />
      {claim.note ? (
        <p className="mt-2 text-xs text-zinc-700 dark:text-zinc-300">Note: {claim.note}</p>
      ) : null}
      <p className="mt-4 text-sm">
        <span className="font-medium">{claim.source.title}</span>
        <br />
        {claim.source.publisher ?? "publisher not stated"} · {formatDate(v.publishedOn)}
        {versionPhrase(v)}
        {claim.source.mirrorOf ? (
          <>
            <br />
            <span className="text-xs">
              Read from a third party's copy of{" "}
              <a href={claim.source.mirrorOf} rel="noopener noreferrer">
                the publisher's file
              </a>
              , not from the publisher's own page.
            </span>
          </>
        ) : null}
      </p>
      <ChangedSince claim={claim} className="mt-2" />
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <li>
          <Link href={passage}>Passage in our stored copy</Link>
        </li>
        {original ? (
          <li>
            <a href={original} rel="noopener noreferrer">
              {claim.source.mirrorOf ? "The copy we read" : "Original"}
            </a>
          </li>
        ) : (
          <li className="text-zinc-600 dark:text-zinc-400">URL not stated in the source</li>
        )}
        {fragment ? (
          <li>
            <a href={fragment} rel="noopener noreferrer">
              Passage in the original
            </a>
          </li>
        ) : null}
        <li>
          <Link href={`/claims/${claim.id}`}>Claim page</Link>
        </li>
      </ul>
      {group.length > 1 ? (
        <section className="mt-4 border-t border-zinc-200 pt-3 dark:border-zinc-800">
          <h3 className="text-sm font-semibold">
            {group.length} sources {distinct > 1 ? "differ" : "agree"} on this value
          </h3>
          <ol className="mt-2 space-y-1 text-sm">
            {group.map((g) => (
              <li key={g.id}>
                <button
                  type="button"
                  onClick={() => onOpen(g.id)}
                  aria-current={g.id === claim.id ? "true" : undefined}
                  className="text-left underline underline-offset-2 aria-[current]:font-semibold"
                >
                  {g.valueText}
                </button>{" "}
                <span className="text-zinc-600 dark:text-zinc-400">
                  — {g.source.title} ({PROVENANCE_LABELS[g.provenance]}, {g.rank})
                </span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}

/**
 * A citation marker: visibly "cite", named for screen readers "cite source for <model> <column>:
 * <title>". Without JavaScript it is a link to the claim page; with it, it opens the passage in a
 * dialog. Modified clicks (new tab) keep the link behaviour.
 */
export function CiteLink({
  claimId,
  label,
  className,
  compact = false,
}: {
  claimId: number;
  label: string;
  className?: string;
  /** Name the link with aria-label instead of hidden text: one element fewer, for big tables. */
  compact?: boolean;
}) {
  const open = useContext(OpenCitation);
  return (
    <a
      href={`/claims/${claimId}`}
      aria-haspopup="dialog"
      aria-label={compact ? `cite ${label}` : undefined}
      className={className}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
        e.preventDefault();
        open(claimId);
      }}
    >
      {compact ? (
        "cite"
      ) : (
        <>
          cite<span className="sr-only"> {label}</span>
        </>
      )}
    </a>
  );
}

/** For charts: open the dialog for a claim from a click on a bar or point. */
export function useOpenCitation(): (id: number) => void {
  return useContext(OpenCitation);
}
