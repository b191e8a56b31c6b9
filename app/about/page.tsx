import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "About" };

/* Deliberately free of client components: besides explaining the method, this page is the
   framework floor the JavaScript budgets are measured against. */
export default function AboutPage() {
  return (
    <article className="max-w-3xl space-y-4 text-sm leading-relaxed">
      <h1 className="text-2xl font-semibold tracking-tight">How the ledger works</h1>
      <p>
        Every value in the catalog is a <strong>claim</strong>: what a source says, in its own
        words, with the exact passage and its position in our stored copy of that source. The
        database refuses a claim whose passage is not, character for character, in the source at the
        stated position.
      </p>
      <p>
        Where sources disagree — OpenAI's “117B” and a news report's “roughly 120 billion” — both
        claims are kept. One is ranked <em>preferred</em> (usually the publisher's own figure), with
        the reason written down; the others stay visible. Predictions made before a release are
        marked as forecasts and are never preferred. Numbers we compute, such as weight memory from
        parameters and precision, are labelled <em>derived</em> and show their formula and inputs.
      </p>
      <p>
        Sources are listed on the <Link href="/sources">sources page</Link>; every change is on{" "}
        <Link href="/changes">recent changes</Link>; everything is downloadable as JSON and CSV from
        the <Link href="/">catalog</Link>.
      </p>
    </article>
  );
}
