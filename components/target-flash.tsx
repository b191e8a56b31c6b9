"use client";

import { useEffect } from "react";

/**
 * Arriving at /sources/x#claim-12 scrolls there natively; this also marks every highlight that
 * belongs to claim 12 so it flashes (passages can be split into several runs by overlaps).
 */
export function TargetFlash() {
  useEffect(() => {
    const mark = () => {
      const m = /^#claim-(\d+)$/.exec(window.location.hash);
      for (const el of document.querySelectorAll("mark.cited.is-target"))
        el.classList.remove("is-target");
      if (!m) return;
      for (const el of document.querySelectorAll<HTMLElement>("mark.cited[data-claims]")) {
        if (el.dataset.claims?.split(" ").includes(m[1] as string)) el.classList.add("is-target");
      }
    };
    mark();
    window.addEventListener("hashchange", mark);
    return () => window.removeEventListener("hashchange", mark);
  }, []);
  return null;
}
