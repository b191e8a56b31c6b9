/*
 * Re-basing a refused edit onto the newer revision, field by field (a three-way merge of base,
 * theirs and yours). Fields only they changed take their value; fields only you changed keep
 * yours; fields you both changed, differently, are marked and must be chosen before saving. So a
 * save never undoes a change the maintainer did not see.
 */

/** A stored value as a form field holds it. */
export const asFormValue = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

export type FieldConflict = { field: string; yours: string; theirs: string };

/** The form field that carries the list of fields still to choose. */
export const MUST_CHOOSE = "mustChoose";
/** `choose:<field>` = "yours" | "theirs", sent once a conflicting field has been decided. */
export const chooseKey = (field: string) => `choose:${field}`;
/** `theirs:<field>`: their value of a conflicting field, carried by the form until chosen. */
export const theirsKey = (field: string) => `theirs:${field}`;
const isBookkeeping = (k: string) =>
  k === MUST_CHOOSE || k.startsWith("choose:") || k.startsWith("theirs:");

export function rebase(
  yours: Record<string, string>,
  base: Record<string, unknown>,
  theirs: Record<string, unknown>,
): { values: Record<string, string>; conflicts: FieldConflict[] } {
  const values = Object.fromEntries(Object.entries(yours).filter(([k]) => !isBookkeeping(k)));
  const conflicts: FieldConflict[] = [];
  for (const [field, mine] of Object.entries(values)) {
    // Only what the row stores can have been changed by someone else (not reason, baseRevision…).
    if (!(field in theirs)) continue;
    const b = asFormValue(base[field]);
    const t = asFormValue(theirs[field]);
    if (t === b || t === mine.trim()) continue; // they did not change it, or changed it as you did
    if (mine.trim() === b)
      values[field] = t; // only they changed it
    else {
      conflicts.push({ field, yours: mine, theirs: t });
      values[theirsKey(field)] = t;
    }
  }
  if (conflicts.length > 0) values[MUST_CHOOSE] = conflicts.map((c) => c.field).join(",");
  return { values, conflicts };
}

/**
 * Applies the choices made for the fields a rebase marked; lists those still undecided. What is
 * saved carries none of the bookkeeping fields.
 */
export function applyChoices(values: Record<string, string>): {
  values: Record<string, string>;
  undecided: string[];
} {
  const out = Object.fromEntries(Object.entries(values).filter(([k]) => !isBookkeeping(k)));
  const undecided: string[] = [];
  for (const field of (values[MUST_CHOOSE] ?? "").split(",").filter(Boolean)) {
    const choice = values[chooseKey(field)];
    if (choice === "theirs") out[field] = values[theirsKey(field)] ?? "";
    else if (choice !== "yours") undecided.push(field);
  }
  return { values: out, undecided };
}
