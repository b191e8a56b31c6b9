"use client";

import "./globals.css";

/*
 * Shown when the root layout itself fails (it replaces the whole document, so it brings its own
 * <html> and <body>). Page-level failures use app/error.tsx within the normal layout.
 */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <main id="main" role="alert" className="mx-auto max-w-xl space-y-3 px-4 py-16">
          <h1 className="text-2xl font-semibold">The catalog could not be shown</h1>
          <p className="text-sm">
            Something failed on our side while building this page — most often the database was
            briefly unreachable. Nothing has been lost. The error has been logged on the server.
          </p>
          <p className="text-sm">
            <button
              type="button"
              onClick={reset}
              className="rounded border border-zinc-400 px-3 py-1"
            >
              Try again
            </button>{" "}
            or <a href="/">go to the catalog</a>.
          </p>
        </main>
      </body>
    </html>
  );
}
