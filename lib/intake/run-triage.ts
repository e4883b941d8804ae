import "server-only";
import type { Db } from "@/db/client";
import { triages } from "@/db/schema";
import { triageRequestSchema } from "./schemas";
import { triage, type TriageResult } from "./triage";

/** `POST /api/v1/triage`: decides the route and keeps the result so that a booking can refer to it. */
export async function runTriage(db: Db, rawInput: unknown): Promise<TriageResult & { id: string }> {
  const input = triageRequestSchema.parse(rawInput);
  const result = triage(input.answers, { age: input.age });
  const [row] = await db
    .insert(triages)
    .values({
      answers: input.answers,
      age: input.age ?? null,
      rulesVersion: result.rulesVersion,
      route: result.route,
      result,
    })
    .returning({ id: triages.id });
  return { id: row!.id, ...result };
}
