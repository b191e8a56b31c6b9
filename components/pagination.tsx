import Link from "next/link";
import { PendingHint } from "./pending-hint";

/** Previous/next links for a paged view; plain links, so paging works without JavaScript. */
export function Pagination({
  page,
  pageCount,
  href,
  label,
}: {
  page: number;
  pageCount: number;
  /** The address of page n, keeping the rest of the view. */
  href: (n: number) => string;
  label: string;
}) {
  if (pageCount <= 1) return null;
  const link =
    "rounded border border-zinc-300 px-2 py-1 no-underline hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800";
  const off =
    "rounded border border-zinc-200 px-2 py-1 text-zinc-500 dark:border-zinc-800 dark:text-zinc-400";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm">
      {page > 1 ? (
        <>
          <Link href={href(1)} scroll={false} prefetch={false} className={link}>
            « First
          </Link>
          <Link href={href(page - 1)} scroll={false} prefetch={false} className={link} rel="prev">
            ‹ Previous
            <PendingHint />
          </Link>
        </>
      ) : (
        <span className={off} aria-hidden="true">
          ‹ Previous
        </span>
      )}
      <span aria-current="page">
        Page <strong>{page.toLocaleString("en")}</strong> of {pageCount.toLocaleString("en")}
      </span>
      {page < pageCount ? (
        <>
          <Link href={href(page + 1)} scroll={false} prefetch={false} className={link} rel="next">
            Next ›
            <PendingHint />
          </Link>
          <Link href={href(pageCount)} scroll={false} prefetch={false} className={link}>
            Last »
          </Link>
        </>
      ) : (
        <span className={off} aria-hidden="true">
          Next ›
        </span>
      )}
    </nav>
  );
}
