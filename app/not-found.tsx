import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-xl space-y-3 py-10">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-sm">There is no model, claim or source at this address.</p>
      <p className="text-sm">
        <Link href="/">Back to the catalog</Link> · <Link href="/sources">All sources</Link>
      </p>
    </div>
  );
}
