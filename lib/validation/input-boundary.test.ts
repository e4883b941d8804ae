// Finding 9: inputs that used to reach Postgres and come back as a 500. Each must be a clean validation error (422).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Db, DbHandle } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { bookAppointment } from "@/lib/scheduling/book-appointment";
import { createBookingSchema, patientDetailsSchema } from "@/lib/scheduling/schemas";
import { listAvailability } from "@/lib/scheduling/list-availability";
import { searchPatients } from "@/lib/staff/search-patients";
import { bookingBody, createMiniClinic, patientDetails, TEST_NOW } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";
import { isPlainText } from "./text";

let handle: DbHandle;
let db: Db;
beforeEach(async () => {
  handle = await createTestDb();
  db = handle.db;
  await createMiniClinic(db);
});
afterEach(async () => handle.close());

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe(`input at the boundary (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("refuses availability for dates past the supported range", async () => {
    const q = { location: "test-clinic", service: "physio-initial", from: "9999-12-01", to: "9999-12-31" };
    const error = await errorOf(listAvailability(db, q, TEST_NOW));
    expect(error).toBeInstanceOf(ZodError);
    expect(
      await errorOf(listAvailability(db, { ...q, from: "0001-01-01", to: "0001-01-02" }, TEST_NOW)),
    ).toBeInstanceOf(ZodError);
  });

  it("refuses a NUL character in a booking's name, and anything else that is not a name", async () => {
    for (const firstName of [
      "An\u0000a",
      "Ana\u0007",
      "Ana\nLee",
      "Call 02 9999 0000",
      "Visit https://evil.example",
      "<b>Ana</b>",
      "Ana: your account is locked",
      "--",
      "\ud800",
    ]) {
      const error = await errorOf(
        bookAppointment(db, { kind: "anonymous" }, bookingBody({ patient: patientDetails({ firstName }) }), {
          now: TEST_NOW,
        }),
      );
      expect(error, JSON.stringify(firstName)).toBeInstanceOf(ZodError);
    }
  });

  it("accepts names in any script, with hyphens, apostrophes and full stops", () => {
    for (const name of [
      "Ana",
      "Zoë",
      "O'Brien",
      "O’Brien",
      "Mary-Jane",
      "St. John",
      "José María",
      "Nguyễn",
      "李",
      "Аня",
      "अनु",
      "محمد",
    ]) {
      expect(patientDetailsSchema.shape.firstName.safeParse(name).success, name).toBe(true);
    }
  });

  it("refuses control characters in notes but keeps line breaks", () => {
    expect(createBookingSchema.safeParse(bookingBody({ notes: "left knee\nsince May" })).success).toBe(true);
    expect(createBookingSchema.safeParse(bookingBody({ notes: "left knee\u0000" })).success).toBe(false);
  });

  it("refuses NUL characters in a staff patient search", async () => {
    const [admin] = await db
      .insert(staffUsers)
      .values({ email: "admin@test.clinic", name: "Admin", role: "admin", passwordHash: "x" })
      .returning();
    const actor = { kind: "staff", userId: admin!.id, role: "admin", practitionerId: null, name: "Admin" } as const;
    expect(await errorOf(searchPatients(db, actor, { q: "\u0000\u0000" }))).toBeInstanceOf(ZodError);
  });

  it("tells plain text from control characters", () => {
    expect(isPlainText("Ana Lee")).toBe(true);
    expect(isPlainText("a\tb")).toBe(false);
    expect(isPlainText("a\tb\r\nc", true)).toBe(true);
    expect(isPlainText("a\u0000b", true)).toBe(false);
    expect(isPlainText("a\u009bb", true)).toBe(false);
    expect(isPlainText("😀")).toBe(true);
  });
});
