/*
 * reStructuredText grid tables (the Qwen2.5 speed benchmark is written in them). No maintained
 * JavaScript parser for reStructuredText exists, so this reads the grid itself: column edges come
 * from the top border's "+"; a row separator whose segment under a column is blank continues that
 * column's cell into the next row (a row span). Cell text is taken by those edges, so a "|" inside
 * a cell's text is not a column edge.
 */
import { ExtractError, type Table, type TableCell, type TableRow } from "./types";

const BORDER = /^\+(?:[-=]+\+)+$/;

type Line = { text: string; start: number };

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const t of text.split("\n")) {
    out.push({ text: t.replace(/\r$/, ""), start });
    start += t.length + 1;
  }
  return out;
}

export function gridTables(
  text: string,
  caption: (offset: number) => { text: string; start: number } | null,
): { tables: Table[]; ranges: { start: number; end: number }[] } {
  const lines = linesOf(text);
  const tables: Table[] = [];
  const ranges: { start: number; end: number }[] = [];
  // Inside a fenced code block a "+---+" is ASCII art or sample output, not a table.
  const fenced = new Set<number>();
  let fence: string | null = null;
  lines.forEach((l, n) => {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(l.text);
    if (m && (!fence || (m[1] as string)[0] === fence[0])) fence = fence ? null : (m[1] as string);
    else if (fence) fenced.add(n);
  });
  for (let i = 0; i < lines.length; i++) {
    if (fenced.has(i)) continue;
    const first = lines[i] as Line;
    const indent = first.text.length - first.text.trimStart().length;
    if (!BORDER.test(first.text.trim())) continue;
    const edges: number[] = [];
    for (let c = indent; c < first.text.length; c++) if (first.text[c] === "+") edges.push(c);
    let j = i + 1;
    while (j < lines.length && /^[+|]/.test((lines[j] as Line).text.slice(indent))) j++;
    const block = lines.slice(i, j);
    ranges.push({
      start: first.start,
      end: (block.at(-1) as Line).start + (block.at(-1) as Line).text.length,
    });
    const table = readGrid(block, edges, caption);
    if (table) tables.push(table);
    i = j - 1;
  }
  return { tables, ranges };
}

function readGrid(
  block: Line[],
  edges: number[],
  caption: (offset: number) => { text: string; start: number } | null,
): Table | null {
  const width = edges.length - 1;
  if (width < 1) return null;
  // Each row: the content lines between two separators; `open[c]` = column c continues a cell.
  type Pending = { parts: string[]; start: number; end: number; rowStart: number };
  const current: (Pending | null)[] = Array(width).fill(null);
  const rows: { cells: Pending[]; start: number; end: number }[] = [];
  let rowLines: Line[] = [];
  let headerEnd = -1;
  for (const [n, line] of block.entries()) {
    const t = line.text;
    if (n === 0) continue;
    if (t.trimStart().startsWith("+")) {
      if (rowLines.length === 0)
        throw new ExtractError("a grid table has two separators in a row", line.start);
      const rowStart = (rowLines[0] as Line).start;
      const rowEnd = (rowLines.at(-1) as Line).start + (rowLines.at(-1) as Line).text.length;
      for (let c = 0; c < width; c++) {
        const from = (edges[c] as number) + 1;
        const to = edges[c + 1] as number;
        const cell = current[c] ?? { parts: [], start: line.start + from, end: 0, rowStart };
        for (const rl of rowLines) {
          const piece = rl.text.slice(from, to).trim();
          if (piece) cell.parts.push(piece);
          cell.end = rl.start + to;
        }
        if (!current[c]) cell.start = (rowLines[0] as Line).start + from;
        current[c] = cell;
      }
      rows.push({ cells: [...(current as Pending[])], start: rowStart, end: rowEnd });
      // A blank segment under a column: that column's cell goes on into the next row.
      for (let c = 0; c < width; c++) {
        const seg = t.slice((edges[c] as number) + 1, edges[c + 1] as number);
        if (/^[-=]+$/.test(seg)) current[c] = null;
        else if (seg.trim() !== "")
          throw new ExtractError("a grid table's separator is ragged", line.start);
      }
      if (t.includes("=") && headerEnd < 0) headerEnd = rows.length;
      rowLines = [];
    } else {
      if (!t.trimStart().startsWith("|") || t.trimEnd().length !== (edges.at(-1) as number) + 1) {
        throw new ExtractError(
          `a grid table row is ragged (its line is ${t.trimEnd().length} characters wide, the border ${(edges.at(-1) as number) + 1})`,
          line.start,
        );
      }
      rowLines.push(line);
    }
  }
  if (rows.length < 2) return null;
  const toCell = (p: Pending): TableCell => ({
    text: p.parts.join(" "),
    span: { start: p.start, end: p.end },
    rowStart: p.rowStart,
  });
  const headerCount = headerEnd > 0 ? headerEnd : 1;
  const head = rows[headerCount - 1] as (typeof rows)[number];
  const above = caption(block[0]?.start ?? head.start);
  const body: TableRow[] = rows.slice(headerCount).map((r) => ({
    cells: r.cells.map(toCell),
    span: { start: r.start, end: r.end },
  }));
  return {
    header: head.cells.map(toCell),
    headerSpan: { start: above?.start ?? head.start, end: head.end },
    rows: body,
    caption: above?.text ?? "",
  };
}
