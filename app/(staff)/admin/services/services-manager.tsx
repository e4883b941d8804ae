"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { ApiError } from "@/lib/http/api-fetch";
import {
  DISCIPLINE_LABELS,
  DISCIPLINES,
  type ServiceCreateInput,
  serviceCreateSchema,
  serviceUpdateSchema,
} from "@/lib/setup/schemas";
import type { SetupLocationDto, SetupServiceDto } from "@/lib/setup/setup-types";
import { messageOf, staffFetch } from "../../calendar/_components/staff-api";
import { Checkbox, describedBy, Field, LocationChecks, Status, withLocationList } from "../_setup/fields";
import { SetupManager } from "../_setup/setup-manager";

type Values = ServiceCreateInput & { active?: boolean; feeDollars?: string };
const NUMBERS = [
  ["durationMinutes", "Duration (minutes)"],
  ["capacity", "Places (1 for one-to-one, more for a class)"],
  ["bufferBeforeMinutes", "Buffer before (minutes)"],
  ["bufferAfterMinutes", "Buffer after (minutes)"],
  ["minimumNoticeMinutes", "Minimum notice (minutes)"],
  ["horizonDays", "Bookable up to (days ahead)"],
  ["cancellationWindowHours", "Free cancellation up to (hours before)"],
  ["feeCents", "Fee in cents (optional, 0 = bulk billed)"],
] as const;
const KEYS = [
  "slug",
  "name",
  "discipline",
  "locations",
  "online",
  "bookableOnline",
  "active",
  ...NUMBERS.map((n) => n[0]),
];

export function ServicesManager({
  services,
  locations,
}: {
  services: SetupServiceDto[];
  locations: SetupLocationDto[];
}) {
  const names = new Map(locations.map((l) => [l.slug, l.name]));
  return (
    <SetupManager
      items={services}
      noun="service"
      caption="Services"
      columns={["Service", "Discipline", "Length", "Where", "Booking"]}
      cells={(s) => (
        <>
          <td>{DISCIPLINE_LABELS[s.discipline]}</td>
          <td>
            {s.durationMinutes} min{s.capacity > 1 ? `, ${s.capacity} places` : ""}
          </td>
          <td>{s.locations.map((l) => names.get(l) ?? l).join(", ")}</td>
          <td>{!s.active ? "Inactive" : s.bookableOnline ? "Online and by staff" : "By staff only"}</td>
        </>
      )}
      form={({ item, onDone, onCancel }) => (
        <ServiceForm service={item} locations={locations} onDone={onDone} onCancel={onCancel} />
      )}
    />
  );
}

function ServiceForm({
  service,
  locations,
  onDone,
  onCancel,
}: {
  service?: SetupServiceDto;
  locations: SetupLocationDto[];
  onDone: (message: string) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const router = useRouter();
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<Values>({
    resolver: withLocationList(
      zodResolver((service ? serviceUpdateSchema : serviceCreateSchema) as typeof serviceCreateSchema),
    ) as never,
    defaultValues: service
      ? { ...service, description: service.description }
      : {
          slug: "",
          name: "",
          discipline: "sports-physio",
          durationMinutes: 45,
          capacity: 1,
          bufferBeforeMinutes: 0,
          bufferAfterMinutes: 0,
          minimumNoticeMinutes: 120,
          horizonDays: 56,
          cancellationWindowHours: 24,
          feeCents: null,
          online: false,
          bookableOnline: true,
          locations: [],
        },
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    try {
      const { slug: _slug, ...changes } = values;
      const res = await staffFetch<{ service: SetupServiceDto }>(
        service ? `/api/v1/staff/admin/services/${service.slug}` : "/api/v1/staff/admin/services",
        { method: service ? "PATCH" : "POST", body: service ? changes : values },
      );
      onDone(`${res.service.name} saved.`);
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError)
        for (const [field, message] of Object.entries(error.fields))
          if (KEYS.includes(field)) setError(field as keyof Values, { message }, { shouldFocus: true });
      setStatus({ ok: false, message: messageOf(error) });
    }
  });
  const f = (name: string) => `${id}-${name}`;
  const err = (name: string) => (errors as Record<string, { message?: string } | undefined>)[name];
  return (
    <form onSubmit={onSubmit} noValidate className="card stack setup-form" aria-labelledby={f("title")}>
      <h2 id={f("title")}>{service ? `Edit ${service.name}` : "Add a service"}</h2>
      <Status status={status} />
      <div className="form-grid">
        <Field id={f("name")} label="Name" error={errors.name}>
          <input className="input" {...describedBy(f("name"), errors.name)} {...register("name")} />
        </Field>
        {service ? null : (
          <Field id={f("slug")} label="Short name for links" hint="e.g. physio-initial" error={errors.slug}>
            <input
              className="input"
              autoCapitalize="none"
              {...describedBy(f("slug"), errors.slug, true)}
              {...register("slug")}
            />
          </Field>
        )}
        <Field id={f("discipline")} label="Discipline" error={errors.discipline}>
          <select className="input" {...describedBy(f("discipline"), errors.discipline)} {...register("discipline")}>
            {DISCIPLINES.map((d) => (
              <option key={d} value={d}>
                {DISCIPLINE_LABELS[d]}
              </option>
            ))}
          </select>
        </Field>
        {NUMBERS.map(([name, label]) => (
          <Field key={name} id={f(name)} label={label} error={err(name)}>
            <input
              className="input"
              type="number"
              inputMode="numeric"
              min={0}
              {...describedBy(f(name), err(name))}
              {...register(name, {
                setValueAs: (v: unknown) =>
                  v === "" || v === null || v === undefined ? (name === "feeCents" ? null : undefined) : Number(v),
              })}
            />
          </Field>
        ))}
      </div>
      <Field id={f("description")} label="Description for patients" optional error={errors.description}>
        <textarea
          className="input"
          rows={2}
          {...describedBy(f("description"), errors.description)}
          {...register("description")}
        />
      </Field>
      <LocationChecks
        id={f("locations")}
        legend="Offered at"
        options={locations}
        registration={register("locations")}
        error={err("locations")}
      />
      <Checkbox id={f("online")} label="Online (video) appointment" registration={register("online")} />
      <Checkbox
        id={f("bookableOnline")}
        label="Patients may book it online"
        hint="Untick for a service reception books by phone only."
        registration={register("bookableOnline")}
      />
      {service ? (
        <Checkbox
          id={f("active")}
          label="Active"
          hint="An inactive service leaves the booking pages; booked appointments stay."
          registration={register("active")}
        />
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : service ? "Save changes" : "Add service"}
        </button>
        {onCancel ? (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
