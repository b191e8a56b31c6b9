"use client";

import { useLinkStatus } from "next/link";

/**
 * Inside a Link: marks the navigation it started as pending, so the page can show a loading
 * state (the catalog dims its table via `has-[[data-pending]]`) while the server renders the
 * next view. Not a Suspense fallback: those stay hidden for readers without JavaScript.
 */
export function PendingHint() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span data-pending aria-hidden="true" className="ml-1 inline-block animate-pulse">
      …
    </span>
  ) : null;
}
