import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryList } from "@/components/history-list";
import { EditForm } from "@/components/maintain/edit-form";
import { modelFields } from "@/components/maintain/model-fields";
import { db } from "@/db";
import { getHistory, listPickers } from "@/db/queries/maintain";
import { getModelBySlug } from "@/db/queries/models";
import { requireMaintainerPage } from "@/db/queries/session";
import { updateModelAction } from "../../actions";

export const metadata: Metadata = { title: "Edit model" };

type Params = Promise<{ slug: string }>;

export default async function EditModelPage({ params }: { params: Params }) {
  const { slug } = await params;
  await requireMaintainerPage(`/maintain/models/${slug}`);
  const model = await getModelBySlug(db, slug);
  if (!model) notFound();
  const [{ models }, history] = await Promise.all([
    listPickers(db),
    getHistory(db, "model", model.id),
  ]);
  const families = models.filter((m) => m.kind === "family" && m.id !== model.id);
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
        <Link href="/maintain">Maintain</Link> /{" "}
        <Link href={`/models/${model.slug}`}>{model.name}</Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">Edit {model.name}</h1>
      <p className="text-sm">
        <Link href={`/maintain/claims/new?model=${model.slug}`}>Add a claim for {model.name}</Link>
      </p>
      <EditForm
        action={updateModelAction}
        submitLabel="Save"
        successMessage="Saved."
        fields={[
          { name: "id", label: "", type: "hidden", defaultValue: model.id },
          { name: "baseRevision", label: "", type: "hidden", defaultValue: model.revision },
          ...modelFields(families, { ...model, createdAt: null, updatedAt: null, checkedAt: null }),
          { name: "reason", label: "Why (recorded in the history)", required: true, wide: true },
        ]}
      />
      <section aria-labelledby="h-history">
        <h2 id="h-history" className="text-lg font-semibold">
          History
        </h2>
        <HistoryList entries={history} />
      </section>
    </div>
  );
}
