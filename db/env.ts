import { z } from "zod";

const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
        message: "DATABASE_URL must start with postgres:// or postgresql://",
      }),
    PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
    /** Comma-separated read replicas; reads are spread over them, writes go to DATABASE_URL. */
    DATABASE_REPLICA_URLS: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? "")
          .split(",")
          .map((u) => u.trim())
          .filter(Boolean),
      )
      .refine((urls) => urls.every((u) => /^postgres(ql)?:\/\//.test(u)), {
        message: "every DATABASE_REPLICA_URLS entry must start with postgres:// or postgresql://",
      }),
  })
  .refine((env) => env.DATABASE_REPLICA_URLS.length === 0 || env.DATABASE_URL, {
    message: "DATABASE_REPLICA_URLS needs DATABASE_URL (the primary) to be set too",
    path: ["DATABASE_REPLICA_URLS"],
  });

export type DbEnv = z.infer<typeof envSchema>;

export function readDbEnv(env: NodeJS.ProcessEnv = process.env): DbEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid database configuration: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
