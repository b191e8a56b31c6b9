/** A chart with its caption, a data table (the text alternative) and a CSV of exactly what it plots. */
export function ChartFigure({
  id,
  title,
  caption,
  csvHref,
  missing,
  table,
  children,
}: {
  id: string;
  title: string;
  caption: React.ReactNode;
  csvHref: string;
  missing: string[];
  table: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={`h-${id}`}
      id={id}
      className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <h2 id={`h-${id}`} className="text-lg font-semibold">
        {title}
      </h2>
      <figure className="space-y-2">
        <figcaption className="text-sm text-zinc-700 dark:text-zinc-300">{caption}</figcaption>
        <div className="text-zinc-800 dark:text-zinc-200" data-chart={id}>
          {children}
        </div>
      </figure>
      {missing.length > 0 && missing.length <= 6 ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Not plotted (not stated in sources): {missing.join(", ")}.
        </p>
      ) : null}
      {missing.length > 6 ? (
        // A long list (the fit chart names each model's missing input) stays out of the way.
        <details className="text-xs text-zinc-600 dark:text-zinc-400">
          <summary className="cursor-pointer">
            Not plotted (not stated in sources): {missing.length} models
          </summary>
          <ul className="mt-1 list-disc pl-5">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <details className="w-full">
          <summary className="cursor-pointer">Data table</summary>
          <div className="mt-2 overflow-x-auto">{table}</div>
        </details>
        <a href={csvHref}>Download CSV of this chart</a>
      </div>
    </section>
  );
}
