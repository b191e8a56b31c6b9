import type { DiffView } from "@/db/domain/text-diff";
import { DiffPiece } from "./passage-diff";
import { VisibleText } from "./visible-text";

/** Two versions' difference as text: deletions struck through, insertions underlined. */
export function VersionDiff({ diff }: { diff: DiffView | null }) {
  if (!diff)
    return (
      <p role="status" className="text-sm">
        These two versions are too different to compare here in reasonable time: open each version
        and compare them side by side.
      </p>
    );
  if (diff.added === 0 && diff.removed === 0)
    return <p className="text-sm">The two versions are identical.</p>;
  return (
    <>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {diff.removed.toLocaleString("en-US")} characters removed (
        <del className="diff-del">struck through</del>), {diff.added.toLocaleString("en-US")} added
        (<ins className="diff-ins">underlined</ins>); long unchanged stretches are shortened.
      </p>
      <div className="max-w-4xl rounded-lg border border-zinc-200 p-4 text-sm leading-relaxed whitespace-pre-wrap wrap-anywhere dark:border-zinc-800">
        {diff.pieces.map((p, i) =>
          p.cut ? (
            <span key={i}>
              <VisibleText text={p.cut.before} />
              <span className="my-1 block text-xs text-zinc-500 italic dark:text-zinc-400">
                [{p.cut.skipped.toLocaleString("en-US")} unchanged characters]
              </span>
              <VisibleText text={p.cut.after} />
            </span>
          ) : (
            <DiffPiece key={i} piece={p} />
          ),
        )}
      </div>
    </>
  );
}
