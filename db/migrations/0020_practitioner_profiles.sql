ALTER TABLE "practitioners" ADD COLUMN "qualifications" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "practitioners" ADD COLUMN "ahpra_number" text;--> statement-breakpoint
ALTER TABLE "practitioners" ADD COLUMN "photo_url" text;--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_ahpra_number_unique" UNIQUE("ahpra_number");--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_ahpra_format" CHECK ("practitioners"."ahpra_number" ~ '^[A-Z]{3}[0-9]{10}$');--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_photo_url_safe" CHECK ("practitioners"."photo_url" ~ '^(https://[^/]|/[^/])');