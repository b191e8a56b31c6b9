/*
 * HTML tables with parse5, positions kept: rowspan/colspan resolved into a grid, so the cell under
 * "Input Length" in the fifth row is the <td rowspan="3"> written in the fourth. Works on a whole
 * HTML page and on Markdown with embedded HTML (the parser leaves non-tag text alone).
 */
import { type DefaultTreeAdapterMap, parseFragment } from "parse5";
import { ExtractError, type Table, type TableCell, type TableRow } from "./types";

const MAX_COLUMNS = 500;
const MAX_CELLS = 500_000;

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const isElement = (n: Node): n is Element => "tagName" in n;

function textOf(n: Node): string {
  if (n.nodeName === "#text") return (n as DefaultTreeAdapterMap["textNode"]).value;
  if (isElement(n) && n.tagName === "br") return " ";
  return "childNodes" in n ? (n.childNodes as Node[]).map(textOf).join("") : "";
}

function* elements(n: Node, tag: string): Generator<Element> {
  if (isElement(n) && n.tagName === tag) {
    yield n;
    return;
  }
  const kids = "childNodes" in n ? (n.childNodes as Node[]) : [];
  // <template> content is not part of the page.
  for (const k of kids) yield* elements(k, tag);
}

function rowsOf(table: Element): Element[] {
  const out: Element[] = [];
  for (const part of table.childNodes) {
    if (!isElement(part)) continue;
    if (part.tagName === "tr") out.push(part);
    else if (["thead", "tbody", "tfoot"].includes(part.tagName)) {
      for (const tr of part.childNodes) if (isElement(tr) && tr.tagName === "tr") out.push(tr);
    }
  }
  return out;
}

const span = (el: Element, name: string) => {
  const v = Number(el.attrs.find((a) => a.name === name)?.value ?? "1");
  // A browser caps spans too; an absurd one must not allocate a huge grid.
  return Number.isInteger(v) && v >= 1 ? Math.min(v, 1000) : 1;
};

/** The tables of a document, each as a resolved grid. `caption` finds the heading above. */
export function htmlTables(
  text: string,
  caption: (offset: number) => { text: string; start: number } | null,
): Table[] {
  const root = parseFragment(text, { sourceCodeLocationInfo: true });
  const out: Table[] = [];
  for (const table of elements(root as unknown as Node, "table")) {
    const trs = rowsOf(table);
    // A grid is rows × the widest row; spans multiply it. Refuse what no real table needs.
    let widest = 0;
    for (const tr of trs) {
      let w = 0;
      for (const cell of tr.childNodes) if (isElement(cell)) w += span(cell, "colspan");
      widest = Math.max(widest, w);
    }
    if (widest > MAX_COLUMNS || widest * trs.length > MAX_CELLS) {
      throw new ExtractError(
        `an HTML table is ${widest} columns by ${trs.length} rows with its spans: more than a table of facts holds`,
      );
    }
    const grid: TableCell[][] = [];
    let writes = 0;
    const spans: { start: number; end: number }[] = [];
    trs.forEach((tr, r) => {
      const loc = tr.sourceCodeLocation;
      if (!loc) return;
      spans[r] = { start: loc.startOffset, end: loc.endOffset };
      if (!grid[r]) grid[r] = [];
      const row = grid[r] as TableCell[];
      let c = 0;
      for (const cell of tr.childNodes) {
        if (!isElement(cell) || (cell.tagName !== "td" && cell.tagName !== "th")) continue;
        while (row[c]) c++;
        const cl = cell.sourceCodeLocation;
        if (!cl) continue;
        const value: TableCell = {
          text: textOf(cell).replace(/\s+/g, " ").trim(),
          span: { start: cl.startOffset, end: cl.endOffset },
          rowStart: loc.startOffset,
        };
        const rows = span(cell, "rowspan");
        const cols = span(cell, "colspan");
        writes += Math.min(rows, trs.length - r) * cols;
        if (writes > MAX_CELLS) {
          throw new ExtractError(
            "an HTML table's spans cover more cells than a table of facts holds",
          );
        }
        for (let dr = 0; dr < rows && r + dr < trs.length; dr++) {
          if (!grid[r + dr]) grid[r + dr] = [];
          const target = grid[r + dr] as TableCell[];
          for (let dc = 0; dc < cols; dc++) target[c + dc] = value;
        }
        c += cols;
      }
    });
    if (grid.length < 2 || !spans[0]) continue;
    const header = grid[0] as TableCell[];
    const width = header.length;
    const above = caption(spans[0].start);
    const rows: TableRow[] = [];
    for (let r = 1; r < grid.length; r++) {
      const s = spans[r];
      if (!s) continue;
      const cells = Array.from(
        { length: width },
        (_, i) => grid[r]?.[i] ?? { text: "", span: s, rowStart: s.start },
      );
      rows.push({ cells, span: s });
    }
    out.push({
      header,
      headerSpan: { start: above?.start ?? spans[0].start, end: spans[0].end },
      rows,
      caption: above?.text ?? "",
    });
  }
  return out;
}
