import { it } from "vitest";
import { createTestDb } from "@/lib/testing/test-db";
import { openNotificationQueue } from "./queue";
it("timing", async () => {
  for (let i = 0; i < 3; i++) {
    let t = Date.now();
    const handle = await createTestDb();
    console.log("TIMING db", Date.now() - t); t = Date.now();
    const q = await openNotificationQueue({ db: handle.db, kind: handle.kind });
    console.log("TIMING queue", Date.now() - t); t = Date.now();
    await q.close(); await handle.close();
  }
});
