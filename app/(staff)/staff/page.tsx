import { redirect } from "next/navigation";
import { getStaffActor } from "@/lib/auth";
import { HOME_FOR_ROLE } from "@/lib/staff/schemas";

/** After sign-in: each role lands on its own home. */
export default async function StaffHome() {
  const actor = await getStaffActor();
  redirect(actor ? HOME_FOR_ROLE[actor.role] : "/login");
}
