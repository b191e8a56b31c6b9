import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db";
import { listPickers } from "@/db/queries/maintain";
import { requireMaintainerPage } from "@/db/queries/session";
import { waitingCount } from "@/db/queries/versions";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: "Maintain" };

export default async function MaintainPage() {
  const actor = await requireMaintainerPage("/maintain");
  const [{ models }, waitingTotal] = await Promise.all([listPickers(db), waitingCount(db)]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Maintain the catalog</h1>
        <form action={signOutAction} className="flex items-center gap-3 text-sm">
          <span>
            Signed in as <strong>{actor.name}</strong>
          </span>
          <button type="submit" className="rounded border border-zinc-400 px-3 py-1">
            Sign out
          </button>
        </form>
      </div>
      <ul className="flex flex-wrap gap-4 text-sm">
        <li>
          <Link href="/maintain/claims/new">Add a claim</Link>
        </li>
        <li>
          <Link href="/maintain/import">Import a document</Link>
        </li>
        <li>
          <Link href="/maintain/review">
            Review queue{waitingTotal > 0 ? ` (${waitingTotal} waiting)` : ""}
          </Link>
        </li>
        <li>
          <Link href="/maintain/sources/new">Add a source</Link>
        </li>
        <li>
          <Link href="/maintain/models/new">Add a model or family</Link>
        </li>
        <li>
          <Link href="/changes">Recent changes</Link>
        </li>
      </ul>
      <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
        To edit, re-rank, retire or revert a claim, open it from a model page or the catalog and
        follow “Edit this claim”. To record a new version of a document, open its source and follow
        “Add a version”.
      </p>
      <section aria-labelledby="h-models">
        <h2 id="h-models" className="text-lg font-semibold">
          Models and families
        </h2>
        <ul className="mt-2 columns-1 gap-6 text-sm sm:columns-2 lg:columns-3">
          {models.map((m) => (
            <li key={m.slug}>
              <Link href={`/maintain/models/${m.slug}`}>{m.name}</Link>
              {m.kind === "family" ? " (family)" : ""}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
