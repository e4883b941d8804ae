"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { ApiError } from "@/lib/http/api-fetch";
import { type ClinicIdentityInput, clinicIdentitySchema } from "@/lib/setup/schemas";
import type { ClinicIdentityDto } from "@/lib/setup/setup-types";
import { messageOf, staffFetch } from "../../calendar/_components/staff-api";
import { describedBy, Field, Status } from "../_setup/fields";

type Values = Required<ClinicIdentityInput>;
const KEYS = ["name", "phone", "senderEmail", "publicBaseUrl"] as const;

/** The group's identity; the API parses the same schema and audits the change. */
export function SettingsForm({ initial }: { initial: ClinicIdentityDto }) {
  const id = useId();
  const router = useRouter();
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<Values>({
    resolver: zodResolver(clinicIdentitySchema.required()) as never,
    defaultValues: {
      name: initial.name,
      phone: initial.phone,
      senderEmail: initial.senderEmail,
      publicBaseUrl: initial.publicBaseUrl,
    },
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    try {
      await staffFetch("/api/v1/staff/admin/settings", { method: "PATCH", body: values });
      setStatus({ ok: true, message: "Saved. Patients see these details from now on." });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError)
        for (const [field, message] of Object.entries(error.fields))
          if ((KEYS as readonly string[]).includes(field)) setError(field as keyof Values, { message });
      setStatus({ ok: false, message: messageOf(error) });
    }
  });
  const f = (name: keyof Values) => `${id}-${name}`;
  return (
    <form onSubmit={onSubmit} noValidate className="card stack setup-form">
      <Status status={status} />
      <div className="form-grid">
        <Field id={f("name")} label="Group name" error={errors.name}>
          <input
            className="input"
            autoComplete="organization"
            {...describedBy(f("name"), errors.name)}
            {...register("name")}
          />
        </Field>
        <Field id={f("phone")} label="Phone" error={errors.phone}>
          <input className="input" type="tel" {...describedBy(f("phone"), errors.phone)} {...register("phone")} />
        </Field>
        <Field
          id={f("senderEmail")}
          label="Emails come from"
          hint="The sender address of every confirmation and reminder."
          error={errors.senderEmail}
        >
          <input
            className="input"
            type="email"
            {...describedBy(f("senderEmail"), errors.senderEmail, true)}
            {...register("senderEmail")}
          />
        </Field>
        <Field
          id={f("publicBaseUrl")}
          label="Booking site address"
          hint="The web address in patients' links, e.g. https://book.example.com"
          error={errors.publicBaseUrl}
        >
          <input
            className="input"
            type="url"
            {...describedBy(f("publicBaseUrl"), errors.publicBaseUrl, true)}
            {...register("publicBaseUrl")}
          />
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save group details"}
        </button>
      </div>
    </form>
  );
}
