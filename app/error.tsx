"use client";

import Link from "next/link";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="max-w-xl space-y-3 py-10">
      <h1 className="text-2xl font-semibold">This page could not be shown</h1>
      <p className="text-sm">
        Something failed on our side while building it — most often the database was briefly
        unreachable. Nothing has been lost, and the error has been logged on the server
        {error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <p className="text-sm">
        <button type="button" onClick={reset} className="rounded border border-zinc-400 px-3 py-1">
          Try again
        </button>{" "}
        or <Link href="/">go to the catalog</Link>.
      </p>
    </div>
  );
}
