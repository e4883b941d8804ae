// Finding 9: files under DATA_DIR were world-writable. Whatever the umask, they are now the app user's alone.
import { mkdtempSync, statSync, mkdirSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";
import { outboxMailer } from "@/lib/notifications/mailer";
import { ensurePrivateDirSync } from "./private-files";

const modeOf = (p: string) => statSync(p).mode & 0o777;
let root: string;
let umask: number;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "private-"));
  umask = process.umask(0); // the worst case: nothing masked
});
afterEach(() => {
  process.umask(umask);
});

describe("files under DATA_DIR", () => {
  it("makes directories 0700, and tightens one made earlier world-writable", () => {
    const dir = path.join(root, "a", "b");
    ensurePrivateDirSync(dir);
    expect(modeOf(dir)).toBe(0o700);
    const loose = path.join(root, "loose");
    mkdirSync(loose, { mode: 0o777 });
    expect(modeOf(loose)).toBe(0o777);
    ensurePrivateDirSync(loose);
    expect(modeOf(loose)).toBe(0o700);
  });

  it("writes outbox emails as 0600 files in a 0700 folder", async () => {
    const dir = path.join(root, "outbox");
    const mailer = outboxMailer(dir, "Clinic <clinic@example.com>");
    await mailer.send({
      kind: "confirmation",
      messageId: "<m1@example.com>",
      to: "ana@example.com",
      subject: "Hello",
      text: "Hi",
      html: "<p>Hi</p>",
    });
    mailer.close();
    expect(modeOf(dir)).toBe(0o700);
    const [name] = readdirSync(dir);
    expect(modeOf(path.join(dir, name!))).toBe(0o600);
  });

  it("keeps the embedded database's folder 0700", async () => {
    const dir = path.join(root, "pglite");
    const handle = await openPglite(dir);
    await handle.close();
    expect(modeOf(dir)).toBe(0o700);
  });
});
