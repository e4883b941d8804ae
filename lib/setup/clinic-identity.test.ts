// Emails take the group's identity from the admin's settings at the moment they are sent, the environment until then.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { clinicSettings } from "@/db/schema";
import { env } from "@/lib/env";
import { createTestDb } from "@/lib/testing/test-db";
import { readClinicIdentity, senderOf } from "./clinic-identity";

let h: DbHandle;
beforeEach(async () => {
  h = await createTestDb();
});
afterEach(async () => h.close());

describe("readClinicIdentity", () => {
  it("falls back to the environment until an admin saves the group's details, then uses the saved ones", async () => {
    expect(await readClinicIdentity(h.db)).toMatchObject({
      name: env.CLINIC_NAME,
      phone: env.CLINIC_PHONE,
      configured: false,
    });
    await h.db.insert(clinicSettings).values({
      name: "Bayside Physio",
      phone: "(03) 9000 1000",
      senderEmail: "hello@bayside.example",
      publicBaseUrl: "https://book.bayside.example",
    });
    const identity = await readClinicIdentity(h.db);
    expect(identity).toMatchObject({
      name: "Bayside Physio",
      publicBaseUrl: "https://book.bayside.example",
      configured: true,
    });
    expect(senderOf(identity)).toBe("Bayside Physio <hello@bayside.example>");
  });

  it("keeps a second settings row out (one row, id 1)", async () => {
    await expect(h.db.insert(clinicSettings).values({ id: 2, name: "Other" })).rejects.toMatchObject({
      cause: { code: "23514" },
    });
  });
});
