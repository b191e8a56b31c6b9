/** The one result shape of every maintainer write (server actions return it as is). */
export type FieldDiff = { field: string; before: unknown; after: unknown };

export type Change = {
  revision: number;
  action: string;
  authorName: string;
  createdAt: string;
  reason: string | null;
  diff: FieldDiff[];
};

export type Conflict = {
  currentRevision: number;
  changes: Change[];
  /** The row at the revision the form started from, and as it is now (for the three-way re-base). */
  base?: Record<string, unknown> | null;
  theirs?: Record<string, unknown> | null;
};

export type ActionResult<T = void> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      fieldErrors?: Record<string, string[]>;
      conflict?: Conflict;
      /** What was submitted, so the form can show it again: nothing typed is lost. */
      values?: Record<string, string>;
      /** A checkbox the form must show: ticking it confirms what the error warns about. */
      confirm?: { name: string; label: string };
    };

/** Fields worth showing in a diff: bookkeeping columns change on every write and say nothing. */
const IGNORED = new Set(["updatedAt", "createdAt", "revision", "id", "textSha256", "authorId"]);

export function diffSnapshots(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): FieldDiff[] {
  const b = before ?? {};
  const a = after;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !IGNORED.has(k));
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => ({ field: k, before: b[k] ?? null, after: a[k] ?? null }));
}
