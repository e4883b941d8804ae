// Runs once when a server process starts: open (and, for the embedded database, migrate and seed) before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDbHandle } = await import("./db/client");
  await getDbHandle();
}
