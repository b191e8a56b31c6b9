import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EditForm } from "@/components/maintain/edit-form";
import { MISMATCH_MESSAGE } from "@/db/accounts";
import { currentMaintainer } from "@/db/queries/session";
import { signInAction } from "../actions";
import { INVALID_MESSAGE, safeNext } from "./sign-in";

export const metadata: Metadata = { title: "Maintainer sign-in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  if (await currentMaintainer()) redirect("/maintain");
  const sp = await searchParams;
  const next = safeNext(sp.next);
  // A refusal of the form posted without JavaScript comes back here (./submit/route.ts).
  const failed =
    sp.failed === "mismatch" ? MISMATCH_MESSAGE : sp.failed === "invalid" ? INVALID_MESSAGE : null;
  const name = typeof sp.name === "string" ? sp.name.slice(0, 100) : "";
  return (
    <div className="max-w-md space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Maintainer sign-in</h1>
      {sp.signedOut ? (
        <p role="status" className="text-sm">
          You are signed out. Your session has been revoked on the server.
        </p>
      ) : null}
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Only maintainers can change the catalog. There is no public sign-up: accounts are created
        with <code>npm run maintainer:add</code>.
      </p>
      {failed ? (
        <p
          role="alert"
          className="rounded border border-red-500 bg-red-50 px-3 py-2 text-sm dark:bg-red-950"
        >
          {failed}
        </p>
      ) : null}
      <EditForm
        action={signInAction}
        noScriptAction="/maintain/sign-in/submit"
        submitLabel="Sign in"
        successMessage="Signed in."
        fields={[
          { name: "name", label: "Name", required: true, wide: true, defaultValue: name },
          { name: "password", label: "Password", type: "password", required: true, wide: true },
          { name: "next", label: "", type: "hidden", defaultValue: next },
        ]}
      />
    </div>
  );
}
