import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { services } from "@/db/schema";
import { createMiniClinic } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";
import { listServices } from "./list-services";

let h: DbHandle;
beforeEach(async () => {
  h = await createTestDb();
  await createMiniClinic(h.db);
});
afterEach(async () => h.close());

describe("listServices: fee and cancellation window (GET /api/v1/services)", () => {
  it("gives each service its fee in cents (null when unset, 0 when bulk billed) and its window in hours", async () => {
    await h.db
      .update(services)
      .set({ feeCents: 9500, cancellationWindowHours: 48 })
      .where(eq(services.slug, "physio-initial"));
    await h.db.update(services).set({ feeCents: 0 }).where(eq(services.slug, "pilates-class"));
    const bySlug = new Map((await listServices(h.db)).map((s) => [s.slug, s]));
    expect(bySlug.get("physio-initial")).toMatchObject({ feeCents: 9500, cancellationWindowHours: 48 });
    expect(bySlug.get("pilates-class")).toMatchObject({ feeCents: 0, cancellationWindowHours: 24 });
    expect(bySlug.get("shockwave")).toMatchObject({ feeCents: null, cancellationWindowHours: 24 });
  });

  it("refuses a negative fee in the database itself", async () => {
    await expect(
      h.db.update(services).set({ feeCents: -1 }).where(eq(services.slug, "shockwave")),
    ).rejects.toMatchObject({ cause: { code: "23514" } });
  });
});
