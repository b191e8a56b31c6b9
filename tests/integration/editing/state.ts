import type { Db } from "@/db/client";

/** What the harness's mocks read: the file's database, the cookie jar, the client's address. */
export const state = {
  db: null as unknown as Db,
  cookies: new Map<string, string>(),
  address: "203.0.113.7",
};
