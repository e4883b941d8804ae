CREATE TABLE "practitioner_photos" (
	"practitioner_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practitioner_photos_type" CHECK ("practitioner_photos"."content_type" in ('image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "practitioner_photos_size" CHECK (octet_length("practitioner_photos"."bytes") between 1 and 1048576)
);
--> statement-breakpoint
ALTER TABLE "practitioners" ADD COLUMN "qualifications" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "practitioners" ADD COLUMN "ahpra_number" text;--> statement-breakpoint
ALTER TABLE "practitioner_photos" ADD CONSTRAINT "practitioner_photos_practitioner_id_practitioners_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."practitioners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_ahpra_number_unique" UNIQUE("ahpra_number");--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_ahpra_format" CHECK ("practitioners"."ahpra_number" ~ '^[A-Z]{3}[0-9]{10}$');