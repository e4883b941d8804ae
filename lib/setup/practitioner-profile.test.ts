// A practitioner's public profile: the admin sets it (audited, validated field by field), patients read only it.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { listPractitioners } from "@/lib/catalog/list-practitioners";
import { ValidationFailed } from "@/lib/errors";
import { listAvailability } from "@/lib/scheduling/list-availability";
import { listNextFree } from "@/lib/scheduling/list-next-free";
import { addStaff, bookOnline, errorOf, setUpReceptionTests } from "@/lib/staff/testing/reception";
import { TEST_NOW } from "@/lib/testing/factories";
import { createPractitioner } from "./create-practitioner";
import { updatePractitioner } from "./update-practitioner";

let db: Db;
setUpReceptionTests((t) => ({ db } = t));
const admin = () => addStaff(db, "admin", "Manager");
const profile = {
  qualifications: "BPhty (Hons), MSportsPhysio",
  ahpraNumber: "phy0001234567",
  bio: "Amy treats runners. She also teaches Pilates.",
};

/** The field paths a refused input names. */
async function refusedFields(p: Promise<unknown>): Promise<string[]> {
  const e = await errorOf(p);
  if (e instanceof ZodError) return e.issues.map((i) => i.path.join("."));
  if (e instanceof ValidationFailed) return Object.keys(e.fields ?? {});
  throw new Error(`expected a validation error, got ${String(e)}`);
}

describe("practitioner profiles", () => {
  it("the admin saves qualifications, AHPRA number and bio, with an audit row, and patients see them", async () => {
    const manager = await admin();
    const { practitioner } = await updatePractitioner(db, manager, "amy", profile, TEST_NOW);
    expect(practitioner).toMatchObject({ ...profile, ahpraNumber: "PHY0001234567" });
    const [row] = await db.select().from(auditLog).where(eq(auditLog.action, "setup.practitioner.update"));
    expect(row!.detail).toMatchObject({
      before: { ahpraNumber: null, photo: null, qualifications: "" },
      after: { ahpraNumber: "PHY0001234567", photo: null, qualifications: profile.qualifications },
    });
    const amy = (await listPractitioners(db)).find((p) => p.slug === "amy")!;
    expect(amy).toMatchObject({ ...profile, ahpraNumber: "PHY0001234567" });
    // only the public profile: no account, email or activity flag
    expect(Object.keys(amy).sort()).toEqual(
      ["ahpraNumber", "bio", "discipline", "locations", "name", "photo", "qualifications", "slug", "title"].sort(),
    );
  });

  it("a blank field clears it; an absent one leaves it", async () => {
    const manager = await admin();
    await updatePractitioner(db, manager, "amy", profile, TEST_NOW);
    const { practitioner } = await updatePractitioner(db, manager, "amy", { qualifications: "", name: "Amy Adams" });
    expect(practitioner).toMatchObject({ qualifications: "", ahpraNumber: "PHY0001234567", name: "Amy Adams" });
  });

  it("refuses an AHPRA number not in the register's format, beside that field", async () => {
    const manager = await admin();
    for (const bad of ["PHY123", "1234567890123", "PH0001234567", "PHY00012345678", "PHY-0001234567"])
      expect(await refusedFields(updatePractitioner(db, manager, "amy", { ahpraNumber: bad }))).toEqual([
        "ahpraNumber",
      ]);
  });

  it("two practitioners cannot share an AHPRA number", async () => {
    const manager = await admin();
    await updatePractitioner(db, manager, "amy", { ahpraNumber: "PHY0001234567" });
    expect(await refusedFields(updatePractitioner(db, manager, "bob", { ahpraNumber: "PHY0001234567" }))).toEqual([
      "ahpraNumber",
    ]);
    const created = createPractitioner(db, manager, {
      slug: "cat",
      name: "Cat Chu",
      discipline: "sports-physio",
      ahpraNumber: "PHY0001234567",
      locations: ["test-clinic"],
    });
    expect(await refusedFields(created)).toEqual(["ahpraNumber"]);
  });

  it("each practitioner's next free time is their first free slot, as the public availability gives it", async () => {
    const window = { location: "test-clinic", service: "physio-initial", from: "2026-11-30", to: "2026-12-06" };
    const before = await listNextFree(
      db,
      { location: "test-clinic", service: "physio-initial", practitioners: ["amy", "bob"] },
      TEST_NOW,
    );
    const { slots } = await listAvailability(db, window, TEST_NOW);
    for (const p of ["amy", "bob"]) expect(before.get(p)).toBe(slots.find((s) => s.practitioner === p)!.start);
    // booking Amy's first free time moves her next free time on
    await bookOnline(db, "amy", before.get("amy")!);
    const after = await listNextFree(
      db,
      { location: "test-clinic", service: "physio-initial", practitioners: ["amy"] },
      TEST_NOW,
    );
    expect(Date.parse(after.get("amy")!)).toBeGreaterThan(Date.parse(before.get("amy")!));
  });
});
