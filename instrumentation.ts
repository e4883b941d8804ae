// Runs once when a server process starts: open (and, for the embedded database, migrate and seed) before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDbHandle } = await import("./lib/db");
  const handle = await getDbHandle();
  // the email queue (and, on the embedded database, its worker) starts with the server, never during `next build`
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startNotifications } = await import("./lib/notifications/runtime");
  await startNotifications(handle);
  const { startWaitlist } = await import("./lib/waitlist/runtime");
  await startWaitlist(handle);
}
