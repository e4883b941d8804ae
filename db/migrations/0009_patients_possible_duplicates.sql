ALTER TABLE "patients" DROP CONSTRAINT "patients_email_dob";--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "possible_duplicate_of" uuid;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "duplicate_reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_possible_duplicate_of_patients_id_fk" FOREIGN KEY ("possible_duplicate_of") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_merged_into_patients_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "patients_email_dob" ON "patients" USING btree ("email","date_of_birth") WHERE possible_duplicate_of is null and merged_into is null;--> statement-breakpoint
CREATE INDEX "patients_possible_duplicate_idx" ON "patients" USING btree ("possible_duplicate_of");--> statement-breakpoint
CREATE INDEX "patients_normalised_email_idx" ON "patients" USING btree (regexp_replace("email", '\+[^@]*@', '@'));--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_not_own_duplicate" CHECK ("patients"."possible_duplicate_of" <> "patients"."id" and "patients"."merged_into" <> "patients"."id");