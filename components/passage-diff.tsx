import { wordPieces } from "@/db/domain/text-diff";
import { VisibleText } from "./visible-text";

/** An old passage against its proposed replacement, word by word. */
export function PassageDiff({ before, after }: { before: string; after: string }) {
  const pieces =
    before === after ? [{ kind: "same" as const, text: before }] : wordPieces(before, after);
  return (
    <span className="whitespace-pre-wrap wrap-anywhere">
      {pieces.map((p, i) =>
        p.kind === "added" ? (
          <ins key={i} className="diff-ins">
            <VisibleText text={p.text} />
          </ins>
        ) : p.kind === "removed" ? (
          <del key={i} className="diff-del">
            <VisibleText text={p.text} />
          </del>
        ) : (
          <VisibleText key={i} text={p.text} />
        ),
      )}
    </span>
  );
}
