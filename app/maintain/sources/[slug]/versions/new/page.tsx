import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDate } from "@/components/format";
import { EditForm } from "@/components/maintain/edit-form";
import { db } from "@/db";
import { isSlug, LENGTHS } from "@/db/domain/rules";
import { requireMaintainerPage } from "@/db/queries/session";
import { getSourceWithClaims } from "@/db/queries/sources";
import { addVersionAction } from "../../../../actions";

export const metadata: Metadata = { title: "Add a version of a source" };

type Params = Promise<{ slug: string }>;

export default async function NewVersionPage({ params }: { params: Params }) {
  const { slug } = await params;
  await requireMaintainerPage(`/maintain/sources/${slug}/versions/new`);
  if (!isSlug(slug)) notFound();
  const found = await getSourceWithClaims(db, slug);
  if (!found) notFound();
  const { source, versions, claims } = found;
  const newest = versions[versions.length - 1];
  return (
    <div className="max-w-4xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
        <Link href="/maintain">Maintain</Link> /{" "}
        <Link href={`/sources/${source.slug}`}>{source.title}</Link> / New version
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">Add a version of “{source.title}”</h1>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        The newest stored version is {newest?.number} ({formatDate(newest?.publishedOn ?? null)}
        {newest?.commit ? `, commit ${newest.commit.slice(0, 10)}` : ""}). Paste the document as it
        reads now, or upload it as a UTF-8 file. Each of the {claims.length} claims citing this
        source is re-anchored: a passage unchanged where it was or found once elsewhere follows the
        new version; anything else waits in the{" "}
        <Link href={`/maintain/review?source=${source.slug}`}>review queue</Link> and stays
        published against the version it was checked on.
      </p>
      <EditForm
        action={addVersionAction}
        submitLabel="Add version"
        successMessage="Version {number} added: {carried} claims carried, {moved} moved, {proposed} proposed, {orphaned} orphaned."
        successHref="/maintain/review?source={slug}"
        successLinkLabel="Open the review queue"
        fields={[
          { name: "slug", label: "", type: "hidden", defaultValue: source.slug },
          {
            name: "url",
            label: "URL of this version (e.g. the file at its commit)",
            type: "url",
            wide: true,
          },
          { name: "commit", label: "Commit" },
          { name: "publishedOn", label: "Date of this version (YYYY-MM-DD)", type: "date" },
          { name: "note", label: "Note", wide: true },
          {
            name: "file",
            label: "Upload the new text (UTF-8)",
            type: "file",
            accept: ".md,.txt,.json,.yaml,.yml,.html,text/*",
            wide: true,
          },
          {
            name: "text",
            label: "…or paste it",
            type: "textarea",
            rows: 12,
            help: `At most ${LENGTHS.sourceText.toLocaleString("en")} characters. A text identical to the newest version is refused, and nothing is stored.`,
          },
        ]}
      />
    </div>
  );
}
