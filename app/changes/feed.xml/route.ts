import { Feed } from "feed";
import { publicUrl } from "@/app/site-url";
import { CHANGE_VERBS } from "@/components/format";
import { db } from "@/db";
import { listNewModels, listRecentChanges } from "@/db/queries/maintain";

/**
 * GET /changes/feed.xml — the change log as Atom, for people who watch the catalog: new models
 * first-class (their own entries), then every write, newest first, each linking to what it
 * changed. Built with the `feed` package, so the XML is escaped and well-formed by a library.
 */
export async function GET() {
  const origin = publicUrl();
  const at = (path: string) => new URL(path, origin).toString();
  const [added, changes] = await Promise.all([listNewModels(db, 30), listRecentChanges(db, 100)]);
  const updated = changes[0]?.createdAt ?? new Date(0);
  const feed = new Feed({
    id: at("/changes"),
    title: "Open Weights Ledger: changes",
    description: "New models and every write to the catalog, from its revision log.",
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
