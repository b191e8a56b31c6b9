import type { ClaimField, Qualifier } from "../../schema";

/** A span of the document, in UTF-16 offsets of the JavaScript string (converted when stored). */
export type Span = { start: number; end: number };

/** One fact the importer found, with the passage that states it. Nothing here is published yet. */
export type Candidate = {
  /** Stable within one document text: decisions files refer to candidates by it. */
  key: string;
  /** The model as the document names it, and what the catalog makes of that name. */
  modelName: string;
  model: string;
  /** False when the slug is a proposed new catalog entry. */
  knownModel: boolean;
  field: ClaimField;
  label: string;
  settings: string;
  variant: string;
  condition: "" | "native" | "extended";
  valueText: string;
  valueNum: number | null;
  unit: string | null;
  qualifier: Qualifier;
  valueDate: string | null;
  quote: Span;
  /** Where the column's meaning (header row, table caption) is stated, when the quote lacks it. */
  settingsQuote: Span | null;
  /** How it was found: for the review screen and the extraction benchmark. */
  via: "front-matter" | "json" | "yaml" | "table" | "html-table" | "grid-table" | "sentence";
};

/** A table as any parser gives it: a header row and body rows of cells with their spans. */
export type TableCell = {
  text: string;
  span: Span;
  /** Where the row that writes this cell starts: earlier than the row's own for a spanning cell. */
  rowStart: number;
};
export type TableRow = {
  cells: TableCell[];
  /** The row's own text in the document. */
  span: Span;
};
export type Table = {
  header: TableCell[];
  /** The header row, and the heading just above the table when there is one. */
  headerSpan: Span;
  rows: TableRow[];
  /** The nearest heading above the table ("Qwen3-8B (Transformers)"), as text. */
  caption: string;
};

export class ExtractError extends Error {
  constructor(
    message: string,
    readonly offset?: number,
  ) {
    super(message);
  }
}
