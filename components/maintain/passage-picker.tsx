"use client";

import { codePointLength } from "@/db/domain/quote";

/**
 * The stored source text; selecting a passage with the mouse or keyboard copies it into the
 * form's quote field and records where it was (so a passage that occurs twice is unambiguous).
 */
export function PassagePicker({ text, formId }: { text: string; formId: string }) {
  const pick = () => {
    const sel = window.getSelection();
    const box = document.getElementById(`${formId}-passage`);
    if (!sel || sel.rangeCount === 0 || !box || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    if (!box.contains(range.startContainer)) return;
    const before = document.createRange();
    before.setStart(box, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const form = document.getElementById(formId);
    const quote = form?.querySelector<HTMLTextAreaElement>("[name=quote]");
    const near = form?.querySelector<HTMLInputElement>("[name=near]");
    if (quote) quote.value = sel.toString();
    if (near) near.value = String(codePointLength(before.toString()));
  };
  return (
    <section aria-labelledby={`${formId}-passage-h`} className="space-y-1">
      <h2 id={`${formId}-passage-h`} className="text-sm font-semibold">
        Source text — select the passage that states the value
      </h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: selection is read on mouse and key release; the text stays plain, readable text. */}
      <div
        id={`${formId}-passage`}
        onMouseUp={pick}
        onKeyUp={pick}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe: scrollable-region-focusable), and a keyboard selection then works too.
        tabIndex={0}
        className="max-h-96 overflow-y-auto rounded border border-zinc-300 p-3 text-sm leading-relaxed whitespace-pre-wrap wrap-anywhere dark:border-zinc-700"
      >
        {text}
      </div>
    </section>
  );
}
