import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import "./globals.css";
import { publicUrl } from "./site-url";

export const metadata: Metadata = {
  metadataBase: publicUrl(),
  title: { default: "Open Weights Ledger", template: "%s · Open Weights Ledger" },
  description:
    "Compare open-weight language models where every value is backed by a verbatim passage of its source.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

const NAV = [
  { href: "/", label: "Catalog" },
  { href: "/compare", label: "Compare" },
  { href: "/benchmarks", label: "Benchmarks" },
  { href: "/charts", label: "Charts" },
  { href: "/sources", label: "Sources" },
  { href: "/changes", label: "Changes" },
  { href: "/about", label: "About" },
  { href: "/maintain", label: "Maintain" },
];

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the CSP nonce (see proxy.ts) cannot be baked into a static
  // page, and the catalog's pages read the database anyway.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900"
        >
          Skip to content
        </a>
        <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
          <div className="mx-auto flex max-w-[96rem] flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3">
            {/*
             * No prefetch: a router request always renders (the page cache holds only what
             * browsers navigate to), so prefetching the nav would cost six server renders on
             * every reader's every view.
             */}
            <Link href="/" prefetch={false} className="font-semibold tracking-tight no-underline">
              Open Weights Ledger
            </Link>
            <nav aria-label="Main">
              <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {NAV.map((n) => (
                  <li key={n.href}>
                    <Link
                      href={n.href}
                      prefetch={false}
                      className="text-zinc-700 hover:underline dark:text-zinc-300"
                    >
                      {n.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-[96rem] px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-[96rem] px-4 pb-10 pt-4 text-xs text-zinc-600 dark:text-zinc-400">
          Every value links to the passage of the source it comes from. Values without such a
          passage are not published.
        </footer>
      </body>
    </html>
  );
}
