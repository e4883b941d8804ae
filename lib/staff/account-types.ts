import type { Actor } from "@/lib/audit/record-audit";

/** A signed-in staff member and the server-side session their cookie names. */
export type SessionActor = Extract<Actor, { kind: "staff" }> & { sessionId: string; email: string };
