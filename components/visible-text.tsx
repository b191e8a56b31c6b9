/*
 * Quotes stay verbatim, so a passage may hold characters that change how it displays without
 * being seen (zero-width, or direction-changing like U+202E, which can make "fdp.exe" read as
 * "exe.pdf"). These render each such character as a visible, named marker instead, and say so.
 */
import { BIDI_CONTROLS, HIDDEN_CHARACTERS, splitHidden } from "@/db/domain/rules";

export function VisibleText({ text }: { text: string }) {
  if (!HIDDEN_CHARACTERS.test(text)) return text;
  return splitHidden(text).map((p, i) =>
    "text" in p ? (
      p.text
    ) : (
      <abbr
        // Parts of one fixed string never move: the index is their identity.
        key={i}
        title={`${p.code} ${p.name}`}
        className="hidden-char"
      >
        ⟨{p.code}⟩
      </abbr>
    ),
  );
}

/** A note under a passage that contains hidden characters; nothing otherwise. */
export function HiddenCharacterNote({ text }: { text: string }) {
  if (!HIDDEN_CHARACTERS.test(text)) return null;
  return (
    <p role="note" className="mt-1 text-xs text-amber-800 dark:text-amber-300">
      {BIDI_CONTROLS.test(text)
        ? "This passage contains direction-changing characters, shown as ⟨U+…⟩ markers."
        : "This passage contains invisible characters, shown as ⟨U+…⟩ markers."}
    </p>
  );
}
