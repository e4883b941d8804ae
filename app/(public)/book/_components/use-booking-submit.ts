"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { PatientDetails } from "@/lib/scheduling/schemas";
import { rememberIntakeLink } from "../../_components/booked-links";
import { sameSitePath } from "../../_components/public-api";
import type { BookingCreated } from "./booking-types";

/**
 * What comes back from the review's booking request: field errors the server found go back to the details (`onRefused`
 * shows that step), and a created booking opens its own page.
 */
export function useBookingSubmit(onRefused: () => void) {
  const [serverErrors, setServerErrors] = useState<Partial<Record<keyof PatientDetails, string>>>({});
  const [created, setCreated] = useState<BookingCreated | null>(null);
  const router = useRouter();
  return {
    serverErrors,
    created,
    clearServerErrors: () => setServerErrors({}),
    onFieldErrors: (fields: Record<string, string>) => {
      setServerErrors(fields);
      onRefused();
    },
    onBooked: (c: BookingCreated) => {
      setCreated(c);
      // The booking's own page replaces this address, so a reload or Back shows the booking, not the form.
      rememberIntakeLink(c.booking.id, sameSitePath(c.intakeUrl));
      router.replace(`${sameSitePath(c.manageUrl)}?booked=1`);
    },
  };
}

export type BookingSubmit = ReturnType<typeof useBookingSubmit>;
