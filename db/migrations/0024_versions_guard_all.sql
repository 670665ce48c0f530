-- The guard of 0002 named the columns it protected; the council decision (0005) and the kept cost rate (0023)
-- came later and were not among them, and nothing refused a DELETE. Now every column of a version is guarded
-- except created_by (set to NULL when its user is deleted), and a version or its snapshot goes only with its
-- concept: as part of a cascade (a purge), never by a statement of its own.
CREATE FUNCTION konzeptwerk_version_row_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- pg_trigger_depth() is 1 for a DELETE on the table itself, more inside the cascade of a deleted concept.
    IF pg_trigger_depth() > 1 THEN RETURN OLD; END IF;
    RAISE EXCEPTION 'Versionen können nicht gelöscht werden.' USING ERRCODE = 'restrict_violation';
  END IF;
  IF (to_jsonb(NEW) - 'created_by') IS DISTINCT FROM (to_jsonb(OLD) - 'created_by') THEN
    RAISE EXCEPTION 'Versionen können nicht geändert werden.' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER "concept_versions_immutable" ON "concept_versions";
--> statement-breakpoint
CREATE TRIGGER "concept_versions_guard" BEFORE UPDATE OR DELETE ON "concept_versions" FOR EACH ROW EXECUTE FUNCTION konzeptwerk_version_row_guard();
--> statement-breakpoint
CREATE TRIGGER "concept_version_snapshots_no_delete" BEFORE DELETE ON "concept_version_snapshots" FOR EACH ROW EXECUTE FUNCTION konzeptwerk_version_row_guard();
