import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDate, KIND_LABELS, TIER_LABELS } from "@/components/format";
import { db } from "@/db";
import { listSources } from "@/db/queries/sources";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  await connection();
  const sources = await listSources(db);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Sources</h1>
      <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
        The stored text of every document the catalog quotes. Each cited passage is highlighted in
        its source.
      </p>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-sm">
          <caption className="sr-only">
            Stored sources with the number of claims that cite each
          </caption>
          <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
            <tr>
              <th scope="col" className="px-3 py-2">
                Title
              </th>
              <th scope="col" className="px-3 py-2">
                Publisher
              </th>
              <th scope="col" className="px-3 py-2">
                Kind
              </th>
              <th scope="col" className="px-3 py-2">
                Tier
              </th>
              <th scope="col" className="px-3 py-2">
                Dated
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Versions
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Claims
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.slug} className="border-t border-zinc-200 dark:border-zinc-800">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <Link href={`/sources/${s.slug}`} className="font-medium">
                    {s.title}
                  </Link>
                </th>
                <td className="px-3 py-2">
                  {s.publisher ?? (
                    <span className="italic text-zinc-600 dark:text-zinc-400">not stated</span>
                  )}
                </td>
                <td className="px-3 py-2">{KIND_LABELS[s.kind]}</td>
                <td className="px-3 py-2">{TIER_LABELS[s.tier]}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDate(s.publishedOn)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{s.versions}</td>
                <td className="px-3 py-2 text-right tabular-nums">{s.claimCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
