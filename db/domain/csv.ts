type CsvCell = string | number | null;

/** RFC 4180 lines (each ending CRLF). Cells are written verbatim (quotes must stay exact), quoted when needed. */
export function csvLines(rows: CsvCell[][]): string {
  const cell = (v: CsvCell) => {
    if (v === null) return "";
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return rows.map((r) => `${r.map(cell).join(",")}\r\n`).join("");
}

/** A whole RFC 4180 CSV document. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return csvLines([header, ...rows]);
}
