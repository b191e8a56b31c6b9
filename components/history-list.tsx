import type { FieldDiff } from "@/db/domain/result";
import { formatDateTime } from "./format";

export type HistoryEntry = {
  revision: number;
  action: string;
  authorName: string;
  createdAt: Date;
  reason: string | null;
  diff: FieldDiff[];
};

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

/** Revisions newest first, each with what it changed (created entries list no diff). */
export function HistoryList({
  entries,
  renderAction,
}: {
  entries: HistoryEntry[];
  renderAction?: (e: HistoryEntry) => React.ReactNode;
}) {
  return (
    <ol className="space-y-3 text-sm">
      {entries.map((e) => (
        <li key={e.revision} className="rounded border border-zinc-200 p-2 dark:border-zinc-800">
          <p>
            <strong>Revision {e.revision}</strong> — {e.action} by {e.authorName},{" "}
            {formatDateTime(e.createdAt)}
            {e.reason ? (
              <span className="text-zinc-700 dark:text-zinc-300"> — “{e.reason}”</span>
            ) : null}
          </p>
          {e.action !== "create" && e.diff.length > 0 ? (
            <table className="mt-1 w-full text-xs">
              <caption className="sr-only">Changes in revision {e.revision}</caption>
              <thead>
                <tr className="text-left">
                  <th scope="col" className="pr-2">
                    Field
                  </th>
                  <th scope="col" className="pr-2">
                    Before
                  </th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {e.diff.map((d) => (
                  <tr key={d.field} className="align-top">
                    <th scope="row" className="pr-2 text-left font-mono font-normal">
                      {d.field}
                    </th>
                    <td className="pr-2 break-all">
                      <del className="text-red-800 dark:text-red-300">{show(d.before)}</del>
                    </td>
                    <td className="break-all">
                      <ins className="text-emerald-800 no-underline dark:text-emerald-300">
                        {show(d.after)}
                      </ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {renderAction?.(e)}
        </li>
      ))}
    </ol>
  );
}
