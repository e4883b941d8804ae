// The DTOs of clinic setup: what the staff admin API answers and the admin screens show.
import type { Discipline } from "./schemas";

export interface SetupLocationDto {
  slug: string;
  name: string;
  timezone: string;
  address: string | null;
  phone: string | null;
  holidayRegion: string | null;
  online: boolean;
  active: boolean;
}

export interface SetupServiceDto {
  slug: string;
  name: string;
  description: string;
  discipline: Discipline;
  durationMinutes: number;
  capacity: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  horizonDays: number;
  cancellationWindowHours: number;
  feeCents: number | null;
  online: boolean;
  bookableOnline: boolean;
  active: boolean;
  locations: string[];
}

export interface SetupPractitionerDto {
  slug: string;
  name: string;
  title: string;
  bio: string;
  qualifications: string;
  ahpraNumber: string | null;
  /** This site's address of their photo (GET /api/v1/practitioners/{slug}/photo), or null: initials. */
  photo: string | null;
  discipline: Discipline;
  active: boolean;
  locations: string[];
}

export interface ClinicIdentityDto {
  name: string;
  phone: string;
  senderEmail: string;
  publicBaseUrl: string;
  /** false until an admin saves the group's details: the values above are then the server's defaults. */
  configured: boolean;
}
