CREATE TYPE "public"."appointment_status" AS ENUM('booked', 'arrived', 'completed', 'no-show', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."booking_source" AS ENUM('online', 'phone', 'staff', 'import');--> statement-breakpoint
CREATE TYPE "public"."discipline" AS ENUM('sports-physio', 'exercise-physiology');--> statement-breakpoint
CREATE TYPE "public"."intake_status" AS ENUM('in-progress', 'completed');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('admin', 'reception', 'practitioner');--> statement-breakpoint
CREATE TABLE "closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closures_dates_ordered" CHECK ("closures"."ends_on" >= "closures"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "location_disciplines" (
	"location_id" uuid NOT NULL,
	"discipline" "discipline" NOT NULL,
	CONSTRAINT "location_disciplines_location_id_discipline_pk" PRIMARY KEY("location_id","discipline")
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"timezone" text NOT NULL,
	"address" text,
	"phone" text,
	"online" boolean DEFAULT false NOT NULL,
	"holiday_region" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locations_slug_unique" UNIQUE("slug"),
	CONSTRAINT "locations_slug_format" CHECK ("locations"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "locations_address_unless_online" CHECK ("locations"."online" or "locations"."address" is not null)
);
--> statement-breakpoint
CREATE TABLE "service_locations" (
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"discipline" "discipline" NOT NULL,
	CONSTRAINT "service_locations_service_id_location_id_pk" PRIMARY KEY("service_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"discipline" "discipline" NOT NULL,
	"duration_minutes" integer NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"min_notice_minutes" integer DEFAULT 120 NOT NULL,
	"horizon_days" integer DEFAULT 56 NOT NULL,
	"cancellation_window_hours" integer DEFAULT 24 NOT NULL,
	"step_minutes" integer DEFAULT 15 NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "services_slug_unique" UNIQUE("slug"),
	CONSTRAINT "services_id_discipline" UNIQUE("id","discipline"),
	CONSTRAINT "services_slug_format" CHECK ("services"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "services_duration_positive" CHECK ("services"."duration_minutes" between 5 and 480),
	CONSTRAINT "services_capacity_positive" CHECK ("services"."capacity" between 1 and 100),
	CONSTRAINT "services_buffers_non_negative" CHECK ("services"."buffer_before_minutes" >= 0 and "services"."buffer_after_minutes" >= 0),
	CONSTRAINT "services_rules_non_negative" CHECK ("services"."min_notice_minutes" >= 0 and "services"."horizon_days" > 0 and "services"."cancellation_window_hours" >= 0 and "services"."step_minutes" between 5 and 240)
);
--> statement-breakpoint
CREATE TABLE "leave" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text DEFAULT 'Leave' NOT NULL,
	CONSTRAINT "leave_ordered" CHECK ("leave"."ends_at" > "leave"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "practitioner_locations" (
	"practitioner_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"discipline" "discipline" NOT NULL,
	CONSTRAINT "practitioner_locations_practitioner_id_location_id_pk" PRIMARY KEY("practitioner_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "practitioners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"discipline" "discipline" NOT NULL,
	"title" text NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "practitioners_slug_unique" UNIQUE("slug"),
	CONSTRAINT "practitioners_id_discipline" UNIQUE("id","discipline"),
	CONSTRAINT "practitioners_slug_format" CHECK ("practitioners"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "roster_breaks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roster_entry_id" uuid NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	CONSTRAINT "roster_break_ordered" CHECK ("roster_breaks"."ends_at" > "roster_breaks"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "roster_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"service_id" uuid,
	CONSTRAINT "roster_weekday_iso" CHECK ("roster_entries"."weekday" between 1 and 7),
	CONSTRAINT "roster_window_ordered" CHECK ("roster_entries"."ends_at" > "roster_entries"."starts_at"),
	CONSTRAINT "roster_validity_ordered" CHECK ("roster_entries"."valid_to" is null or "roster_entries"."valid_to" >= "roster_entries"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patients_email_dob" UNIQUE("email","date_of_birth"),
	CONSTRAINT "patients_email_lower" CHECK ("patients"."email" = lower("patients"."email"))
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"class_id" uuid,
	"during" "tstzrange" NOT NULL,
	"blocked" "tstzrange" NOT NULL,
	"starts_at" timestamp with time zone GENERATED ALWAYS AS (lower(during)) STORED NOT NULL,
	"ends_at" timestamp with time zone GENERATED ALWAYS AS (upper(during)) STORED NOT NULL,
	"block_key" uuid GENERATED ALWAYS AS (coalesce(class_id, id)) STORED NOT NULL,
	"status" "appointment_status" DEFAULT 'booked' NOT NULL,
	"source" "booking_source" DEFAULT 'online' NOT NULL,
	"notes" text,
	"triage_id" uuid,
	"manage_token_hash" text NOT NULL,
	"intake_token_hash" text NOT NULL,
	"needs_call" boolean DEFAULT false NOT NULL,
	"called_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"cancelled_by" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_manage_token_hash_unique" UNIQUE("manage_token_hash"),
	CONSTRAINT "appointments_intake_token_hash_unique" UNIQUE("intake_token_hash"),
	CONSTRAINT "appointments_blocked_covers_visit" CHECK ("appointments"."blocked" @> "appointments"."during" and not isempty("appointments"."during")),
	CONSTRAINT "appointments_cancel_reason" CHECK (("appointments"."status" = 'cancelled') = ("appointments"."cancelled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "classes_practitioner_start" UNIQUE("practitioner_id","starts_at"),
	CONSTRAINT "classes_capacity_positive" CHECK ("classes"."capacity" >= 1),
	CONSTRAINT "classes_not_over_full" CHECK ("classes"."booked_count" between 0 and "classes"."capacity"),
	CONSTRAINT "classes_ordered" CHECK ("classes"."ends_at" > "classes"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "staff_role" NOT NULL,
	"practitioner_id" uuid,
	"password_hash" text NOT NULL,
	"session_version" integer DEFAULT 0 NOT NULL,
	"disabled_at" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_users_email_unique" UNIQUE("email"),
	CONSTRAINT "staff_users_practitioner_id_unique" UNIQUE("practitioner_id"),
	CONSTRAINT "staff_email_lower" CHECK ("staff_users"."email" = lower("staff_users"."email")),
	CONSTRAINT "staff_practitioner_role" CHECK (("staff_users"."role" = 'practitioner') = ("staff_users"."practitioner_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "intake_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" "intake_status" DEFAULT 'in-progress' NOT NULL,
	"questionnaire_version" text NOT NULL,
	"answers" jsonb NOT NULL,
	"response" jsonb,
	"summary" jsonb,
	"route" text,
	"needs_call" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_user_id" uuid,
	CONSTRAINT "intake_appointment_version" UNIQUE("appointment_id","version"),
	CONSTRAINT "intake_version_positive" CHECK ("intake_responses"."version" >= 1),
	CONSTRAINT "intake_submitted_when_completed" CHECK (("intake_responses"."status" = 'completed') = ("intake_responses"."submitted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "triages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answers" jsonb NOT NULL,
	"age" integer,
	"rules_version" text NOT NULL,
	"route" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_kind" text NOT NULL,
	"actor_label" text,
	"action" text NOT NULL,
	"outcome" text DEFAULT 'ok' NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"patient_id" uuid,
	"ip" text,
	"detail" jsonb
);
--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_disciplines" ADD CONSTRAINT "location_disciplines_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_locations" ADD CONSTRAINT "service_locations_service_id_discipline_services_id_discipline_fk" FOREIGN KEY ("service_id","discipline") REFERENCES "public"."services"("id","discipline") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "service_locations" ADD CONSTRAINT "service_locations_location_id_discipline_location_disciplines_location_id_discipline_fk" FOREIGN KEY ("location_id","discipline") REFERENCES "public"."location_disciplines"("location_id","discipline") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_locations" ADD CONSTRAINT "service_locations_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave" ADD CONSTRAINT "leave_practitioner_id_practitioners_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."practitioners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_locations" ADD CONSTRAINT "practitioner_locations_practitioner_id_discipline_practitioners_id_discipline_fk" FOREIGN KEY ("practitioner_id","discipline") REFERENCES "public"."practitioners"("id","discipline") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_locations" ADD CONSTRAINT "practitioner_locations_location_id_discipline_location_disciplines_location_id_discipline_fk" FOREIGN KEY ("location_id","discipline") REFERENCES "public"."location_disciplines"("location_id","discipline") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_locations" ADD CONSTRAINT "practitioner_locations_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_breaks" ADD CONSTRAINT "roster_breaks_roster_entry_id_roster_entries_id_fk" FOREIGN KEY ("roster_entry_id") REFERENCES "public"."roster_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD CONSTRAINT "roster_entries_practitioner_id_location_id_practitioner_locations_practitioner_id_location_id_fk" FOREIGN KEY ("practitioner_id","location_id") REFERENCES "public"."practitioner_locations"("practitioner_id","location_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD CONSTRAINT "roster_entries_service_id_location_id_service_locations_service_id_location_id_fk" FOREIGN KEY ("service_id","location_id") REFERENCES "public"."service_locations"("service_id","location_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD CONSTRAINT "roster_entries_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_practitioner_id_practitioners_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."practitioners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_service_id_location_id_service_locations_service_id_location_id_fk" FOREIGN KEY ("service_id","location_id") REFERENCES "public"."service_locations"("service_id","location_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_practitioner_id_location_id_practitioner_locations_practitioner_id_location_id_fk" FOREIGN KEY ("practitioner_id","location_id") REFERENCES "public"."practitioner_locations"("practitioner_id","location_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_service_id_location_id_service_locations_service_id_location_id_fk" FOREIGN KEY ("service_id","location_id") REFERENCES "public"."service_locations"("service_id","location_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_practitioner_id_location_id_practitioner_locations_practitioner_id_location_id_fk" FOREIGN KEY ("practitioner_id","location_id") REFERENCES "public"."practitioner_locations"("practitioner_id","location_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_practitioner_id_practitioners_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."practitioners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_responses" ADD CONSTRAINT "intake_responses_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_responses" ADD CONSTRAINT "intake_responses_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_responses" ADD CONSTRAINT "intake_responses_reviewed_by_user_id_staff_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "closures_location_idx" ON "closures" USING btree ("location_id","starts_on");--> statement-breakpoint
CREATE INDEX "leave_practitioner_idx" ON "leave" USING btree ("practitioner_id","starts_at");--> statement-breakpoint
CREATE INDEX "roster_location_idx" ON "roster_entries" USING btree ("location_id","weekday");--> statement-breakpoint
CREATE INDEX "roster_practitioner_idx" ON "roster_entries" USING btree ("practitioner_id");--> statement-breakpoint
CREATE INDEX "patients_name_idx" ON "patients" USING btree (lower("last_name"),lower("first_name"));--> statement-breakpoint
CREATE INDEX "patients_phone_idx" ON "patients" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "appointments_location_start_idx" ON "appointments" USING btree ("location_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_practitioner_start_idx" ON "appointments" USING btree ("practitioner_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_patient_idx" ON "appointments" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "appointments_class_idx" ON "appointments" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "rate_limits_window_idx" ON "rate_limits" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "intake_patient_idx" ON "intake_responses" USING btree ("patient_id","submitted_at");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE INDEX "audit_patient_idx" ON "audit_log" USING btree ("patient_id","at");