import { type ClaimField, claimFields } from "../schema";

// claimFields is declared in reading order: sizes, architecture, license, …, benchmarks, other.
const FIELD_ORDER: readonly ClaimField[] = claimFields;

type Groupable = { field: ClaimField; label: string; settings: string };

/** Claims grouped by what they state (field + label + settings), in a stable reading order. */
export function groupClaims<T extends Groupable>(
  claims: T[],
): { key: string; field: ClaimField; label: string; settings: string; claims: T[] }[] {
  const groups = new Map<
    string,
    { key: string; field: ClaimField; label: string; settings: string; claims: T[] }
  >();
  for (const c of claims) {
    const key = `${c.field}|${c.label}|${c.settings}`;
    const g = groups.get(key) ?? {
      key,
      field: c.field,
      label: c.label,
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
      a.settings.localeCompare(b.settings),
  );
}
