import type { Metadata } from "next";
import { KIND_LABELS, TIER_LABELS } from "@/components/format";
import { EditForm } from "@/components/maintain/edit-form";
import { LENGTHS } from "@/db/domain/rules";
import { requireMaintainerPage } from "@/db/queries/session";
import { sourceKinds, sourceTiers } from "@/db/schema";
import { createSourceAction } from "../../actions";

export const metadata: Metadata = { title: "Add a source" };

export default async function NewSourcePage() {
  await requireMaintainerPage("/maintain/sources/new");
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Add a source</h1>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Paste the document's text as published. Leave the URL, publisher or date empty when the
        document does not state them — never guess. Today's date is recorded as the retrieval date.
      </p>
      <EditForm
        action={createSourceAction}
        submitLabel="Add source"
        successMessage="Source added."
        successHref="/sources/{slug}"
        fields={[
          { name: "title", label: "Title", required: true, wide: true },
          {
            name: "slug",
            label: "Id (for its address)",
            required: true,
            help: "lowercase-with-hyphens, e.g. mistral-small-3-2-card",
          },
          { name: "publisher", label: "Publisher" },
          { name: "author", label: "Author" },
          { name: "url", label: "URL", type: "url" },
          { name: "publishedOn", label: "Date stated in the document (YYYY-MM-DD)", type: "date" },
          {
            name: "kind",
            label: "Kind",
            type: "select",
            options: sourceKinds.map((k) => ({ value: k, label: KIND_LABELS[k] ?? k })),
            defaultValue: "model_card",
          },
          {
            name: "tier",
            label: "Tier",
            type: "select",
            options: sourceTiers.map((t) => ({ value: t, label: TIER_LABELS[t] ?? t })),
            defaultValue: "primary",
          },
          {
            name: "mirrorOf",
            label: "Mirror of (only for a mirror: the publisher's file it copies)",
            type: "url",
          },
          {
            name: "text",
            label: "Full text",
            type: "textarea",
            rows: 14,
            required: true,
            help: `At most ${LENGTHS.sourceText.toLocaleString("en")} characters.`,
          },
        ]}
      />
    </div>
  );
}
