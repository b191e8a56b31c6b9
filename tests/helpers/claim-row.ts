import type { ClaimRow } from "@/db/domain/catalog";

/** A live claim row for pure-function tests: the given fields over neutral defaults. */
export function claimRow(over: Partial<ClaimRow>): ClaimRow {
  return {
    id: 100,
    modelId: 1,
    field: "other",
    label: "",
    settings: "",
    variant: "",
    condition: "",
    settingsQuote: null,
    valueText: "",
    valueNum: null,
    unit: null,
    valueDate: null,
    qualifier: "exact",
    provenance: "publisher",
    rank: "normal",
    rankReason: null,
    note: null,
    quote: "q",
    quoteStart: 0,
    quoteEnd: 1,
    source: {
      slug: "s",
      title: "S",
      publisher: null,
      publishedOn: null,
      url: null,
      kind: "readme",
      tier: "primary",
      mirrorOf: null,
    },
    ...over,
  };
}
