import { type Piece, wordPieces } from "@/db/domain/text-diff";
import { VisibleText } from "./visible-text";

/** One piece of a difference: an insertion underlined, a deletion struck through, or as is. */
export function DiffPiece({ piece }: { piece: Piece }) {
  if (piece.kind === "added")
    return (
      <ins className="diff-ins">
        <VisibleText text={piece.text} />
      </ins>
    );
  if (piece.kind === "removed")
    return (
      <del className="diff-del">
        <VisibleText text={piece.text} />
      </del>
    );
  return <VisibleText text={piece.text} />;
}

/** An old passage against its proposed replacement, word by word. */
export function PassageDiff({ before, after }: { before: string; after: string }) {
  const pieces: Piece[] =
    before === after ? [{ kind: "same", text: before }] : wordPieces(before, after);
  return (
    <span className="whitespace-pre-wrap wrap-anywhere">
      {pieces.map((p, i) => (
        <DiffPiece key={i} piece={p} />
      ))}
    </span>
  );
}
