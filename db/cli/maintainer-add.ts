/*
 * npm run maintainer:add -- <name>
 * Prompts for the password twice (hidden) on a terminal, or reads it from standard input.
 * There is no public sign-up: this is the only way to create a maintainer.
 */
import { createInterface } from "node:readline";
import { z } from "zod";
import { createMaintainer, maintainerNameSchema, passwordSchema } from "../accounts";
import { dbHandle } from "../index";

async function readHidden(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let prompted = false;
  out._writeToOutput = (s: string) => {
    if (!prompted) {
      out.output.write(s);
      prompted = true;
    }
  };
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

async function readStdin(): Promise<string> {
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return data.replace(/\r?\n$/, "");
}

async function main() {
  const name = maintainerNameSchema.safeParse(process.argv[2] ?? "");
  if (!name.success)
    throw new Error(`usage: npm run maintainer:add -- <name>  (${z.prettifyError(name.error)})`);
  let password: string;
  if (process.stdin.isTTY) {
    password = await readHidden("Password: ");
    if ((await readHidden("Repeat password: ")) !== password)
      throw new Error("The passwords do not match.");
  } else {
    password = await readStdin();
  }
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new Error(`Password: ${z.prettifyError(checked.error)}`);
  const m = await createMaintainer(dbHandle.db, name.data, password);
  console.log(`maintainer ${m.name} created (id ${m.id})`);
}

try {
  await main();
} catch (err) {
  const e = err as { message: string; cause?: { code?: string } };
  console.error(
    e.cause?.code === "23505" ? "A maintainer with that name exists already." : e.message,
  );
  process.exitCode = 1;
} finally {
  await dbHandle.close();
}
