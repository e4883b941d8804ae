"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { PractitionerAvatar } from "@/app/_components/practitioner-avatar";
import { apiFetch, ApiError } from "@/lib/http/api-fetch";
import { messageOf } from "../../calendar/_components/staff-api";
import { describedBy, Field } from "../_setup/fields";

const MESSAGES = {
  network: "We could not reach the server. Check your connection and try again.",
  server: "The photo was not saved. Please try again.",
  client: "The photo was not saved.",
};

/**
 * The practitioner's photo: chosen here, shown at once (a local preview), and stored by the app as soon as it is
 * chosen. The server judges the file by its bytes (PNG, JPEG or WebP, at most 1 MB) and says why beside the field.
 */
export function PhotoField({
  id,
  slug,
  name,
  photo,
}: {
  id: string;
  slug: string;
  name: string;
  photo: string | null;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState(photo);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  async function send(method: "PUT" | "DELETE", file?: File) {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const res = await apiFetch<{ photo: string | null }>(
        `/api/v1/staff/admin/practitioners/${slug}/photo`,
        method === "PUT"
          ? { method, body: file, headers: { "Content-Type": "application/octet-stream" } }
          : { method, json: {} },
        MESSAGES,
      );
      setShown(res.photo);
      setNote(res.photo ? "Photo saved. Patients see it now." : "Photo removed. Patients see their initials.");
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? "Your session has ended. Sign in again." : messageOf(e));
    } finally {
      setPreview(null);
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  function choose(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setPreview(URL.createObjectURL(file));
    void send("PUT", file);
  }

  const current = preview ?? shown;
  return (
    <div className="setup-profile__photo">
      <PractitionerAvatar key={current ?? "none"} name={name} photoUrl={current} size={72} />
      <Field
        id={id}
        label="Photo"
        optional
        hint="A square PNG, JPEG or WebP, at most 1 MB. It is saved as soon as you choose it. Without one, patients see their initials."
        error={error ? { message: error } : undefined}
      >
        <input
          ref={input}
          className="input"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          disabled={busy}
          onChange={choose}
          {...describedBy(id, error, true)}
        />
        {shown ? (
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={busy}
            onClick={() => void send("DELETE")}
          >
            Remove photo
          </button>
        ) : null}
        <p className="muted" role="status" aria-live="polite">
          {busy ? "Saving the photo…" : note}
        </p>
      </Field>
    </div>
  );
}
