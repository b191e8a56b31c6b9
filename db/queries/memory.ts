import "server-only";
import type { Db } from "@/db";
import { selectLiveClaims } from "@/db/columns";
import { type ClaimRow, compareClaims } from "@/db/domain/catalog";
import { inputsByModel, type MemoryInputs, type WeightFormat } from "@/db/domain/memory";
import {
  formatOfVariant,
  measuredBytes,
  measuredGpus,
  measuredInputLength,
} from "@/db/domain/memory-query";
import { getModelWithFamily } from "./models";

export type MeasuredPoint = {
  claimId: number;
  /** Tokens of input the source states (generated tokens come on top; the settings say so). */
  inputLength: number;
  bytes: number;
  valueText: string;
  format: WeightFormat | null;
  variant: string;
  settings: string;
  gpus: number;
  source: string;
};

/**
 * One model's memory inputs (its own claims, then its families'), its measured GPU memory at
 * stated input lengths, and its other quoted memory statements.
 */
export async function getMemoryData(db: Db, slug: string) {
  const found = await getModelWithFamily(db, slug);
  if (!found) return null;
  const { model, families } = found;
  const claims = await selectLiveClaims(db, { modelIds: [model.id, ...families.map((f) => f.id)] });
  const of = (id: number) => claims.filter((c) => c.modelId === id);
  const own = of(model.id);
  const inputs: MemoryInputs = inputsByModel([model, ...families], claims, [model.id]).get(
    model.id,
  ) ?? { unquantized: [] };
  const usable = (c: ClaimRow) =>
    c.field === "memory_footprint" && c.provenance !== "forecast" && c.rank !== "deprecated";
  const measured: MeasuredPoint[] = [];
  const quoted: ClaimRow[] = [];
  for (const c of own.filter(usable).sort(compareClaims)) {
    const inputLength = measuredInputLength(c.settings);
    const bytes = measuredBytes(c.valueText);
    if (inputLength === null || bytes === null) {
      quoted.push(c);
      continue;
    }
    measured.push({
      claimId: c.id,
      inputLength,
      bytes,
      valueText: c.valueText,
      // Unquantized checkpoints are measured in their release dtype (BF16 in these sources).
      format: formatOfVariant(c.variant),
      variant: c.variant,
      settings: c.settings,
      gpus: measuredGpus(c.settings),
      source: c.source.title,
    });
  }
  return { model, families, inputs, measured, quoted };
}

export type MemoryData = NonNullable<Awaited<ReturnType<typeof getMemoryData>>>;
