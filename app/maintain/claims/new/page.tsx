import type { Metadata } from "next";
import Link from "next/link";
import { newClaimFields } from "@/components/maintain/claim-fields";
import { EditForm } from "@/components/maintain/edit-form";
import { PassagePicker } from "@/components/maintain/passage-picker";
import { db } from "@/db";
import { getSourceText, listPickers } from "@/db/queries/maintain";
import { requireMaintainerPage } from "@/db/queries/session";
import { createClaimAction } from "../../actions";

export const metadata: Metadata = { title: "Add a claim" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NewClaimPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMaintainerPage("/maintain/claims/new");
  const sp = await searchParams;
  const pickers = await listPickers(db);
  const modelSlug = typeof sp.model === "string" ? sp.model : "";
  const sourceSlug = typeof sp.source === "string" ? sp.source : "";
  const source = sourceSlug ? await getSourceText(db, sourceSlug) : null;
  const model = pickers.models.find((m) => m.slug === modelSlug);
  return (
    <div className="max-w-5xl space-y-5">
      <h1 className="text-2xl font-semibold tracking-tight">Add a claim</h1>
      <form
        method="get"
        className="flex flex-wrap items-end gap-2 text-sm"
        aria-label="Choose the source to quote"
      >
        <label className="flex min-w-0 max-w-full flex-col gap-1 text-xs font-medium">
          Show a source to select from
          <select
            name="source"
            defaultValue={sourceSlug}
            className="w-full max-w-full rounded border border-zinc-400 bg-white px-2 py-1 text-sm dark:bg-zinc-900"
          >
            <option value="">—</option>
            {pickers.sources.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        {modelSlug ? <input type="hidden" name="model" value={modelSlug} /> : null}
        <button type="submit" className="rounded border border-zinc-400 px-3 py-1">
          Show
        </button>
        <Link href="/maintain/sources/new" className="py-1">
          or add a new source
        </Link>
      </form>
      <EditForm
        id="new-claim"
        action={createClaimAction}
        submitLabel="Add claim"
        successMessage="Claim added."
        successHref="/claims/{id}"
        fields={newClaimFields(pickers, { modelId: model?.id, sourceId: source?.id })}
      />
      {source ? <PassagePicker text={source.text} formId="new-claim" /> : null}
    </div>
  );
}
