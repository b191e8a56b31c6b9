import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { pgTable, text } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "@/db/client";
import { readDbEnv } from "@/db/env";

/*
 * Read replicas: two connection strings to the same local server, told apart by their
 * application_name, prove which one each query used.
 */
const { DATABASE_URL } = readDbEnv();
const probe = pgTable("route_probe", {
  app: text("app").notNull().default(sql`current_setting('application_name')`),
});
const whoAmI = sql<string>`current_setting('application_name')`;

describe.skipIf(!DATABASE_URL)("read replicas (Postgres)", () => {
  let handle: DbHandle;
  let admin: postgres.Sql;
  const name = `owl_replica_${randomBytes(5).toString("hex")}`;

  beforeAll(async () => {
    admin = postgres(DATABASE_URL as string, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const at = (app: string) => {
      const u = new URL(DATABASE_URL as string);
      u.pathname = `/${name}`;
      u.searchParams.set("application_name", app);
      return u.toString();
    };
    handle = createDb({
      url: at("owl-primary"),
      replicaUrls: [at("owl-replica")],
      pgliteDir: "",
      max: 2,
    });
    await handle.db.execute(
      sql`create table route_probe (app text not null default current_setting('application_name'))`,
    );
  });
  afterAll(async () => {
    await handle?.close();
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  it("sends reads to the replica", async () => {
    const [row] = await handle.db.select({ app: whoAmI }).from(sql`(select 1) as one`);
    expect(row?.app).toBe("owl-replica");
  });

  it("sends writes and transactions to the primary", async () => {
    const [inserted] = await handle.db.insert(probe).values({}).returning();
    expect(inserted?.app).toBe("owl-primary");
    const inTx = await handle.db.transaction(
      async (tx) => (await tx.select({ app: whoAmI }).from(sql`(select 1) as one`))[0]?.app,
    );
    expect(inTx).toBe("owl-primary");
  });
});

describe("replica configuration", () => {
  it("refuses replicas without a primary in the environment", () => {
    expect(() =>
      readDbEnv({ DATABASE_REPLICA_URLS: "postgres://x/y" } as unknown as NodeJS.ProcessEnv),
    ).toThrow(/needs DATABASE_URL/);
    expect(() =>
      readDbEnv({
        DATABASE_URL: "postgres://a/b",
        DATABASE_REPLICA_URLS: "mysql://x",
      } as unknown as NodeJS.ProcessEnv),
    ).toThrow(/must start with postgres/);
    expect(
      readDbEnv({
        DATABASE_URL: "postgres://a/b",
        DATABASE_REPLICA_URLS: "postgres://r1/b, postgres://r2/b",
      } as unknown as NodeJS.ProcessEnv).DATABASE_REPLICA_URLS,
    ).toEqual(["postgres://r1/b", "postgres://r2/b"]);
  });
});
