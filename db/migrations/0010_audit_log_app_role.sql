-- The app works as the NOLOGIN role clinic_app (DATABASE_APP_ROLE; db/client.ts sets it on every connection), which may
-- read and write the tables it needs but only add to the audit log: no UPDATE, DELETE or TRUNCATE there. Migrations
-- keep running as the owner. Creating the role needs CREATEROLE; without it, create it once as a superuser first:
--   CREATE ROLE clinic_app NOLOGIN; GRANT clinic_app TO <owner>;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clinic_app') THEN
    CREATE ROLE clinic_app NOLOGIN;
  END IF;
  IF NOT pg_has_role(current_user, 'clinic_app', 'MEMBER') THEN
    EXECUTE format('GRANT clinic_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO clinic_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO clinic_app;
--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO clinic_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log" FROM clinic_app;
--> statement-breakpoint
-- Tables, sequences and schemas the owner creates later (later migrations, and pg-boss's own schema, which pg-boss
-- installs over the owner's connection while the app enqueues emails inside its transactions) are open to the app too.
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO clinic_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO clinic_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO clinic_app;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') THEN
    GRANT USAGE ON SCHEMA pgboss TO clinic_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO clinic_app;
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA pgboss TO clinic_app;
  END IF;
END $$;
--> statement-breakpoint
-- Whoever connects, the audit log cannot be emptied: the append-only trigger refuses TRUNCATE too.
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
