import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDateTime } from "@/components/format";
import { db } from "@/db";
import { listRecentChanges } from "@/db/queries/maintain";

export const metadata: Metadata = { title: "Recent changes" };

const VERB: Record<string, string> = {
  create: "created",
  update: "updated",
  rank: "re-ranked",
  retire: "retired",
  revert: "reverted",
};

function hrefOf(c: { entityType: string; entityId: number; slug: string | null }): string | null {
  if (c.entityType === "claim") return `/claims/${c.entityId}`;
  if (c.slug) return c.entityType === "model" ? `/models/${c.slug}` : `/sources/${c.slug}`;
  return null;
}

export default async function ChangesPage() {
  await connection();
  const changes = await listRecentChanges(db, 150);
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Recent changes</h1>
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
              · {c.authorName} {VERB[c.action] ?? c.action} {c.entityType}{" "}
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
