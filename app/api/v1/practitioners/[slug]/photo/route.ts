import { readPractitionerPhoto } from "@/lib/catalog/read-practitioner-photo";
import { getDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-response";
import { notModified } from "@/lib/http/etag";

/**
 * A practitioner's photo, as stored (PNG, JPEG or WebP, checked by its bytes on upload). Public: /book shows it. Not
 * rate limited like the JSON API: a page shows a dozen at once, each a read by primary key, cached five minutes.
 */
export const GET = apiRoute<{ params: Promise<{ slug: string }> }>(async (request, { params }) => {
  const { slug } = await params;
  const photo = await readPractitionerPhoto(await getDb(), slug);
  if (!photo) throw new NotFound("They have no photo.");
  const etag = `"${photo.sha256}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": "public, max-age=300",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'",
  };
  if (notModified(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(photo.bytes), {
    headers: { ...headers, "Content-Type": photo.contentType, "Content-Length": String(photo.bytes.byteLength) },
  });
});
