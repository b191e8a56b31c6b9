/** Parameters we could not use, said plainly instead of failing (role=status, read out politely). */
export function NoticeList({ notes, title }: { notes: string[]; title?: string }) {
  if (notes.length === 0) return null;
  return (
    <div
      role="status"
      className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-700 dark:bg-amber-950"
    >
      {title ? <p className="font-medium">{title}</p> : null}
      <ul className="list-disc pl-5">
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
