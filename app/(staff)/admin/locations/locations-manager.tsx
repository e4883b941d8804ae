"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { ApiError } from "@/lib/http/api-fetch";
import { type LocationCreateInput, locationCreateSchema, locationUpdateSchema } from "@/lib/setup/schemas";
import type { SetupLocationDto } from "@/lib/setup/setup-types";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";
import { messageOf, staffFetch } from "../../calendar/_components/staff-api";
import { previewDeactivationAction } from "../_setup/actions";
import { ClashConfirm } from "../_setup/clash-confirm";
import { Checkbox, describedBy, Field, Status } from "../_setup/fields";
import { SetupManager } from "../_setup/setup-manager";

type Values = LocationCreateInput & { active?: boolean };
type Region = { code: string; label: string };
const KEYS = ["slug", "name", "timezone", "address", "phone", "holidayRegion", "online", "active"];

export function LocationsManager({
  locations,
  regions,
  defaultZone,
}: {
  locations: SetupLocationDto[];
  regions: Region[];
  defaultZone: string;
}) {
  const regionLabel = new Map(regions.map((r) => [r.code, r.label]));
  return (
    <SetupManager
      items={locations}
      noun="location"
      caption="Locations"
      columns={["Name", "Address", "Time zone", "Holidays", "Status"]}
      openWhenEmpty
      cells={(l) => (
        <>
          <td>{l.online ? "Online" : l.address}</td>
          <td>{l.timezone}</td>
          <td>{l.holidayRegion ? (regionLabel.get(l.holidayRegion) ?? l.holidayRegion) : "None"}</td>
          <td>{l.active ? "Active" : "Inactive"}</td>
        </>
      )}
      form={({ item, onDone, onCancel }) => (
        <LocationForm location={item} regions={regions} defaultZone={defaultZone} onDone={onDone} onCancel={onCancel} />
      )}
    />
  );
}

function LocationForm({
  location,
  regions,
  defaultZone,
  onDone,
  onCancel,
}: {
  location?: SetupLocationDto;
  regions: Region[];
  defaultZone: string;
  onDone: (message: string) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const router = useRouter();
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [clashes, setClashes] = useState<StaffAppointmentDto[] | null>(null);
  const { register, handleSubmit, formState, setError, control, getValues } = useForm<Values>({
    resolver: zodResolver(
      (location ? locationUpdateSchema : locationCreateSchema) as typeof locationCreateSchema,
    ) as never,
    defaultValues: location
      ? {
          name: location.name,
          address: location.address ?? "",
          phone: location.phone ?? "",
          holidayRegion: location.holidayRegion ?? "",
          active: location.active,
        }
      : { slug: "", name: "", timezone: defaultZone, address: "", phone: "", holidayRegion: "", online: false },
  });
  const { errors, isSubmitting } = formState;
  const onlineChosen = useWatch({ control, name: "online" });
  const online = location ? location.online : onlineChosen;

  async function save(values: Values) {
    setStatus(null);
    try {
      const body = location
        ? {
            name: values.name,
            address: values.address,
            phone: values.phone,
            holidayRegion: values.holidayRegion,
            active: values.active,
          }
        : values;
      const res = await staffFetch<{ location: SetupLocationDto; clashes?: StaffAppointmentDto[] }>(
        location ? `/api/v1/staff/admin/locations/${location.slug}` : "/api/v1/staff/admin/locations",
        { method: location ? "PATCH" : "POST", body },
      );
      const moved = res.clashes?.length ? ` ${res.clashes.length} booked appointments now need moving.` : "";
      onDone(`${res.location.name} saved.${moved}`);
      router.refresh();
    } catch (error) {
      setClashes(null);
      if (error instanceof ApiError)
        for (const [field, message] of Object.entries(error.fields))
          if (KEYS.includes(field)) setError(field as keyof Values, { message }, { shouldFocus: true });
      setStatus({ ok: false, message: messageOf(error) });
    }
  }

  const onSubmit = handleSubmit(async (values) => {
    // deactivating a location with booked patients: show who first, and ask
    if (location?.active && values.active === false) {
      const preview = await previewDeactivationAction("location", location.slug);
      if ("error" in preview) return setStatus({ ok: false, message: preview.error });
      if (preview.clashes.length) return setClashes(preview.clashes);
    }
    await save(values);
  });

  const f = (name: string) => `${id}-${name}`;
  const title = location ? `Edit ${location.name}` : "Add a location";
  return (
    <form onSubmit={onSubmit} noValidate className="card stack setup-form" aria-labelledby={f("title")}>
      <h2 id={f("title")}>{title}</h2>
      <Status status={status} />
      <div className="form-grid">
        <Field id={f("name")} label="Name" error={errors.name}>
          <input className="input" {...describedBy(f("name"), errors.name)} {...register("name")} />
        </Field>
        {location ? null : (
          <Field id={f("slug")} label="Short name for links" hint="e.g. north-sydney" error={errors.slug}>
            <input
              className="input"
              autoCapitalize="none"
              {...describedBy(f("slug"), errors.slug, true)}
              {...register("slug")}
            />
          </Field>
        )}
        {location ? null : (
          <Field id={f("timezone")} label="Time zone" hint="Type to search, e.g. Perth" error={errors.timezone}>
            <input
              className="input"
              list={f("zones")}
              autoComplete="off"
              {...describedBy(f("timezone"), errors.timezone, true)}
              {...register("timezone")}
            />
            <datalist id={f("zones")}>
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </Field>
        )}
        <Field id={f("holidayRegion")} label="Public holidays" error={errors.holidayRegion}>
          <select
            className="input"
            {...describedBy(f("holidayRegion"), errors.holidayRegion)}
            {...register("holidayRegion")}
          >
            <option value="">Choose a state, territory or country</option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={f("address")} label="Address" optional={online} error={errors.address}>
          <input className="input" {...describedBy(f("address"), errors.address)} {...register("address")} />
        </Field>
        <Field id={f("phone")} label="Phone" optional error={errors.phone}>
          <input className="input" type="tel" {...describedBy(f("phone"), errors.phone)} {...register("phone")} />
        </Field>
      </div>
      {location ? (
        <p className="muted">
          Time zone: {location.timezone}
          {location.online ? " · online (video) location" : ""}
        </p>
      ) : (
        <Checkbox id={f("online")} label="Online (video appointments, no address)" registration={register("online")} />
      )}
      {location ? (
        <Checkbox
          id={f("active")}
          label="Active"
          hint="Untick to stop offering times here. Booked appointments stay."
          registration={register("active")}
        />
      ) : null}
      {clashes ? (
        <ClashConfirm
          what={location?.name ?? "this location"}
          clashes={clashes}
          busy={isSubmitting}
          onConfirm={() => void save(getValues())}
          onCancel={() => setClashes(null)}
        />
      ) : (
        <div className="button-row">
          <button type="submit" className="button" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : location ? "Save changes" : "Add location"}
          </button>
          {onCancel ? (
            <button type="button" className="button button--ghost" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
        </div>
      )}
    </form>
  );
}
