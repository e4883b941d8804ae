"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { PractitionerAvatar } from "@/app/_components/practitioner-avatar";
import { ApiError } from "@/lib/http/api-fetch";
import {
  DISCIPLINE_LABELS,
  DISCIPLINES,
  type PractitionerCreateInput,
  practitionerCreateSchema,
  practitionerUpdateSchema,
} from "@/lib/setup/schemas";
import type { SetupLocationDto, SetupPractitionerDto } from "@/lib/setup/setup-types";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";
import { messageOf, staffFetch } from "../../calendar/_components/staff-api";
import { previewDeactivationAction } from "../_setup/actions";
import { ClashConfirm } from "../_setup/clash-confirm";
import { Checkbox, describedBy, Field, LocationChecks, Status, withLocationList } from "../_setup/fields";
import { SetupManager } from "../_setup/setup-manager";
import { PhotoField } from "./photo-field";

type Values = PractitionerCreateInput & { active?: boolean };
const KEYS = [
  "slug",
  "name",
  "title",
  "qualifications",
  "ahpraNumber",
  "bio",
  "discipline",
  "email",
  "locations",
  "active",
];
/** The public profile, as the form edits it (blank = none). */
const PROFILE = ["title", "qualifications", "ahpraNumber", "bio"] as const;

export function PractitionersManager({
  practitioners,
  locations,
}: {
  practitioners: SetupPractitionerDto[];
  locations: SetupLocationDto[];
}) {
  const names = new Map(locations.map((l) => [l.slug, l.name]));
  return (
    <SetupManager
      items={practitioners}
      noun="practitioner"
      caption="Practitioners"
      columns={["Name", "Discipline", "Works at", "Status"]}
      name={(p) => (
        <span className="setup-person">
          <PractitionerAvatar name={p.name} photoUrl={p.photo} size={32} />
          <span>
            {p.name} <span className="muted">({p.slug})</span>
          </span>
        </span>
      )}
      cells={(p) => (
        <>
          <td>{DISCIPLINE_LABELS[p.discipline]}</td>
          <td>{p.locations.map((l) => names.get(l) ?? l).join(", ")}</td>
          <td>{p.active ? "Active" : "Inactive"}</td>
        </>
      )}
      actions={(p) => (
        <Link className="button button--ghost button--small" href={`/admin/rosters?practitioner=${p.slug}`}>
          Roster<span className="visually-hidden"> of {p.name}</span>
        </Link>
      )}
      form={({ item, onDone, onCancel }) => (
        <PractitionerForm practitioner={item} locations={locations} onDone={onDone} onCancel={onCancel} />
      )}
    />
  );
}

