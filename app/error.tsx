"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="max-w-xl space-y-3 py-10">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-sm">
        The page could not be shown. The error has been logged on the server.
      </p>
      <button
        type="button"
        onClick={reset}
        className="rounded border border-zinc-400 px-3 py-1 text-sm"
      >
        Try again
      </button>
    </div>
  );
}
