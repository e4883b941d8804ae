ALTER TYPE "public"."booking_source" ADD VALUE 'waitlist';--> statement-breakpoint
ALTER TYPE "public"."booking_source" ADD VALUE 'referral';--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "referral_source" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "booking_referral" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_referral_short" CHECK (coalesce(length("appointments"."referral_source"), 0) <= 100 and coalesce(length("appointments"."booking_referral"), 0) <= 200);