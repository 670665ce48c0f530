-- Every indicator gets a stable id inside its measure's JSON (lib/measures/indicator-ids.ts); version snapshots stay as they were (immutable).
UPDATE "measures" SET "indicators" = (
  SELECT coalesce(jsonb_agg(CASE WHEN x.elem ? 'id' THEN x.elem ELSE x.elem || jsonb_build_object('id', gen_random_uuid()::text) END ORDER BY x.ord), '[]'::jsonb)
  FROM jsonb_array_elements("measures"."indicators") WITH ORDINALITY AS x(elem, ord)
) WHERE jsonb_array_length("indicators") > 0;
