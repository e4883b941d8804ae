import { requireStaffApi } from "@/lib/auth";
import { DomainError } from "@/lib/errors";
import { outboxVisible, readOutboxMessage, readRawOutboxMessage } from "@/lib/notifications/outbox";

const NOT_FOUND = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

// Opens one outbox email for an admin: its HTML part in a locked-down sandbox, or with ?raw=1 the .eml file itself.
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  try {
    await requireStaffApi(["admin"], "/admin/outbox");
  } catch (error) {
    // signed out or not an admin: nothing says the outbox exists
    if (error instanceof DomainError) return NOT_FOUND();
    throw error;
  }
  if (!outboxVisible()) return NOT_FOUND();
  const { name } = await params;
  if (new URL(request.url).searchParams.get("raw") === "1") {
    const raw = await readRawOutboxMessage(name);
    if (!raw) return NOT_FOUND();
    return new Response(new Uint8Array(raw), {
      headers: {
        "Content-Type": "message/rfc822",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  }
  const message = await readOutboxMessage(name);
  if (!message) return NOT_FOUND();
  const body =
    message.html ??
    `<pre style="white-space:pre-wrap">${message.text.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!)}</pre>`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      // the email's own markup, never the app's: no scripts, no requests, links open normally
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox allow-popups allow-top-navigation-by-user-activation",
      "Cache-Control": "no-store",
    },
  });
}