function PractitionerForm({
  practitioner,
  locations,
  onDone,
  onCancel,
}: {
  practitioner?: SetupPractitionerDto;
  locations: SetupLocationDto[];
  onDone: (message: string) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const router = useRouter();
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [clashes, setClashes] = useState<StaffAppointmentDto[] | null>(null);
  const { register, handleSubmit, formState, setError, getValues, control } = useForm<Values>({
    resolver: withLocationList(
      zodResolver(
        (practitioner ? practitionerUpdateSchema : practitionerCreateSchema) as typeof practitionerCreateSchema,
      ),
    ) as never,
    defaultValues: practitioner
      ? {
          name: practitioner.name,
          title: practitioner.title,
          qualifications: practitioner.qualifications,
          ahpraNumber: practitioner.ahpraNumber ?? "",
          bio: practitioner.bio,
          locations: practitioner.locations,
          active: practitioner.active,
        }
      : {
          slug: "",
          name: "",
          title: "",
          qualifications: "",
          ahpraNumber: "",
          bio: "",
          discipline: "sports-physio",
          email: "",
          locations: [],
        },
  });
  const { errors, isSubmitting } = formState;
  const previewName = useWatch({ control, name: "name" });

  async function save(values: Values) {
    setStatus(null);
    try {
      const profile = Object.fromEntries(PROFILE.map((k) => [k, values[k] ?? ""]));
      const body = practitioner
        ? { name: values.name, ...profile, locations: values.locations, active: values.active }
        : values;
      const res = await staffFetch<{ practitioner: SetupPractitionerDto; clashes?: StaffAppointmentDto[] }>(
        practitioner ? `/api/v1/staff/admin/practitioners/${practitioner.slug}` : "/api/v1/staff/admin/practitioners",
        { method: practitioner ? "PATCH" : "POST", body },
      );
      const moved = res.clashes?.length ? ` ${res.clashes.length} booked appointments now need moving.` : "";
      onDone(`${res.practitioner.name} saved.${moved}`);
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
    // deactivating someone with booked patients: show who first, and ask
    if (practitioner?.active && values.active === false) {
      const preview = await previewDeactivationAction("practitioner", practitioner.slug);
      if ("error" in preview) return setStatus({ ok: false, message: preview.error });
      if (preview.clashes.length) return setClashes(preview.clashes);
    }
    await save(values);
  });

  const f = (name: string) => `${id}-${name}`;
  const err = (name: string) => (errors as Record<string, { message?: string } | undefined>)[name];
  return (
    <form onSubmit={onSubmit} noValidate className="card stack setup-form" aria-labelledby={f("title-h")}>
      <h2 id={f("title-h")}>{practitioner ? `Edit ${practitioner.name}` : "Add a practitioner"}</h2>
      <Status status={status} />
      <div className="form-grid">
        <Field id={f("name")} label="Name" error={errors.name}>
          <input className="input" autoComplete="off" {...describedBy(f("name"), errors.name)} {...register("name")} />
        </Field>
        {practitioner ? null : (
          <Field id={f("slug")} label="Short name for links" hint="e.g. sophie-nguyen" error={errors.slug}>
            <input
              className="input"
              autoCapitalize="none"
              {...describedBy(f("slug"), errors.slug, true)}
              {...register("slug")}
            />
          </Field>
        )}
        {practitioner ? (
          <p className="muted">Discipline: {DISCIPLINE_LABELS[practitioner.discipline]}</p>
        ) : (
          <Field id={f("discipline")} label="Discipline" error={errors.discipline}>
            <select className="input" {...describedBy(f("discipline"), errors.discipline)} {...register("discipline")}>
              {DISCIPLINES.map((d) => (
                <option key={d} value={d}>
                  {DISCIPLINE_LABELS[d]}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field id={f("title")} label="Title shown to patients" optional error={errors.title}>
          <input className="input" {...describedBy(f("title"), errors.title)} {...register("title")} />
        </Field>
        {practitioner ? null : (
          <Field
            id={f("email")}
            label="Email"
            optional
            hint="With an email, they are invited to sign in as a practitioner."
            error={errors.email}
          >
            <input
              className="input"
              type="email"
              autoComplete="off"
              {...describedBy(f("email"), errors.email, true)}
              {...register("email")}
            />
          </Field>
        )}
      </div>
      <fieldset className="setup-profile">
        <legend>Profile patients see when they choose a practitioner</legend>
        {practitioner ? (
          <PhotoField
            id={f("photo")}
            slug={practitioner.slug}
            name={previewName || practitioner.name}
            photo={practitioner.photo}
          />
        ) : (
          <p className="muted">You can add their photo once they are saved.</p>
        )}
        <div className="form-grid">
          <Field
            id={f("qualifications")}
            label="Qualifications"
            optional
            hint="e.g. BPhty (Hons), MSportsPhysio"
            error={errors.qualifications}
          >
            <input
              className="input"
              autoComplete="off"
              {...describedBy(f("qualifications"), errors.qualifications, true)}
              {...register("qualifications")}
            />
          </Field>
          <Field
            id={f("ahpraNumber")}
            label="AHPRA registration number"
            optional
            hint="e.g. PHY0001234567; blank if not on the register"
            error={errors.ahpraNumber}
          >
            <input
              className="input"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              {...describedBy(f("ahpraNumber"), errors.ahpraNumber, true)}
              {...register("ahpraNumber")}
            />
          </Field>
        </div>
        <Field
          id={f("bio")}
          label="Short biography"
          optional
          hint="Two sentences: who they help and how."
          error={errors.bio}
        >
          <textarea className="input" rows={3} {...describedBy(f("bio"), errors.bio, true)} {...register("bio")} />
        </Field>
      </fieldset>
      <LocationChecks
        id={f("locations")}
        legend="Works at"
        options={locations}
        registration={register("locations")}
        error={err("locations")}
      />
      {practitioner ? (
        <Checkbox
          id={f("active")}
          label="Active"
          hint="Untick when they stop seeing patients. Booked appointments stay and need moving."
          registration={register("active")}
        />
      ) : null}
      {clashes ? (
        <ClashConfirm
          what={practitioner?.name ?? "this practitioner"}
          clashes={clashes}
          busy={isSubmitting}
          onConfirm={() => void save(getValues())}
          onCancel={() => setClashes(null)}
        />
      ) : (
        <div className="button-row">
          <button type="submit" className="button" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : practitioner ? "Save changes" : "Add practitioner"}
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
