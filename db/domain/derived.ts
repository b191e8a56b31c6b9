/*
 * Derived numbers: computed on read from cited inputs, never stored, always shown with their
 * formula and links to the claims they come from.
 */

/** Bits per weight of the formats the sources name. MXFP4 stores a shared 8-bit scale per 32 values. */
const FORMATS: { pattern: RegExp; format: string; bits: number }[] = [
  { pattern: /\bMXFP4\b/i, format: "MXFP4", bits: 4.25 },
  { pattern: /\b(?:native )?FP4\b/i, format: "FP4", bits: 4 },
  { pattern: /\bint4\b|\b4-bit\b|GPTQ-Int4|\bAWQ\b/i, format: "4-bit integer", bits: 4 },
  { pattern: /\bFP8\b|fp8\b/i, format: "FP8", bits: 8 },
  { pattern: /GPTQ-Int8|\bint8\b|\b8-bit\b/i, format: "8-bit integer", bits: 8 },
  { pattern: /\bBF16\b|bfloat16|\bFP16\b/i, format: "BF16/FP16", bits: 16 },
];

export type QuantClaim = { id: number; text: string };
export type ParamsClaim = { id: number; value: number; text: string };

export type MemoryEstimate = {
  format: string;
  bits: number;
  /** The estimate; for a range, its lower bound. */
  gb: number;
  /** Set when the sources give a mixed precision without the split: [lower, upper] GB. */
  range: [number, number] | null;
  formula: string;
  inputs: { paramsClaimId: number; formatClaimId: number; restClaimId?: number };
};

/** "MXFP4 … of the MoE weights" / "for the linear projection weights in the MoE layer". */
const MOE_ONLY = /\bMoE\b|mixture[- ]of[- ]experts/i;
/** "All other tensors will be in BF16": the rest of the model stays at 16 bits. */
const REST_BF16 =
  /\b(?:all other|non-MoE|remaining)\b[^.]{0,40}\b(?:tensors|weights|layers)\b[^.]{0,20}\bBF16\b/i;

/** Every distinct format a claim's text names, with its bits per weight. */
export function formatsNamed(text: string): { format: string; bits: number }[] {
  // Activation precision is not a weight format ("8-bit dynamic activations", "BF16 as the activation precision").
  const weightsOnly = text
    .replace(/\b\w+\s+as the activation precision/gi, " ")
    .replace(/\b[\w-]+\s+(?:dynamic\s+)?activations?\b/gi, " ")
    // A comparison is not a format of this model ("smaller … than a 120 billion parameter model
    // at FP16").
    .replace(/\bthan an?\b[^.]*?\bat\s+\w+/gi, " ");
  const seen = new Map<string, number>();
  for (const f of FORMATS)
    if (f.pattern.test(weightsOnly) && !seen.has(f.format)) seen.set(f.format, f.bits);
  // "MXFP4" also matches the bare FP4 pattern's word boundary rules in some phrasings; keep the precise one.
  if (seen.has("MXFP4")) seen.delete("FP4");
  return [...seen].map(([format, bits]) => ({ format, bits }));
}

/**
 * Weight memory per cited format: total parameters × bits ÷ 8, in decimal GB. Mixture-of-experts
 * models use total (not active) parameters: every expert must be resident. Weights only — the KV
 * cache and activations come on top.
 */
export function estimateWeightMemory(params: ParamsClaim, formats: QuantClaim[]): MemoryEstimate[] {
  const out = new Map<string, MemoryEstimate>();
  // MXFP4 is the precise name of what the press calls FP4: estimate it once.
  const named = new Set(formats.flatMap((c) => formatsNamed(c.text).map((f) => f.format)));
  const rest = formats.find((c) => REST_BF16.test(c.text));
  const gbAt = (bits: number) => Number(((params.value * bits) / 8 / 1e9).toPrecision(4));
  for (const claim of formats) {
    for (const { format, bits } of formatsNamed(claim.text)) {
      if (out.has(format) || (format === "FP4" && named.has("MXFP4"))) continue;
      if (format === "BF16/FP16" && claim === rest) continue; // the rest of a mixed model, below
      const gb = gbAt(bits);
      // Mixed precision: only the MoE weights in this format, every other tensor in BF16. The
      // sources do not say how many parameters are MoE weights, so the honest answer is a range.
      if (rest && bits < 16 && MOE_ONLY.test(claim.text)) {
        const high = gbAt(16);
        out.set(format, {
          format: `${format} (MoE) + BF16`,
          bits,
          gb,
          range: [gb, high],
          formula: `MoE weights in ${format} (${bits} bits), all other tensors in BF16 (16 bits). The sources do not say how many of the ${params.text} parameters are MoE weights, so the weights take between ${params.text} × ${bits} ÷ 8 = ${gb} GB (were all MoE) and ${params.text} × 16 ÷ 8 = ${high} GB (were none)`,
          inputs: { paramsClaimId: params.id, formatClaimId: claim.id, restClaimId: rest.id },
        });
        continue;
      }
      out.set(format, {
        format,
        bits,
        gb,
        range: null,
        formula: `${params.text} parameters × ${bits} bits ÷ 8 = ${gb} GB of weights`,
        inputs: { paramsClaimId: params.id, formatClaimId: claim.id },
      });
    }
  }
  return [...out.values()].sort((a, b) => a.bits - b.bits);
}
