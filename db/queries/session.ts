import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/db";
import {
  isSecureCookie,
  type Maintainer,
  maintainerForToken,
  revokeSession,
  SESSION_COOKIE,
} from "@/db/accounts";
import {
  clientAddressFrom,
  PEER_MARK_HEADER,
  parseTrustedProxies,
  peerMark,
} from "@/db/domain/client-address";

/*
 * The session cookie: HttpOnly, SameSite=Lax, and in production Secure with the __Host- prefix
 * (no Domain, Path=/), so no subdomain or plain-HTTP page can set or read it. OWL_INSECURE_COOKIES=1
 * drops Secure for a production build served over plain HTTP (local browser tests).
 */
const secure = isSecureCookie();

export { SESSION_COOKIE };

export async function currentMaintainer(): Promise<Maintainer | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return maintainerForToken(db, token);
}

export async function setSessionCookie(token: string, expires: Date) {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: "lax",
    path: "/",
    expires,
  });
}

/** Revokes the session server-side (a stolen cookie stops working) and clears the cookie. */
export async function endSession() {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await revokeSession(db, token);
  jar.delete({ name: SESSION_COOKIE, path: "/", secure, httpOnly: true, sameSite: "lax" });
}

const trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);

/**
 * The client's address for rate limiting: the right-most X-Forwarded-For hop that is not one of
 * our TRUSTED_PROXIES (none by default: the socket's peer, which our server appends itself).
 */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return clientAddressFrom(
    h.get("x-forwarded-for"),
    trustedProxies,
    h.get(PEER_MARK_HEADER) === peerMark(),
  );
}

/** For /maintain pages: the signed-in maintainer, or a redirect to sign-in that comes back here. */
export async function requireMaintainerPage(path: string): Promise<Maintainer> {
  const actor = await currentMaintainer();
  if (!actor) redirect(`/maintain/sign-in?next=${encodeURIComponent(path)}`);
  return actor;
}
