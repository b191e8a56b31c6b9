/*
 * From a parsed table to candidate facts. Two layouts occur: models in columns (a benchmark per
 * row: model cards' evaluation tables) and models in rows (a spec or measurement per column:
 * spec tables, speed benchmarks). A cell's quote is its row (from the first row of any cell that
 * spans into it, so an input length given once for three rows is in every quote); the header row,
 * with the heading above the table, is cited as the column's meaning.
 */
import { looseKey } from "../comparison";
import { parseQuantity } from "../values";
import {
  type ColumnMeaning,
  columnMeaning,
  type Descriptor,
  headerText,
  type Measure,
  shotsSetting,
  splitBenchmarkName,
  variantOfHeading,
} from "./columns";
import type { ModelMatch, ModelResolver } from "./model-names";
import type { Candidate, Table, TableRow } from "./types";

export type Found = Omit<Candidate, "key">;
type Extra = {
  variant?: string;
  settings: string[];
  modelCol?: number;
  /** The cells a value rests on (its own and its descriptors'); null: every cell of the row. */
  used?: number[];
};

const DEFAULT_PRECISION = /^(bf16|fp16|bfloat16|float16)$/i;

function cellValue(text: string): string {
  return headerText(text)
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/[*†‡^]+$/, "")
    .trim();
}

const NUMBER = /^[-+]?\d+(?:\.\d+)?/;
export const MAX_CELL = 500;

type Read = Pick<Found, "valueText" | "valueNum" | "unit" | "qualifier"> & {
  /** A cell that names what each of its numbers is ("17B (Activated) 109B (Total)"). */
  field?: Found["field"];
};

/** A cell as the measure reads it; null when the cell states no value ("-", "N/A", a link). */
export function readCell(raw: string, m: Measure): Read[] | null {
  // A value cell is a few words; a long one is prose, not a value (and not worth a regex).
  if (raw.length > MAX_CELL) return null;
  const text = cellValue(raw);
  if (!text || /^(-|—|–|n\/a|na|\/|x|–)$/i.test(text)) return null;
  switch (m.read) {
    case "text":
      return [{ valueText: text, valueNum: null, unit: null, qualifier: "exact" }];
    case "count":
    case "tokens": {
      const labelled = [
        ...text.matchAll(
          /(?<![\d.])(\d{1,5}(?:\.\d{1,3})?\s?[BMT])\s*\((total|activated|active)\)/gi,
        ),
      ];
      if (m.read === "count" && labelled.length > 0) {
        return labelled.flatMap((l) => {
          const q = parseQuantity(l[1] as string, "count");
          if (!q) return [];
          const field = /total/i.test(l[2] as string) ? "total_params" : "active_params";
          return [
            {
              valueText: l[1] as string,
              valueNum: q.value,
              unit: "params",
              qualifier: q.qualifier,
              field,
            },
          ];
        });
      }
      const q = parseQuantity(text, m.read === "tokens" ? "context" : "count");
      // A parameter count below 100,000 is a misread cell, not a model.
      if (!q || (m.read === "count" && q.value < 1e5)) return null;
      return [
        {
          valueText: text,
          valueNum: q.value,
          unit: m.read === "count" && m.field !== "other" ? "params" : (m.unit ?? "tokens"),
          qualifier: q.qualifier,
        },
      ];
    }
    case "context": {
      const q = parseQuantity(text, "context");
      if (!q) return null;
      return [{ valueText: text, valueNum: q.value, unit: "tokens", qualifier: q.qualifier }];
    }
    case "integer": {
      const pair = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
      if (pair && m.second) {
        return [
          {
            valueText: pair[1] as string,
            valueNum: Number(pair[1]),
            unit: null,
            qualifier: "exact",
          },
          {
            valueText: pair[2] as string,
            valueNum: Number(pair[2]),
            unit: null,
            qualifier: "exact",
          },
        ];
      }
      // "88 (periodic Mamba-MoE interleaving …)", "30 (reduced from 32)": the count, then a remark.
      const lead = /^(\d+)\s+\([^()]*\)$/.exec(text);
      if (lead)
        return [
          {
            valueText: lead[1] as string,
            valueNum: Number(lead[1]),
            unit: null,
            qualifier: "exact",
          },
        ];
      if (!/^\d+$/.test(text)) return null;
      return [{ valueText: text, valueNum: Number(text), unit: null, qualifier: "exact" }];
    }
    case "memory": {
      if (!/^\d+(\.\d+)?$/.test(text)) return null;
      const q = parseQuantity(`${text} ${m.unit ?? "GB"}`, "memory");
      if (!q) return null;
      return [
        {
          valueText: `${text} ${m.unit ?? "GB"}`,
          valueNum: q.value,
          unit: "GB",
          qualifier: "exact",
        },
      ];
    }
    case "speed": {
      if (!/^\d+(\.\d+)?$/.test(text)) return null;
      return [{ valueText: text, valueNum: Number(text), unit: "tokens/s", qualifier: "exact" }];
    }
    case "score": {
      const n = NUMBER.exec(text);
      if (!n) return null;
      // "62.3", "86.6%", "1334" (Elo); a number followed by more words is a sentence, not a score.
      if (!/^[-+]?\d+(?:\.\d+)?\s*%?$/.test(text)) return null;
      const value = Number(n[0]);
      // Elo-style ratings (Arena Elo, a Codeforces rating) are not percentages.
      const rating = /\belo\b|\brating\b/i.test(`${m.label} ${m.settings}`);
      return [
        { valueText: text, valueNum: value, unit: rating ? "Elo" : "score", qualifier: "exact" },
      ];
    }
  }
}

