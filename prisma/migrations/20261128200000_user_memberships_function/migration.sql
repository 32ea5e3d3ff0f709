-- Every page of an organisation first reads the signed-in user's memberships (the access check and the switcher).
-- Through withUser that was five round trips (BEGIN, set_config, the memberships, their organisations, COMMIT);
-- this function sets the same row-level-security context and reads both in one statement. It runs as the caller
-- (SECURITY INVOKER): the membership and organisation policies apply exactly as they do under withUser. The
-- previous app.user_id is put back, so a call inside a tenant transaction changes nothing for what follows.
CREATE FUNCTION user_memberships(p_user_id uuid)
  RETURNS TABLE (role role, organization_id uuid, organization_name text, organization_slug text,
                 review_interval_days integer)
  LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
DECLARE
  previous_user_id text := current_setting('app.user_id', true);
BEGIN
  PERFORM set_config('app.user_id', p_user_id::text, true);
  RETURN QUERY
    SELECT m.role, o.id, o.name, o.slug, o.review_interval_days
      FROM membership m
      JOIN organization o ON o.id = m.organization_id
     WHERE m.user_id = p_user_id
     ORDER BY o.name, o.id;
  PERFORM set_config('app.user_id', COALESCE(previous_user_id, ''), true);
END
$$;

REVOKE ALL ON FUNCTION user_memberships(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION user_memberships(uuid) TO desired_state_app;
