"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { getStaffActor } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { keepPatientsApart } from "@/lib/staff/keep-patients-apart";
import { mergePatients } from "@/lib/staff/merge-patients";

const PAGE = "/patients/duplicates";

/** "Same person": the verb checks the role, moves everything to the kept record and audits it. */
export async function mergeDuplicateAction(form: FormData): Promise<void> {
  await settle(
    async (db, actor) =>
      mergePatients(db, actor, { patientId: String(form.get("patientId")), into: String(form.get("into")) }),
    "merged",
  );
}

/** "Different people": the record stays a patient of its own and leaves the list. */
export async function keepApartAction(form: FormData): Promise<void> {
  await settle(async (db, actor) => keepPatientsApart(db, actor, String(form.get("patientId"))), "kept-apart");
}

async function settle(
  run: (
    db: Awaited<ReturnType<typeof getDb>>,
    actor: NonNullable<Awaited<ReturnType<typeof getStaffActor>>>,
  ) => Promise<unknown>,
  done: string,
): Promise<void> {
  const actor = await getStaffActor();
  if (!actor) redirect(`/login?next=${encodeURIComponent(PAGE)}`);
  let result = done;
  try {
    await run(await getDb(), actor);
  } catch (error) {
    if (!(error instanceof DomainError) && !(error instanceof ZodError)) throw error;
    result = "stale";
  }
  revalidatePath(PAGE);
  redirect(`${PAGE}?result=${result}`);
}
