import { Feed } from "feed";
import { publicUrl } from "@/app/site-url";
import { CHANGE_VERBS } from "@/components/format";
import { db } from "@/db";
import { listNewModels, listRecentChanges } from "@/db/queries/maintain";
import { groupSourceUpdates, listSourceUpdates } from "@/db/queries/versions";

/**
 * GET /changes/feed.xml — the change log as Atom, for people who watch the catalog: new models
 * first-class (their own entries), then every write, newest first, each linking to what it
 * changed. Built with the `feed` package, so the XML is escaped and well-formed by a library.
 */
export async function GET() {
  const origin = publicUrl();
  const at = (path: string) => new URL(path, origin).toString();
  const [added, changes, updates] = await Promise.all([
    listNewModels(db, 30),
    listRecentChanges(db, 100),
    listSourceUpdates(db, 300).then((u) => groupSourceUpdates(u).slice(0, 30)),
  ]);
  const updated = changes[0]?.createdAt ?? new Date(0);
  const feed = new Feed({
    id: at("/changes"),
    title: "Open Weights Ledger: changes",
    description:
      "New models, new versions of sources and every write to the catalog, from its revision log.",
    link: at("/changes"),
    updated,
    generator: "Open Weights Ledger",
    copyright: "Values quote their sources; see each source for its terms.",
    feedLinks: { atom: at("/changes/feed.xml") },
  });
  for (const m of added)
    feed.addItem({
      id: at(`/models/${m.slug}#added`),
      title: `New in the catalog: ${m.name}${m.status === "announced" ? " (announced, not released)" : ""}`,
      link: at(`/models/${m.slug}`),
      date: m.createdAt,
      description: `${m.name} by ${m.developer}.`,
    });
  for (const u of updates) {
    const r = u.reanchored;
    const which = u.from === u.to ? `version ${u.to}` : `versions ${u.from}–${u.to}`;
    feed.addItem({
      id: at(`/sources/${u.source.slug}?version=${u.to}`),
      title: `Source updated: ${u.source.title}, ${which}`,
      link: at(`/sources/${u.source.slug}?from=${u.from - 1}&to=${u.to}`),
      date: u.createdAt,
      description: [
        u.publishedOn ? `Dated ${u.publishedOn}.` : null,
        u.commit ? `Commit ${u.commit}.` : null,
        r
          ? `Claims citing it: ${r.carried} carried, ${r.moved} moved, ${r.proposed} proposed for review, ${r.orphaned} orphaned.`
          : null,
      ]
        .filter(Boolean)
        .join(" "),
    });
  }
  for (const c of changes) {
    const path =
      c.entityType === "claim"
        ? `/claims/${c.entityId}`
        : c.slug
          ? `/${c.entityType === "model" ? "models" : "sources"}/${c.slug}`
          : "/changes";
    feed.addItem({
      id: at(`/changes#revision-${c.id}`),
      title: `${c.authorName} ${CHANGE_VERBS[c.action] ?? c.action} ${c.entityType} #${c.entityId}${c.label ? `: ${c.label.slice(0, 80)}` : ""}`,
      link: at(path),
      date: c.createdAt,
      description: [
        c.reason,
        c.diff.length ? `Changed: ${c.diff.map((d) => d.field).join(", ")}.` : null,
      ]
        .filter(Boolean)
        .join(" "),
    });
  }
  return new Response(feed.atom1(), {
    headers: { "content-type": "application/atom+xml; charset=utf-8" },
  });
}
