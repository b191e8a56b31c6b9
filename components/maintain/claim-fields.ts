import { FIELD_LABELS } from "@/components/format";
import { claimFields, provenances, qualifiers, ranks } from "@/db/schema";
import type { FieldSpec } from "./edit-form";

type Pickers = {
  models: { id: number; name: string; kind: string }[];
  sources: { id: number; title: string }[];
};
type ClaimDefaults = Partial<Record<string, string | number | null>>;

const opts = (values: readonly string[], labels: Record<string, string> = {}) =>
  values.map((v) => ({ value: v, label: labels[v] ?? v }));

/** The fields that say what a claim states and where; shared by the new and edit forms. */
export function claimValueFields(pickers: Pickers, d: ClaimDefaults): FieldSpec[] {
  return [
    {
      name: "field",
      label: "Field",
      type: "select",
      options: opts(claimFields, FIELD_LABELS),
      defaultValue: d.field ?? "total_params",
      required: true,
    },
    {
      name: "label",
      label: "Label (benchmark name, or what “other” measures)",
      defaultValue: d.label,
    },
    {
      name: "variant",
      label: "Checkpoint variant (optional)",
      defaultValue: d.variant,
      help: "Empty for the model as named; base, instruct, thinking, or a quantized checkpoint such as FP8 or GPTQ-Int4.",
    },
    {
      name: "condition",
      label: "Context condition",
      type: "select",
      options: [
        { value: "", label: "— (not a context window)" },
        { value: "native", label: "native" },
        { value: "extended", label: "extended (rope scaling: say which in Settings)" },
      ],
      defaultValue: d.condition ?? "",
    },
    {
      name: "settings",
      label: "Settings (as the source states them)",
      defaultValue: d.settings,
      help: "Benchmarks: shots, CoT, metric, who measured. Memory and speed: engine, hardware, batch, input length. Extended context: the scaling.",
    },
    {
      name: "valueText",
      label: "Value as the source phrases it",
      defaultValue: d.valueText,
      required: true,
      help: "e.g. 117B, 128K, Apache-2.0",
    },
    {
      name: "valueNum",
      label: "Number (optional)",
      type: "number",
      defaultValue: d.valueNum,
      help: "Left empty, it is read from the value: 117B → 117000000000; context 128K → 131072; memory in GB.",
    },
    {
      name: "unit",
      label: "Unit (optional)",
      defaultValue: d.unit,
      help: "params, tokens and GB are filled in for you; benchmarks: %, score or Elo",
    },
    {
      name: "valueDate",
      label: "Date (release dates, YYYY-MM-DD)",
      type: "date",
      defaultValue: d.valueDate,
    },
    {
      name: "qualifier",
      label: "Qualifier",
      type: "select",
      options: opts(qualifiers, {
        exact: "exact",
        approx: "approximately (~)",
        at_least: "at least (+)",
        at_most: "at most (up to, fits within)",
      }),
      defaultValue: d.qualifier ?? "exact",
    },
    {
      name: "provenance",
      label: "Provenance",
      type: "select",
      options: opts(provenances, {
        publisher: "publisher-reported",
        third_party: "third-party",
        forecast: "forecast",
      }),
      defaultValue: d.provenance ?? "publisher",
      required: true,
    },
    {
      name: "sourceId",
      label: "Source",
      type: "select",
      options: pickers.sources.map((s) => ({ value: String(s.id), label: s.title })),
      defaultValue: d.sourceId,
      required: true,
      wide: true,
    },
    {
      name: "quote",
      label: "Supporting passage (paste, or select it in the source below)",
      type: "textarea",
      rows: 4,
      defaultValue: d.quote,
      required: true,
      help: "Found in the source even if quotes, dashes or spaces differ; stored exactly as the source has it.",
    },
    { name: "near", label: "", type: "hidden", defaultValue: d.near },
    {
      name: "settingsQuote",
      label: "Passage stating the settings, if the quote above does not (optional)",
      type: "textarea",
      rows: 2,
      defaultValue: d.settingsQuote,
      help: "From the same source, e.g. its “Environments” section.",
    },
    { name: "note", label: "Note (optional)", type: "textarea", rows: 2, defaultValue: d.note },
  ];
}

export function newClaimFields(pickers: Pickers, d: ClaimDefaults): FieldSpec[] {
  return [
    {
      name: "modelId",
      label: "Model or family",
      type: "select",
      options: pickers.models.map((m) => ({
        value: String(m.id),
        label: `${m.name}${m.kind === "family" ? " (family)" : ""}`,
      })),
      defaultValue: d.modelId,
      required: true,
      wide: true,
    },
    ...claimValueFields(pickers, d),
    {
      name: "rank",
      label: "Rank",
      type: "select",
      options: opts(ranks),
      defaultValue: d.rank ?? "normal",
    },
    { name: "rankReason", label: "Why this rank (optional)", defaultValue: d.rankReason },
  ];
}
