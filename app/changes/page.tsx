import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CHANGE_VERBS, formatDate, formatDateTime } from "@/components/format";
import { db } from "@/db";
import { listNewModels, listRecentChanges } from "@/db/queries/maintain";
import { groupSourceUpdates, listSourceUpdates } from "@/db/queries/versions";

export const metadata: Metadata = {
  title: "Recent changes",
  alternates: { types: { "application/atom+xml": "/changes/feed.xml" } },
};

function hrefOf(c: { entityType: string; entityId: number; slug: string | null }): string | null {
  if (c.entityType === "claim") return `/claims/${c.entityId}`;
  if (c.slug) return c.entityType === "model" ? `/models/${c.slug}` : `/sources/${c.slug}`;
  return null;
}

export default async function ChangesPage() {
  await connection();
  const [changes, added, updates] = await Promise.all([
    listRecentChanges(db, 150),
    listNewModels(db),
    listSourceUpdates(db, 200).then(groupSourceUpdates),
  ]);
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Recent changes</h1>
      <section aria-labelledby="h-new" className="space-y-2">
        <h2 id="h-new" className="text-lg font-semibold">
          New in the catalog
        </h2>
        <ul className="space-y-1 text-sm">
          {added.map((m) => (
            <li key={m.slug}>
              <Link href={`/models/${m.slug}`} className="font-medium">
                {m.name}
              </Link>{" "}
              <span className="text-zinc-600 dark:text-zinc-400">
                by {m.developer}, added {formatDateTime(m.createdAt)}
              </span>
              {m.status === "announced" ? (
                <span className="ml-1 rounded border border-amber-600 px-1 text-xs text-amber-800 dark:border-amber-500 dark:text-amber-300">
                  announced, not released
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        <p className="flex gap-3 text-sm">
          <Link href="/?sort=release_date.desc">The catalog by release date</Link>
          <a href="/changes/feed.xml">Atom feed of changes</a>
        </p>
      </section>
      <section aria-labelledby="h-updates" className="space-y-2">
        <h2 id="h-updates" className="text-lg font-semibold">
          Source updates
        </h2>
        {updates.length === 0 ? (
          <p className="text-sm">No source has a second version yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {updates.slice(0, 20).map((u) => (
              <li key={u.id}>
                <Link href={`/sources/${u.source.slug}`} className="font-medium">
                  {u.source.title}
                </Link>
                : {u.from === u.to ? `version ${u.to}` : `versions ${u.from}–${u.to}`}
                {u.publishedOn ? ` (newest dated ${formatDate(u.publishedOn)})` : ""} —{" "}
                <Link href={`/sources/${u.source.slug}?from=${u.from - 1}&to=${u.to}`}>
                  what changed
                </Link>
                {u.reanchored ? (
                  <span className="text-zinc-600 dark:text-zinc-400">
                    {" "}
                    ·{" "}
                    {u.reanchored.carried +
                      u.reanchored.moved +
                      u.reanchored.proposed +
                      u.reanchored.orphaned ===
                    0
                      ? "no claim cited it then"
                      : `claims: ${u.reanchored.carried} carried, ${u.reanchored.moved} moved, ${u.reanchored.proposed} proposed, ${u.reanchored.orphaned} orphaned`}
                  </span>
                ) : null}
                <span className="text-zinc-600 dark:text-zinc-400">
                  {" "}
                  · added {formatDateTime(u.createdAt)} by {u.authorName}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <h2 className="text-lg font-semibold">Every write</h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Every write to the catalog, newest first, from the append-only revision log.
      </p>
      <ol className="space-y-2 text-sm">
        {changes.map((c) => {
          const href = hrefOf(c);
          return (
            <li key={c.id} className="border-b border-zinc-200 pb-2 dark:border-zinc-800">
              <span className="text-zinc-600 dark:text-zinc-400">
                {formatDateTime(c.createdAt)}
              </span>{" "}
              · {c.authorName} {CHANGE_VERBS[c.action] ?? c.action} {c.entityType}{" "}
              {href ? <Link href={href}>#{c.entityId}</Link> : `#${c.entityId}`} (revision{" "}
              {c.revision})
              {c.label ? (
                <> — “{c.label.length > 80 ? `${c.label.slice(0, 80)}…` : c.label}”</>
              ) : null}
              {c.reason ? (
                <span className="text-zinc-700 dark:text-zinc-300"> — {c.reason}</span>
              ) : null}
              {c.diff.length > 0 ? (
                <span className="text-zinc-600 dark:text-zinc-400">
                  {" "}
                  (changed: {c.diff.map((d) => d.field).join(", ")})
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
