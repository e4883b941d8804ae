// Sign-in throttling lives in the verb itself, so it holds whatever body type the credentials came in.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { RateLimited } from "@/lib/errors";
import { hashPassword } from "@/lib/security/password";
import { createTestDb } from "@/lib/testing/test-db";
import { MAX_ATTEMPTS_PER_ACCOUNT, signIn } from "./sign-in";

const PASSWORD = "correct horse battery staple";
let handle: DbHandle;
let db: Db;

beforeEach(async () => {
  handle = await createTestDb();
  db = handle.db;
  await db
    .insert(staffUsers)
    .values({ email: "ann@test.clinic", name: "Ann Admin", role: "admin", passwordHash: await hashPassword(PASSWORD) });
});
afterEach(async () => handle.close());

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe("signIn throttling", () => {
  it("signs in with the right password", async () => {
    expect(await signIn(db, { email: "Ann@Test.Clinic", password: PASSWORD }, "203.0.113.1")).toMatchObject({
      email: "ann@test.clinic",
      role: "admin",
    });
  });

  it("refuses even the right password after five failures for the account, from any address", async () => {
    for (let i = 0; i < 5; i++)
      expect(
        await signIn(db, { email: "ann@test.clinic", password: `wrong-${i}-password` }, `203.0.113.${i}`),
      ).toBeNull();
    const error = await refusal(signIn(db, { email: "ann@test.clinic", password: PASSWORD }, "198.51.100.9"));
    expect(error).toBeInstanceOf(RateLimited);
  });

  it("lets only a few parallel guesses at one account through, however they arrive", async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        refusal(signIn(db, { email: "ann@test.clinic", password: `guess-${i}-password` }, `192.0.2.${i}`)),
      ),
    );
    const checked = results.filter((r) => !(r instanceof RateLimited)).length;
    expect(checked).toBeLessThanOrEqual(MAX_ATTEMPTS_PER_ACCOUNT);
    expect(results.filter((r) => r instanceof RateLimited).length).toBeGreaterThanOrEqual(
      25 - MAX_ATTEMPTS_PER_ACCOUNT,
    );
  });

  it("refuses one address after many failures across accounts", async () => {
    for (let i = 0; i < 30; i++)
      await signIn(db, { email: `nobody-${i}@test.clinic`, password: "whatever-password" }, "203.0.113.50");
    expect(await refusal(signIn(db, { email: "ann@test.clinic", password: PASSWORD }, "203.0.113.50"))).toBeInstanceOf(
      RateLimited,
    );
    expect(await signIn(db, { email: "ann@test.clinic", password: PASSWORD }, "203.0.113.51")).not.toBeNull();
  });
});
