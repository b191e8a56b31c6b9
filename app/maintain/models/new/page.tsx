import type { Metadata } from "next";
import { EditForm } from "@/components/maintain/edit-form";
import { modelFields } from "@/components/maintain/model-fields";
import { db } from "@/db";
import { listPickers } from "@/db/queries/maintain";
import { requireMaintainerPage } from "@/db/queries/session";
import { createModelAction } from "../../actions";

export const metadata: Metadata = { title: "Add a model" };

export default async function NewModelPage() {
  await requireMaintainerPage("/maintain/models/new");
  const { models } = await listPickers(db);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Add a model or family</h1>
      <EditForm
        action={createModelAction}
        submitLabel="Add"
        successMessage="Added."
        successHref="/models/{slug}"
        fields={modelFields(
          models.filter((m) => m.kind === "family"),
          {},
        )}
      />
    </div>
  );
}
