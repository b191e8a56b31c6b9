import { plainPage } from "@/app/_proxy/plain-page";
import { attemptSignIn, safeNext } from "../sign-in";

/*
 * The sign-in form's target without JavaScript: a plain POST answered in plain HTTP. Success and a
 * wrong password redirect (303) back into the app; a limit answers 429, a full hash queue 503,
 * each with Retry-After.
 */
export async function POST(request: Request) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response("The sign-in form could not be read.", { status: 400 });
  }
  const outcome = await attemptSignIn(form);
  const back = (params: Record<string, string>) =>
    new URL(`/maintain/sign-in?${new URLSearchParams(params)}`, request.url);
  if (outcome.ok) return redirect(new URL(outcome.next, request.url));
  if (outcome.reason === "limited" || outcome.reason === "busy") {
    const status = outcome.reason === "limited" ? 429 : 503;
    return new Response(
      plainPage("Sign-in refused for now", outcome.error, "/maintain/sign-in", "Back to sign-in"),
      {
        status,
        headers: {
          "content-type": "text/html; charset=utf-8",
          "retry-after": String(outcome.retryAfterSeconds),
          "cache-control": "no-store",
        },
      },
    );
  }
  const name = String(form.get("name") ?? "").slice(0, 100);
  return redirect(back({ failed: outcome.reason, name, next: safeNext(form.get("next")) }));
}

function redirect(to: URL) {
  return new Response(null, { status: 303, headers: { location: to.pathname + to.search } });
}
