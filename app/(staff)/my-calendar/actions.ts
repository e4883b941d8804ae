"use server";
// The calendar page's adapter: who is signed in, one verb, then back to the page with the new address.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getStaffActor } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { replaceCalendarSecret } from "@/lib/interop/replace-calendar-secret";

export async function replaceCalendarSecretAction(): Promise<void> {
  const actor = await getStaffActor();
  if (!actor) redirect("/login?next=%2Fmy-calendar");
  await replaceCalendarSecret(await getDb(), actor);
  revalidatePath("/my-calendar");
  redirect("/my-calendar?replaced=1");
}
