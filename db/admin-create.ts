// `npm run admin:create -- --email a@b.c --name "Ann Admin"` (password from ADMIN_PASSWORD or asked at the prompt).
// A production database gets its first admin this way, never from demo data.
import path from "node:path";
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { z } from "zod";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/security/password";
import { passwordProblem } from "@/lib/security/password-policy";
import { newPasswordSchema } from "@/lib/staff/account-schemas";
import { openPglite, openPostgres } from "./client";
import { migrateEmbedded } from "./migrate-runner";
import { staffUsers } from "./schema";

const input = z
  .object({
    email: z.string().trim().toLowerCase().email("Enter a valid email"),
    name: z.string().trim().min(1, "Enter a name"),
    password: newPasswordSchema,
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(question);
  rl.close();
  return answer;
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
  });
  const parsed = input.safeParse({
    email: values.email ?? (await ask("Email: ")),
    name: values.name ?? (await ask("Name: ")),
    password: values.password ?? process.env.ADMIN_PASSWORD ?? (await ask("Password (12 to 128 characters): ")),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
    process.exit(2);
  }
  const handle = env.DATABASE_URL
    ? openPostgres(env.DATABASE_URL, 1)
    : await openPglite(path.join(env.DATA_DIR, "pglite"));
  if (handle.kind === "pglite") await migrateEmbedded(handle.db);
  const rows = await handle.db
    .insert(staffUsers)
    .values({
      email: parsed.data.email,
      name: parsed.data.name,
      role: "admin",
      passwordHash: await hashPassword(parsed.data.password),
    })
    .onConflictDoNothing()
    .returning({ id: staffUsers.id });
  await handle.close();
  if (rows.length === 0) {
    console.error(`An account for ${parsed.data.email} exists already.`);
    process.exit(1);
  }
  console.log(`Admin ${parsed.data.email} created.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
