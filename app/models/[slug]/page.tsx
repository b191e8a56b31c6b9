import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Badge, ClaimCard } from "@/components/claim-card";
import { formatDate, subjectLabel } from "@/components/format";
import { HistoryList } from "@/components/history-list";
import { db } from "@/db";
import { estimateWeightMemory } from "@/db/domain/derived";
import { groupClaims } from "@/db/domain/grouping";
import { passageHref } from "@/db/domain/passage-link";
import { listClaimsForModels } from "@/db/queries/claims";
import { getHistory } from "@/db/queries/maintain";
import { getModelWithFamily } from "@/db/queries/models";

type Params = Promise<{ slug: string }>;

// generateMetadata and the page share one load per request.
const load = cache((slug: string) => getModelWithFamily(db, slug));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const found = await load(slug);
  return { title: found ? found.model.name : "Model not found" };
}

export default async function ModelPage({ params }: { params: Params }) {
  const { slug } = await params;
  const found = await load(slug);
  if (!found) notFound();
  const { model, families, members } = found;
  const [all, history] = await Promise.all([
    listClaimsForModels(db, [model.id, ...families.map((f) => f.id)]),
    getHistory(db, "model", model.id),
  ]);
  const mine = all.filter((c) => c.modelId === model.id);
  // Measurement grids (a speed benchmark's memory and speed at each input length and format)
  // read as one table, not dozens of cards; each value still links to its claim and quote.
  const isMeasurement = (c: (typeof mine)[number]) =>
    c.settings !== "" &&
    (c.field === "memory_footprint" || (c.field === "other" && c.label === "inference speed"));
  const measurements = mine.filter(isMeasurement);
  const tabulate = measurements.length > 6;
  const own = tabulate ? mine.filter((c) => !isMeasurement(c)) : mine;
  const inherited = families
    .map((f) => ({ family: f, claims: all.filter((c) => c.modelId === f.id) }))
    .filter((f) => f.claims.length > 0);

  const totalParams = own.find(
    (c) => c.field === "total_params" && c.rank === "preferred" && c.valueNum !== null,
  );
  const formatClaims = own.filter(
    (c) => c.field === "quantization" || c.field === "memory_footprint",
  );
  const estimates = totalParams
    ? estimateWeightMemory(
        { id: totalParams.id, value: totalParams.valueNum as number, text: totalParams.valueText },
        formatClaims.map((c) => ({ id: c.id, text: `${c.valueText} ${c.quote}` })),
      )
    : [];

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <ol className="flex flex-wrap gap-1 text-zinc-600 dark:text-zinc-400">
          <li>
            <Link href="/">Catalog</Link> /
          </li>
          {[...families].reverse().map((f) => (
            <li key={f.slug}>
              <Link href={`/models/${f.slug}`}>{f.name}</Link> /
            </li>
          ))}
          <li aria-current="page">{model.name}</li>
        </ol>
      </nav>
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{model.name}</h1>
        {model.status === "announced" ? (
          <p className="mt-1 text-sm">
            <span className="rounded border border-amber-600 px-1 text-amber-800 dark:border-amber-500 dark:text-amber-300">
              Announced
            </span>{" "}
            A source names this model but says its weights are not released yet: it is not counted
            as a released open-weight model (the release-status claim below cites the passage).
          </p>
        ) : null}
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
          {model.kind === "family" ? "Model family" : "Model"} by {model.developer}.{" "}
          {model.description}
        </p>
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          Added to the catalog{" "}
          <time dateTime={model.createdAt.toISOString()}>
            {formatDate(model.createdAt.toISOString())}
          </time>{" "}
          · its sources last read through the importer{" "}
          <time dateTime={model.checkedAt.toISOString()}>
            {formatDate(model.checkedAt.toISOString())}
          </time>
        </p>
        {members.length > 0 ? (
          <p className="mt-2 text-sm">
            Members:{" "}
            {members.map((m, i) => (
              <span key={m.slug}>
                {i > 0 ? ", " : ""}
                <Link href={`/models/${m.slug}`}>{m.name}</Link>
              </span>
            ))}
          </p>
        ) : null}
        {model.kind === "model" ? (
          <p className="mt-2 text-sm">
            <Link href={`/compare?models=${model.slug}`}>Compare with other models</Link>
            {" · "}
            <Link href={`/models/${model.slug}/memory`}>Memory at your context length</Link>
          </p>
        ) : null}
      </header>

      {own.length === 0 ? (
        <p className="text-sm">No claims are recorded for this entry itself.</p>
      ) : null}
      {groupClaims(own).map((g) => (
        <section key={g.key} aria-labelledby={`h-${g.key}`} className="space-y-2">
          <h2 id={`h-${g.key}`} className="text-lg font-semibold">
            {subjectLabel(g)}{" "}
            {g.claims.length > 1 ? (
              <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
                ({g.claims.length} claims
                {new Set(g.claims.map((c) => c.valueText)).size > 1
                  ? ", worded or valued differently"
                  : ""}
                )
              </span>
            ) : null}
          </h2>
          <div className="grid gap-2 lg:grid-cols-2">
            {g.claims.map((c) => (
              <ClaimCard key={c.id} claim={c} />
            ))}
          </div>
        </section>
      ))}

      {tabulate ? (
        <section aria-labelledby="h-measured" className="space-y-2">
          <h2 id="h-measured" className="text-lg font-semibold">
            Measured memory and speed{" "}
            <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
              ({measurements.length} claims; select a value for its passage)
            </span>
          </h2>
          <div className="overflow-x-auto">
            <table className="text-sm tabular-nums [&_td]:px-2 [&_td]:py-1 [&_th]:px-2 [&_th]:py-1">
              <thead>
                <tr className="text-left">
                  <th scope="col">Measure</th>
                  <th scope="col">Checkpoint</th>
                  <th scope="col">Setup</th>
                  <th scope="col">Value</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {groupClaims(measurements).flatMap((g) =>
                  g.claims.map((c) => (
                    <tr key={c.id} className="border-t border-zinc-200 dark:border-zinc-800">
                      <td>{c.field === "memory_footprint" ? "GPU memory" : "Speed (tokens/s)"}</td>
                      <td>{c.variant || "as named"}</td>
                      <td>{c.settings}</td>
                      <td>
                        <Link href={`/claims/${c.id}`}>{c.valueText}</Link>
                      </td>
                      <td>
                        <Link
                          href={passageHref(
                            c.source.slug,
                            c.id,
                            c.version.number,
                            c.version.newest,
                          )}
                        >
                          {c.source.title}
                        </Link>
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {estimates.length > 0 ? (
        <section aria-labelledby="h-derived" className="space-y-2">
          <h2 id="h-derived" className="text-lg font-semibold">
            Weight memory (derived){" "}
            <Badge className="border-violet-500 text-violet-800 dark:text-violet-300">
              derived
            </Badge>
          </h2>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Not stated by a source: computed from the cited total parameters and each weight format
            the sources name. Weights only: the{" "}
            <Link href={`/models/${model.slug}/memory`}>memory page</Link> adds the key/value cache
            at a context length.
          </p>
          <table className="text-sm">
            <thead>
              <tr className="text-left">
                <th scope="col" className="pr-4">
                  Format
                </th>
                <th scope="col" className="pr-4">
                  Estimate
                </th>
                <th scope="col">Formula and inputs</th>
              </tr>
            </thead>
            <tbody>
              {estimates.map((e) => (
                <tr key={e.format} className="border-t border-zinc-200 dark:border-zinc-800">
                  <td className="py-1 pr-4">{e.format}</td>
                  <td className="py-1 pr-4 font-semibold">
                    {e.range ? `${e.range[0]}–${e.range[1]} GB` : `≈ ${e.gb} GB`}
                  </td>
                  <td className="py-1">
                    {e.formula} — inputs:{" "}
                    <Link href={`/claims/${e.inputs.paramsClaimId}`}>parameters</Link>,{" "}
                    <Link href={`/claims/${e.inputs.formatClaimId}`}>format</Link>
                    {e.inputs.restClaimId ? (
                      <>
                        , <Link href={`/claims/${e.inputs.restClaimId}`}>other tensors</Link>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {inherited.map(({ family, claims }) => (
        <section key={family.slug} aria-labelledby={`h-fam-${family.slug}`} className="space-y-2">
          <h2 id={`h-fam-${family.slug}`} className="text-lg font-semibold">
            Family-level claims: <Link href={`/models/${family.slug}`}>{family.name}</Link>
          </h2>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            These sources speak of the family, not of {model.name} in particular.
          </p>
          {groupClaims(claims).map((g) => (
            <div key={g.key} className="space-y-2">
              <h3 className="font-medium">{subjectLabel(g)}</h3>
              <div className="grid gap-2 lg:grid-cols-2">
                {g.claims.map((c) => (
                  <ClaimCard key={c.id} claim={c} />
                ))}
              </div>
            </div>
          ))}
        </section>
      ))}
      <section aria-labelledby="h-model-history" className="space-y-2">
        <h2 id="h-model-history" className="text-lg font-semibold">
          History of this entry
        </h2>
        <HistoryList entries={history} />
        <p className="text-sm">
          <Link href={`/maintain/models/${model.slug}`}>Edit this entry</Link> (maintainers)
        </p>
      </section>
    </div>
  );
}
