import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EditForm } from "@/components/maintain/edit-form";
import { currentMaintainer } from "@/db/queries/session";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Maintainer sign-in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  if (await currentMaintainer()) redirect("/maintain");
  const sp = await searchParams;
  const next =
    typeof sp.next === "string" && sp.next.startsWith("/maintain") ? sp.next : "/maintain";
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
      <EditForm
        action={signInAction}
        submitLabel="Sign in"
        successMessage="Signed in."
        fields={[
          { name: "name", label: "Name", required: true, wide: true },
          { name: "password", label: "Password", type: "password", required: true, wide: true },
          { name: "next", label: "", type: "hidden", defaultValue: next },
        ]}
      />
    </div>
  );
}
