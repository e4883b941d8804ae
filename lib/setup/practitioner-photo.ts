import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { practitionerPhotos, practitioners } from "@/db/schema";
import { photoPath } from "@/lib/catalog/photo-path";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { ValidationFailed } from "@/lib/errors";
import { sniffPhotoType } from "./image-type";
import { requireSetupAdmin } from "./setup-access";
import { notFound } from "./setup-rows";

export const PHOTO_TYPE_MESSAGE = "Choose a PNG, JPEG or WebP image.";

/**
 * PUT /api/v1/staff/admin/practitioners/{slug}/photo: the body is the image itself (the route reads at most
 * MAX_PHOTO_BYTES). Its type comes from its bytes. The audit row keeps the type, size and hash, never the image.
 */
export async function setPractitionerPhoto(
  db: Db,
  actor: Actor,
  slug: string,
  bytes: Uint8Array,
): Promise<{ photo: string }> {
  const admin = await requireSetupAdmin(db, actor, "setup.practitioner.photo");
  const contentType = sniffPhotoType(bytes);
  if (!contentType) throw new ValidationFailed({ photo: PHOTO_TYPE_MESSAGE }, PHOTO_TYPE_MESSAGE);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return db.transaction(async (tx) => {
    const [p] = await tx.select({ id: practitioners.id }).from(practitioners).where(eq(practitioners.slug, slug));
    if (!p) throw notFound("practitioner");
    const row = { contentType, bytes, sha256, updatedAt: new Date() };
    await tx
      .insert(practitionerPhotos)
      .values({ practitionerId: p.id, ...row })
      .onConflictDoUpdate({ target: practitionerPhotos.practitionerId, set: row });
    await recordAudit(tx, admin, {
      action: "setup.practitioner.photo",
      entityType: "practitioner",
      entityId: slug,
      detail: { contentType, bytes: bytes.byteLength, sha256 },
    });
    return { photo: photoPath(slug, sha256) };
  });
}

/** DELETE /api/v1/staff/admin/practitioners/{slug}/photo: patients see their initials again. */
export async function removePractitionerPhoto(db: Db, actor: Actor, slug: string): Promise<{ photo: null }> {
  const admin = await requireSetupAdmin(db, actor, "setup.practitioner.photo.remove");
  return db.transaction(async (tx) => {
    const [p] = await tx.select({ id: practitioners.id }).from(practitioners).where(eq(practitioners.slug, slug));
    if (!p) throw notFound("practitioner");
    const removed = await tx
      .delete(practitionerPhotos)
      .where(eq(practitionerPhotos.practitionerId, p.id))
      .returning({ sha256: practitionerPhotos.sha256 });
    await recordAudit(tx, admin, {
      action: "setup.practitioner.photo.remove",
      entityType: "practitioner",
      entityId: slug,
      detail: { sha256: removed[0]?.sha256 ?? null },
    });
    return { photo: null };
  });
}
