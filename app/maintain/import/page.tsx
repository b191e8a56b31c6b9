import type { Metadata } from "next";
import { ImportWorkbench } from "@/components/maintain/import-workbench";
import { db } from "@/db";
import { listPickers } from "@/db/queries/maintain";
import { requireMaintainerPage } from "@/db/queries/session";
import { sourceKinds, sourceTiers } from "@/db/schema";
import { applyImportAction, proposeImportAction } from "../actions";

export const metadata: Metadata = { title: "Import a document" };

export default async function ImportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireMaintainerPage("/maintain/import");
  const asked = (await searchParams).source;
  const { sources: list } = await listPickers(db);
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Import a document</h1>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        The importer reads a model card, README, HTML page or config and proposes every fact it can
        place: each with the passage that states it, the catalog's value beside it, and whether it
        is new, already cited, or in conflict. You decide; only what you accept is saved, all of it
        in one step with its revisions.
      </p>
      <ImportWorkbench
        sources={list}
        sourceKinds={sourceKinds}
        sourceTiers={sourceTiers}
        propose={proposeImportAction}
        apply={applyImportAction}
        initialSource={typeof asked === "string" ? asked : undefined}
      />
    </div>
  );
}
