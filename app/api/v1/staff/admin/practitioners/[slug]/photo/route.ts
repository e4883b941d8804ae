import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { apiRoute, json } from "@/lib/http/api-response";
import { readBodyLimited } from "@/lib/http/limited-body";
import { MAX_PHOTO_BYTES } from "@/lib/setup/image-type";
import { removePractitionerPhoto, setPractitionerPhoto } from "@/lib/setup/practitioner-photo";

type Ctx = { params: Promise<{ slug: string }> };
const TOO_LARGE = "The photo is larger than 1 MB. Choose a smaller one.";

/** The body is the image's bytes (Content-Type: application/octet-stream); its type is judged by those bytes. */
export const PUT = apiRoute<Ctx>(async (request, { params }) => {
  const actor = await requireStaffApi(["admin"], "PUT /api/v1/staff/admin/practitioners/{slug}/photo");
  const { slug } = await params;
  const bytes = await readBodyLimited(request, MAX_PHOTO_BYTES).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "payload_too_large")
      throw new DomainError("payload_too_large", TOO_LARGE, { photo: TOO_LARGE });
    throw error;
  });
  return json(await setPractitionerPhoto(await getDb(), actor, slug, bytes));
});

export const DELETE = apiRoute<Ctx>(async (_request, { params }) => {
  const actor = await requireStaffApi(["admin"], "DELETE /api/v1/staff/admin/practitioners/{slug}/photo");
  const { slug } = await params;
  return json(await removePractitionerPhoto(await getDb(), actor, slug));
});
