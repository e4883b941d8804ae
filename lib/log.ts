// Logs carry what went wrong where, never request bodies, SQL parameters or clinical detail.
export function logError(scope: string, error: unknown): void {
  const e = error as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } };
  const code = e?.code ?? e?.cause?.code;
  console.error(
    JSON.stringify({
      level: "error",
      scope,
      name: e?.name ?? "Error",
      code,
      message: String(e?.cause?.message ?? e?.message ?? error).slice(0, 300),
    }),
  );
}

export function logInfo(scope: string, message: string, data: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ level: "info", scope, message, ...data }));
}
