import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { newPasswordSchema } from "@/lib/staff/account-schemas";
import { signInSchema } from "@/lib/staff/schemas";
import { passwordProblem } from "./password-policy";

describe("new passwords (NIST SP 800-63B)", () => {
  it("needs 12 to 128 characters, counted as characters, not bytes", () => {
    expect(newPasswordSchema.safeParse("short-pass1").success).toBe(false);
    expect(newPasswordSchema.safeParse("a quiet harbour at dawn").success).toBe(true);
    expect(newPasswordSchema.safeParse("x".repeat(129)).success).toBe(false);
    expect(newPasswordSchema.safeParse("海".repeat(12)).success).toBe(true);
  });
  it("signs in with at most the same 128 characters", () => {
    expect(signInSchema.safeParse({ email: "a@b.co", password: "y".repeat(128) }).success).toBe(true);
    expect(signInSchema.safeParse({ email: "a@b.co", password: "y".repeat(129) }).success).toBe(false);
  });
  it.each([
    "password1234",
    "Password1234",
    "123456789012",
    "qwertyuiop123",
    "passwordpassword",
    "aaaaaaaaaaaaaaaa",
    "ababababababab",
  ])("refuses the common or repetitive %j", (pw) => {
    expect(passwordProblem(pw)).toMatch(/common|guess/);
  });
  it("refuses one that contains the account's own email name", () => {
    expect(passwordProblem("ann.admin-secure-2026", { email: "ann.admin@clinic.example" })).toMatch(/email/);
  });
  it("accepts a long, uncommon passphrase and the demo password", () => {
    expect(passwordProblem("a quiet harbour at dawn")).toBeNull();
    expect(passwordProblem("clinic-demo-2026")).toBeNull();
  });
});

describe("admin:create", () => {
  it("refuses password1234 before touching a database", async () => {
    const run = promisify(execFile);
    const dataDir = mkdtempSync(path.join(tmpdir(), "admin-create-"));
    const result = await run(
      "npx",
      [
        "tsx",
        "--conditions=react-server",
        "db/admin-create.ts",
        "--email",
        "a@b.co",
        "--name",
        "Ann",
        "--password",
        "password1234",
      ],
      {
        env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir },
      },
    ).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/password: .*common/);
  });
});
