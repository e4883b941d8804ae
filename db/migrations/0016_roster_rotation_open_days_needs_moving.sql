CREATE TABLE "location_open_days" (
	"location_id" uuid NOT NULL,
	"date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "location_open_days_location_id_date_pk" PRIMARY KEY("location_id","date")
);
--> statement-breakpoint
DROP INDEX "roster_practitioner_idx";--> statement-breakpoint
ALTER TABLE "leave" ADD COLUMN "starts_on" date;--> statement-breakpoint
ALTER TABLE "leave" ADD COLUMN "ends_on" date;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD COLUMN "rotation_weeks" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD COLUMN "week" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "needs_moving_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "location_open_days" ADD CONSTRAINT "location_open_days_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_needs_moving_idx" ON "appointments" USING btree ("starts_at") WHERE "appointments"."needs_moving_since" is not null and "appointments"."status" = 'booked';--> statement-breakpoint
CREATE INDEX "roster_practitioner_idx" ON "roster_entries" USING btree ("practitioner_id","location_id","valid_from");--> statement-breakpoint
ALTER TABLE "leave" ADD CONSTRAINT "leave_dates_ordered" CHECK (("leave"."starts_on" is null) = ("leave"."ends_on" is null) and ("leave"."starts_on" is null or "leave"."ends_on" >= "leave"."starts_on"));--> statement-breakpoint
ALTER TABLE "roster_entries" ADD CONSTRAINT "roster_rotation_weeks" CHECK ("roster_entries"."rotation_weeks" between 1 and 4 and "roster_entries"."week" between 1 and "roster_entries"."rotation_weeks");