/** "F1", "f1": one setting (a metric named in the benchmark and in its metric column). */
function dedupe(parts: string[]): string[] {
  const seen = new Set<string>();
  return parts.filter((p) => {
    const k = p.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The row, from the first row of any cell it uses that spans into it: its descriptors (input
 * length, shots …) and the value's own cell. The model's own cell joins only when no heading
 * above the table names it ("### Qwen3-8B (Transformers)" is cited with the header row): a model
 * written once over a long table would otherwise make every quote the whole table.
 */
/**
 * Whether the heading above a table names this row's model: by its whole name ("Qwen3-8B
 * (Transformers)") or, as reStructuredText documents caption their tables, by its size ("7B
 * (Transformer)" over Qwen2.5-7B-Instruct's rows).
 */
function captionNames(caption: string, model: ModelMatch): boolean {
  if (!caption) return false;
  const name = model.name.replace(/[-\s](instruct|base|it|pt)$/i, "");
  if (looseKey(caption).includes(looseKey(name))) return true;
  const size = /^(\d+(?:\.\d+)?B)\b/i.exec(caption.trim())?.[1];
  return (
    size !== undefined &&
    new RegExp(`(^|[^\\d.])${size.replace(".", "\\.")}(?![\\d.])`, "i").test(model.name)
  );
}

function rowQuote(
  row: TableRow,
  used: number[] | null,
  modelCol: number | undefined,
  captioned: boolean,
) {
  const cells =
    used === null ? row.cells.filter((_, i) => i !== modelCol) : used.map((i) => row.cells[i]);
  const starts = cells.flatMap((c) => (c ? [c.rowStart] : []));
  const model = modelCol === undefined ? undefined : row.cells[modelCol];
  if (model && !captioned) starts.push(model.rowStart);
  return { start: Math.min(row.span.start, ...starts), end: row.span.end };
}

function engineOf(caption: string): string {
  const m = /\(([^()]+)\)\s*$/.exec(caption.trim());
  return m ? (m[1] as string).trim() : "";
}

function make(
  table: Table,
  row: TableRow,
  model: ModelMatch,
  measure: Measure,
  read: Read,
  field: Found["field"],
  via: Found["via"],
  extra: Extra,
): Found {
  const settings = [...extra.settings, measure.settings, model.settings].filter(Boolean);
  return {
    modelName: model.name,
    model: model.slug,
    knownModel: model.known,
    field,
    label: field === "benchmark" || field === "other" ? measure.label : "",
    settings: dedupe(settings).join(", "),
    // A heading right above the table ("Instruction Tuned Models") is cited with the header row.
    variant: extra.variant ?? (model.variant || variantOfHeading(table.caption)),
    condition: "",
    ...read,
    valueDate: null,
    quote: rowQuote(row, extra.used ?? null, extra.modelCol, captionNames(table.caption, model)),
    settingsQuote: table.headerSpan,
    via,
  };
}

function push(
  out: Found[],
  table: Table,
  row: TableRow,
  model: ModelMatch,
  measure: Measure,
  raw: string,
  via: Found["via"],
  extra: Extra,
) {
  const reads = readCell(raw, measure);
  if (!reads) return;
  if (measure.field === "benchmark") {
    const r = reads[0] as Read;
    // The database holds benchmark scores to 0–100 unless they are Elo ratings.
    if (r.unit !== "Elo" && (r.valueNum ?? 0) > 100) return;
  }
  reads.forEach(({ field: named, ...read }, i) => {
    const field = named ?? (i === 0 ? measure.field : (measure.second ?? measure.field));
    out.push(make(table, row, model, measure, read, field, via, extra));
  });
}

/** Models across the top, one benchmark (or spec) per row. */
function modelsInColumns(
  table: Table,
  meanings: (ColumnMeaning | null)[],
  models: Map<number, ModelMatch>,
  via: Found["via"],
): Found[] {
  const first = Math.min(...models.keys());
  const roles = new Map<number, Descriptor>();
  for (let i = 0; i < first; i++) {
    const m = meanings[i];
    if (m?.kind === "descriptor") roles.set(i, m.role);
  }
  if (![...roles.values()].includes("name")) {
    // Unnamed columns: the one with the most written, non-numeric cells names the row (a column
    // of numbers is a model the catalog does not know, never a name).
    let best = -1;
    let bestCount = 0;
    for (let i = 0; i < first; i++) {
      if (roles.has(i) || meanings[i]) continue;
      const named = table.rows.filter((r) => {
        const t = cellValue(r.cells[i]?.text ?? "");
        return t !== "" && !/^[-+]?\d+(\.\d+)?\s*%?$/.test(t);
      }).length;
      if (named > bestCount) [best, bestCount] = [i, named];
    }
    if (best >= 0) roles.set(best, "name");
  }
  const out: Found[] = [];
  for (const row of table.rows) {
    const cell = (i: number) => row.cells[i]?.text ?? "";
    const nameCol = [...roles].find(([, r]) => r === "name")?.[0];
    if (nameCol === undefined) break;
    const name = cellValue(cell(nameCol));
    if (!name) continue;
    const asMeasure = columnMeaning(name);
    const settings: string[] = [];
    let measure: Measure;
    if (asMeasure?.kind === "measure") measure = asMeasure.measure;
    else {
      const split = splitBenchmarkName(name);
      if (split.settings) settings.push(split.settings);
      measure = { field: "benchmark", label: split.label, settings: "", read: "score" };
    }
    for (const [i, role] of roles) {
      const v = cellValue(cell(i));
      if (role === "shots" && v) settings.push(shotsSetting(v));
      if (role === "metric" && v) settings.push(v);
    }
    for (const [i, model] of models)
      push(out, table, row, model, measure, cell(i), via, { settings });
  }
  return out;
}

/** One model per row, a spec or measurement per column. */
function modelsInRows(
  table: Table,
  meanings: (ColumnMeaning | null)[],
  resolve: ModelResolver,
  via: Found["via"],
): Found[] {
  let modelCol = meanings.findIndex((m) => m?.kind === "model");
  const paramsAt = meanings.findIndex(
    (m) => m?.kind === "measure" && m.measure.field === "total_params",
  );
  if (modelCol < 0) {
    modelCol = table.header.findIndex((_, i) =>
      table.rows.some((r) => resolve(r.cells[i]?.text ?? "") !== null),
    );
  }
  // "Llama 3.2 (text only)" in an unnamed first column, the size under Params: family and size
  // together name the model.
  if (modelCol < 0 && paramsAt > 0 && !headerText(table.header[0]?.text ?? "")) {
    const sized = (r: TableRow) => {
      const size = /^\s*(\d+(?:\.\d+)?\s?[BM])\b/i.exec(
        cellValue(r.cells[paramsAt]?.text ?? ""),
      )?.[1];
      const family = cellValue(r.cells[0]?.text ?? "").replace(/\s*\([^)]*\)/g, "");
      return size && family ? resolve(`${family} ${size}`) : null;
    };
    if (table.rows.some((r) => sized(r))) modelCol = 0;
  }
  if (modelCol < 0) return [];
  const engine = engineOf(table.caption);
  const out: Found[] = [];
  // A grouping cell left empty under a value (model, input length) means "as above", as the
  // rendered table shows it; its quote then starts at the row that writes it.
  const grouping = new Set(
    meanings.flatMap((m, i) =>
      i === modelCol || (m?.kind === "descriptor" && (m.role === "input" || m.role === "category"))
        ? [i]
        : [],
    ),
  );
  const paramsCol = meanings.findIndex(
    (m) => m?.kind === "measure" && m.measure.field === "total_params",
  );
  const descriptorCols = meanings.flatMap((m, i) =>
    m?.kind === "descriptor" && m.role !== "skip" && m.role !== "category" ? [i] : [],
  );
  let above: TableRow | null = null;
  for (const raw of table.rows) {
    const row: TableRow = {
      ...raw,
      cells: raw.cells.map((c, i) =>
        grouping.has(i) && !cellValue(c.text) && above?.cells[i] ? (above.cells[i] as typeof c) : c,
      ),
    };
    above = row;
    const cell = (i: number) => row.cells[i]?.text ?? "";
    // "Llama 3.2 (text only)" with "1B (1.23B)" under Params: the family and the size together.
    const size =
      paramsCol >= 0
        ? /^\s*(\d+(?:\.\d+)?\s?[BM])\b/i.exec(cellValue(cell(paramsCol)))?.[1]
        : undefined;
    const model =
      resolve(cell(modelCol)) ??
      (size ? resolve(`${cellValue(cell(modelCol)).replace(/\s*\([^)]*\)/g, "")} ${size}`) : null);
    if (!model) continue;
    const settings: string[] = [];
    let variant: string | undefined;
    const hasInput = meanings.some((m) => m?.kind === "descriptor" && m.role === "input");
    if (hasInput && engine) settings.push(engine);
    meanings.forEach((m, i) => {
      if (m?.kind !== "descriptor" || m.role === "skip" || m.role === "category") return;
      const v = cellValue(cell(i));
      if (!v) return;
      if (m.role === "input") settings.push(`input length ${v}`);
      else if (m.role === "gpus") settings.push(`${v} GPU${v === "1" ? "" : "s"}`);
      else if (m.role === "shots") settings.push(shotsSetting(v));
      else if (m.role === "metric") settings.push(v);
      else if (m.role === "quantization" && !DEFAULT_PRECISION.test(v)) variant = v;
      else if (m.role === "note") settings.push(v);
    });
    meanings.forEach((m, i) => {
      if (i === modelCol) return;
      let measure: Measure | null = m?.kind === "measure" ? m.measure : null;
      const header = table.header[i]?.text ?? "";
      if (!m && headerText(header)) {
        const split = splitBenchmarkName(header);
        measure = {
          field: "benchmark",
          label: split.label,
          settings: split.settings,
          read: "score",
        };
      }
      if (!measure) return;
      const used = [i, ...descriptorCols];
      push(out, table, row, model, measure, cell(i), via, { settings, variant, modelCol, used });
    });
  }
  return out;
}

/**
 * A spec sheet: two columns, a property and its value ("| **Total Parameters** | 1T |"), about
 * the document's own model. Only rows whose property the dictionary knows.
 */
function specSheet(table: Table, subject: ModelMatch, via: Found["via"]): Found[] {
  const out: Found[] = [];
  for (const row of [{ cells: table.header, span: table.headerSpan }, ...table.rows]) {
    if (row.cells.length !== 2) continue;
    const m = columnMeaning(row.cells[0]?.text ?? "");
    if (m?.kind !== "measure") continue;
    const reads = readCell(row.cells[1]?.text ?? "", m.measure);
    for (const [i, read] of (reads ?? []).entries()) {
      // "Layers / Hidden | 52 / 2688": the second number is the second field's.
      const field = i === 0 ? m.measure.field : (m.measure.second ?? m.measure.field);
      out.push({
        ...make(table, row as TableRow, subject, m.measure, read, field, via, {
          settings: [],
        }),
        quote: row.span,
        settingsQuote: null,
      });
    }
  }
  return out;
}

export function interpretTable(
  table: Table,
  resolve: ModelResolver,
  via: Found["via"],
  subject?: ModelMatch | null,
): Found[] {
  const meanings = table.header.map((h) => columnMeaning(h.text));
  const isSheet =
    table.header.length === 2 &&
    [...table.rows, { cells: table.header }].filter(
      (r) => columnMeaning(r.cells[0]?.text ?? "")?.kind === "measure",
    ).length >= 2;
  if (isSheet) return subject ? specSheet(table, subject, via) : [];
  const models = new Map<number, ModelMatch>();
  table.header.forEach((h, i) => {
    if (meanings[i]) return;
    const m = resolve(h.text);
    if (m) models.set(i, m);
  });
  return models.size > 0
    ? modelsInColumns(table, meanings, models, via)
    : modelsInRows(table, meanings, resolve, via);
}
