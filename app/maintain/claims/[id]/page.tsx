import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryList } from "@/components/history-list";
import { claimValueFields } from "@/components/maintain/claim-fields";
import { EditForm } from "@/components/maintain/edit-form";
import { PassagePicker } from "@/components/maintain/passage-picker";
import { db } from "@/db";
import { parseId } from "@/db/domain/rules";
import { getClaimForEdit, getHistory, getSourceText, listPickers } from "@/db/queries/maintain";
import { requireMaintainerPage } from "@/db/queries/session";
import {
  rankClaimAction,
  retireClaimAction,
  revertClaimAction,
  updateClaimAction,
} from "../../actions";

export const metadata: Metadata = { title: "Edit claim" };

type Params = Promise<{ id: string }>;

export default async function EditClaimPage({ params }: { params: Params }) {
  const raw = (await params).id;
  await requireMaintainerPage(`/maintain/claims/${raw}`);
  const id = parseId(raw);
  if (id === null) notFound();
  const claim = await getClaimForEdit(db, id);
  if (!claim) notFound();
  const [pickers, history] = await Promise.all([listPickers(db), getHistory(db, "claim", id)]);
  const sourceSlug = pickers.sources.find((s) => s.id === claim.sourceId)?.slug;
  const source = sourceSlug ? await getSourceText(db, sourceSlug) : null;
  const { createdAt: _c, updatedAt: _u, retiredAt: _r, ...defaults } = claim;
  const model = pickers.models.find((m) => m.id === claim.modelId);
  const base = [
    { name: "id", label: "", type: "hidden" as const, defaultValue: claim.id },
    { name: "baseRevision", label: "", type: "hidden" as const, defaultValue: claim.revision },
  ];
  const reason = {
    name: "reason",
    label: "Why (recorded in the history)",
    required: true,
    wide: true,
  };

  return (
    <div className="max-w-5xl space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
        <Link href="/maintain">Maintain</Link> / {model?.name} /{" "}
        <Link href={`/claims/${id}`}>Claim #{id}</Link>
      </nav>
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">
          Edit claim #{id}: {claim.valueText}
        </h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Revision {claim.revision} · ranked {claim.rank}
          {claim.retiredAt ? " · retired" : ""}
        </p>
      </header>

      <section aria-labelledby="h-edit" className="space-y-2">
        <h2 id="h-edit" className="text-lg font-semibold">
          Value and citation
        </h2>
        <EditForm
          id="edit-claim"
          action={updateClaimAction}
          submitLabel="Save changes"
          successMessage="Saved."
          fields={[...base, ...claimValueFields(pickers, defaults), reason]}
        />
        {source ? <PassagePicker text={source.text} formId="edit-claim" /> : null}
      </section>

      <section aria-labelledby="h-rank" className="space-y-2">
        <h2 id="h-rank" className="text-lg font-semibold">
          Rank
        </h2>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Making this claim preferred demotes the current preferred claim for the same value to
          normal.
        </p>
        <EditForm
          action={rankClaimAction}
          submitLabel="Change rank"
          successMessage="Rank changed."
          fields={[
            ...base,
            {
              name: "rank",
              label: "Rank",
              type: "select",
              options: ["preferred", "normal", "deprecated"].map((r) => ({ value: r, label: r })),
              defaultValue: claim.rank,
            },
            reason,
          ]}
        />
      </section>

      {claim.retiredAt ? null : (
        <section aria-labelledby="h-retire" className="space-y-2">
          <h2 id="h-retire" className="text-lg font-semibold">
            Retire
          </h2>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            A retired claim is no longer published; its history stays and it can be reverted.
          </p>
          <EditForm
            action={retireClaimAction}
            submitLabel="Retire claim"
            successMessage="Retired."
            fields={[...base, reason]}
          />
        </section>
      )}

      <section aria-labelledby="h-history" className="space-y-2">
        <h2 id="h-history" className="text-lg font-semibold">
          History
        </h2>
        <HistoryList
          entries={history}
          renderAction={(e) =>
            e.revision === claim.revision ? null : (
              <details className="mt-1">
                <summary className="cursor-pointer text-xs">
                  Revert to revision {e.revision}
                </summary>
                <EditForm
                  action={revertClaimAction}
                  submitLabel={`Revert to revision ${e.revision}`}
                  successMessage="Reverted."
                  fields={[
                    ...base,
                    { name: "toRevision", label: "", type: "hidden", defaultValue: e.revision },
                    reason,
                  ]}
                />
              </details>
            )
          }
        />
      </section>
    </div>
  );
}
