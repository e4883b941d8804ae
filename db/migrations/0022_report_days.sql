CREATE TABLE "report_class_firsts" (
	"class_id" uuid PRIMARY KEY NOT NULL,
	"day" date,
	"location_id" uuid,
	"practitioner_id" uuid,
	"microseconds" bigint
);
--> statement-breakpoint
CREATE TABLE "report_days" (
	"day" date NOT NULL,
	"location_id" uuid NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"attended" integer DEFAULT 0 NOT NULL,
	"no_show" integer DEFAULT 0 NOT NULL,
	"cancelled" integer DEFAULT 0 NOT NULL,
	"late_cancelled" integer DEFAULT 0 NOT NULL,
	"booked_microseconds" bigint DEFAULT 0 NOT NULL,
	"intake_due" integer DEFAULT 0 NOT NULL,
	"intake_completed" integer DEFAULT 0 NOT NULL,
	"new_patients" integer DEFAULT 0 NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"phone" integer DEFAULT 0 NOT NULL,
	"waitlist" integer DEFAULT 0 NOT NULL,
	"referral" integer DEFAULT 0 NOT NULL,
	"import" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_days_day_location_id_practitioner_id_pk" PRIMARY KEY("day","location_id","practitioner_id")
);
--> statement-breakpoint
CREATE TABLE "report_patient_firsts" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"appointment_id" uuid,
	"starts_at" timestamp with time zone,
	"day" date,
	"location_id" uuid,
	"practitioner_id" uuid
);
