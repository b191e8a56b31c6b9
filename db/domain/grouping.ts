import { type ClaimField, claimFields } from "../schema";

// claimFields is declared in reading order: sizes, architecture, license, …, benchmarks, other.
const FIELD_ORDER: readonly ClaimField[] = claimFields;

type Groupable = {
  field: ClaimField;
  label: string;
  variant: string;
  condition: string;
  settings: string;
};

export type ClaimGroup<T> = Groupable & { key: string; claims: T[] };

/**
 * Claims grouped by what they are about (field, label, variant, condition, settings: the same
 * key as db/domain/comparison.ts), in a stable reading order.
 */
export function groupClaims<T extends Groupable>(claims: T[]): ClaimGroup<T>[] {
  const groups = new Map<string, ClaimGroup<T>>();
  for (const c of claims) {
    const key = [c.field, c.label, c.variant, c.condition, c.settings].join("|");
    const g = groups.get(key) ?? {
      key,
      field: c.field,
      label: c.label,
      variant: c.variant,
      condition: c.condition,
      settings: c.settings,
      claims: [],
    };
    g.claims.push(c);
    groups.set(key, g);
  }
  return [...groups.values()].sort(
    (a, b) =>
      FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field) ||
      a.label.localeCompare(b.label) ||
      a.variant.localeCompare(b.variant) ||
      a.condition.localeCompare(b.condition) ||
      // "input length 6144" before "input length 14336".
      a.settings.localeCompare(b.settings, "en", { numeric: true }),
  );
}
