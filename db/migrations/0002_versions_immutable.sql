-- Versions are immutable: no path in the app updates them, and the database refuses it too.
-- (created_by may still become NULL when a user row is deleted.)
CREATE FUNCTION konzeptwerk_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Versionen können nicht geändert werden.' USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER concept_versions_immutable
  BEFORE UPDATE OF concept_id, municipality_id, number, label, kind, status, restored_from, hashes, created_at
  ON concept_versions FOR EACH ROW EXECUTE FUNCTION konzeptwerk_versions_immutable();
--> statement-breakpoint
CREATE TRIGGER concept_version_snapshots_immutable
  BEFORE UPDATE ON concept_version_snapshots FOR EACH ROW EXECUTE FUNCTION konzeptwerk_versions_immutable();
