"""Central schema version 2: attachment content as content-addressed blobs (SYNC.md).

The `attachment` row (version 1) says which file (sha256 of its plain bytes) belongs to a
case; it travels in the change feed. The bytes travel separately, only when a person
opens the file on another PC (fetched on demand), and are stored once per sha256:

- `blob_upload (login, sha256, n)`: a pusher's own staging area, insert-only. Each chunk
  (at most CHUNK_BYTES) is verified against its own sha256 on arrival (a corrupted chunk
  is refused); its key includes the login, so an insert never meets another login's row
  (no existence probe through a unique key) and an upload cut off midway resumes with the
  chunks that are missing (`SELECT n FROM blob_upload WHERE sha256 = …` reads own rows).
- `blob_complete(sha256, size)` (SECURITY DEFINER of the owner): checks that the login's
  staged chunks are all there, that together they are `size` bytes (at most
  MAX_BLOB_BYTES) and hash to `sha256`; then stores them in `blob` + `blob_chunk` (once:
  the same content from a second case or login is not stored twice) and clears the
  staging. Answers 'ok', 'missing' (chunks still to send) or 'corrupt' (staging cleared).
  The answer does not depend on whether another login stored the same content before.
- `blob` / `blob_chunk`: written only by blob_complete, never changed (append-only
  triggers). A row of `blob` exists only for a complete, verified blob; a half-sent one
  lives only in its pusher's staging, so it is never visible as complete.
- Reading: a login reads a blob (and its chunks) only while it may read a case whose
  attachment references it (`may_read_blob`: the regency's case readers, an OPD through
  its active access), and only through an attachment row pushed by a login that holds
  the bytes (`blob_holder`: it sent them all, or could read the blob when it pushed the
  row) — naming a known sha256 in a row of one's own case reads nothing. Another
  office's blob reads exactly like a missing one: no rows.

Version 1's `attachment_chunk` (random key, no completeness, never used by a client) is
dropped.
"""

from __future__ import annotations

from lapor_desktop.central.migrations import c0001_schema
from lapor_desktop.central.names import RoleNames, quoted, sql_list
from lapor_desktop.domain.permissions import ATTACH_ROLES

VERSION = 2

CHUNK_BYTES = 256 * 1024
MAX_BLOB_BYTES = 20 * 1024 * 1024  # services/attachments.MAX_BYTES (a test keeps them equal)
MAX_CHUNKS = -(-MAX_BLOB_BYTES // CHUNK_BYTES)
# Staged bytes one login may hold at a time (several files cut off midway).
STAGING_QUOTA = 8 * MAX_BLOB_BYTES
# Own staged chunks older than this are cleared when that login completes a blob.
STAGING_DAYS = 7

# The synced tables with txid (the change feed); blobs are fetched on demand, not pulled.
FEED_TABLES = tuple(t for t in c0001_schema.FEED_TABLES if t != "attachment_chunk")

_SHA = "'^[0-9a-f]{64}$'"

_TABLES = f"""
DROP TABLE attachment_chunk;

CREATE TABLE blob_upload (
    login text NOT NULL DEFAULT session_user,
    sha256 text NOT NULL CHECK (sha256 ~ {_SHA}),
    n int NOT NULL CHECK (n >= 0 AND n < {MAX_CHUNKS}),
    chunk_sha256 text NOT NULL,
    data bytea NOT NULL CHECK (octet_length(data) BETWEEN 1 AND {CHUNK_BYTES}),
    at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (login, sha256, n)
);

-- Attachments are mostly compressed already (JPEG, PNG, PDF, OOXML): stored out of line
-- without trying to compress them again.
ALTER TABLE blob_upload ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE TABLE blob (
    sha256 text PRIMARY KEY CHECK (sha256 ~ {_SHA}),
    size bigint NOT NULL CHECK (size BETWEEN 0 AND {MAX_BLOB_BYTES}),
    chunks int NOT NULL,
    stored_by text NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now()
);

-- Who has shown to hold a blob's bytes: by sending them all (blob_complete), or by being
-- able to read the blob already when it pushed an attachment row naming it. A blob is read
-- only through an attachment row whose pusher holds it, so knowing a sha256 (e.g. from a
-- case that was taken away) and naming it in a row of one's own case reads nothing.
CREATE TABLE blob_holder (
    sha256 text NOT NULL REFERENCES blob (sha256),
    login text NOT NULL,
    PRIMARY KEY (sha256, login)
);

CREATE TABLE blob_chunk (
    sha256 text NOT NULL REFERENCES blob (sha256),
    n int NOT NULL,
    chunk_sha256 text NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (sha256, n)
);
ALTER TABLE blob_chunk ALTER COLUMN data SET STORAGE EXTERNAL;
"""

_FUNCTIONS = f"""
-- A chunk is kept only if its bytes match its hash; the login is the session's own.
CREATE FUNCTION blob_upload_arrives() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = lapor, pg_temp AS $$
DECLARE
    staged bigint;
BEGIN
    NEW.login := session_user;
    NEW.at := now();
    IF NEW.chunk_sha256 IS DISTINCT FROM encode(sha256(NEW.data), 'hex') THEN
        RAISE EXCEPTION 'Potongan lampiran rusak (hash tidak cocok).'
            USING ERRCODE = 'data_exception';
    END IF;
    SELECT coalesce(sum(octet_length(data)), 0) INTO staged
      FROM blob_upload WHERE login = NEW.login;
    IF staged + octet_length(NEW.data) > {STAGING_QUOTA} THEN
        RAISE EXCEPTION 'Ruang unggahan lampiran untuk login ini penuh; coba lagi nanti.'
            USING ERRCODE = 'program_limit_exceeded';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER blob_upload_arrives BEFORE INSERT ON blob_upload
    FOR EACH ROW EXECUTE FUNCTION blob_upload_arrives();
CREATE TRIGGER blob_upload_no_update BEFORE UPDATE ON blob_upload
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER blob_append_only BEFORE UPDATE OR DELETE ON blob
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER blob_chunk_append_only BEFORE UPDATE OR DELETE ON blob_chunk
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The login's staged chunks of one blob → the shared store, verified as a whole.
CREATE FUNCTION blob_complete(want text, want_size bigint) RETURNS text LANGUAGE plpgsql
SECURITY DEFINER SET search_path = lapor, pg_temp AS $$
DECLARE
    me text := session_user;
    k int;
    inside int;
    beyond int;
    got_size bigint;
    whole text;
BEGIN
    IF my_role() IS NULL OR my_role() NOT IN ({sql_list(frozenset(ATTACH_ROLES))}) THEN
        RAISE EXCEPTION 'Login ini tidak boleh mengirim lampiran.'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF want !~ {_SHA} OR want_size < 1 OR want_size > {MAX_BLOB_BYTES} THEN
        RAISE EXCEPTION 'Lampiran melebihi batas ukuran atau tidak sah.'
            USING ERRCODE = 'program_limit_exceeded';
    END IF;
    DELETE FROM blob_upload
     WHERE login = me AND at < now() - interval '{STAGING_DAYS} days' AND sha256 <> want;
    k := ((want_size + {CHUNK_BYTES} - 1) / {CHUNK_BYTES})::int;
    SELECT count(*) FILTER (WHERE n < k), count(*) FILTER (WHERE n >= k),
           coalesce(sum(octet_length(data)), 0)
      INTO inside, beyond, got_size
      FROM blob_upload WHERE login = me AND sha256 = want;
    IF inside < k THEN
        RETURN 'missing';
    END IF;
    IF beyond > 0 OR got_size <> want_size THEN
        DELETE FROM blob_upload WHERE login = me AND sha256 = want;
        RETURN 'corrupt';
    END IF;
    -- The whole is always verified, whether or not the content is stored already: the
    -- answer (and the proof of holding it) must not depend on what others sent.
    SELECT encode(sha256(string_agg(data, ''::bytea ORDER BY n)), 'hex') INTO whole
      FROM blob_upload WHERE login = me AND sha256 = want;
    IF whole IS DISTINCT FROM want THEN
        DELETE FROM blob_upload WHERE login = me AND sha256 = want;
        RETURN 'corrupt';
    END IF;
    -- One blob stored at a time per content (two logins completing it at once).
    PERFORM pg_advisory_xact_lock(hashtext('blob:' || want));
    IF NOT EXISTS (SELECT 1 FROM blob WHERE sha256 = want) THEN
        INSERT INTO blob (sha256, size, chunks, stored_by) VALUES (want, want_size, k, me);
        INSERT INTO blob_chunk (sha256, n, chunk_sha256, data)
        SELECT sha256, n, chunk_sha256, data FROM blob_upload
         WHERE login = me AND sha256 = want ORDER BY n;
    END IF;
    DELETE FROM blob_upload WHERE login = me AND sha256 = want;
    INSERT INTO blob_holder (sha256, login) VALUES (want, me) ON CONFLICT DO NOTHING;
    RETURN 'ok';
END $$;

-- An attachment row naming a blob its pusher can read already (another case it sees has
-- it): the pusher holds it, and others read it through this row too.
CREATE FUNCTION attachment_holds() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = lapor, pg_temp AS $$
BEGIN
    IF may_read_blob(NEW.sha256) THEN
        INSERT INTO blob_holder (sha256, login) VALUES (NEW.sha256, session_user)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
END $$;
-- (after attachment_arrives: triggers fire in name order)
CREATE TRIGGER attachment_holds BEFORE INSERT ON attachment
    FOR EACH ROW EXECUTE FUNCTION attachment_holds();

-- May this login read the blob: does a case it may read have an attachment with it,
-- pushed by a login that holds the bytes?
CREATE FUNCTION may_read_blob(sha text) RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = lapor, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM attachment a
          JOIN blob_holder h ON h.sha256 = a.sha256 AND h.login = a.login
         WHERE a.sha256 = sha AND NOT a.deleted
           AND (reads_all_cases() OR EXISTS (
                SELECT 1 FROM complaint_access ca
                 WHERE ca.complaint_id = a.complaint_id AND ca.office_id = my_office()
                   AND ca.active)))
$$;
"""

_POLICIES = """
ALTER TABLE blob_upload ENABLE ROW LEVEL SECURITY;
CREATE POLICY blob_upload_own ON blob_upload FOR SELECT USING (login = session_user::text);
CREATE POLICY blob_upload_write ON blob_upload FOR INSERT
    WITH CHECK (login = session_user::text);

ALTER TABLE blob ENABLE ROW LEVEL SECURITY;
CREATE POLICY blob_read ON blob FOR SELECT USING (may_read_blob(sha256));

ALTER TABLE blob_holder ENABLE ROW LEVEL SECURITY;  -- no policy, no grant: the owner's

ALTER TABLE blob_chunk ENABLE ROW LEVEL SECURITY;
CREATE POLICY blob_chunk_read ON blob_chunk FOR SELECT USING (may_read_blob(sha256));
"""


def _grants(n: RoleNames) -> str:
    everyone = ", ".join(quoted(n.group(r)) for r in n.groups)
    attach = ", ".join(quoted(n.group(r)) for r in sorted(ATTACH_ROLES))
    return f"""
REVOKE ALL ON blob_upload, blob, blob_chunk, blob_holder FROM PUBLIC;
REVOKE ALL ON FUNCTION blob_upload_arrives(), blob_complete(text, bigint),
    may_read_blob(text), attachment_holds() FROM PUBLIC;
GRANT SELECT ON blob, blob_chunk TO {everyone};
GRANT EXECUTE ON FUNCTION may_read_blob(text) TO {everyone};
GRANT SELECT, INSERT ON blob_upload TO {attach};
GRANT EXECUTE ON FUNCTION blob_complete(text, bigint) TO {attach};
"""


def statements(n: RoleNames) -> list[str]:
    """The SQL of this version, as the owner, in order (search_path is `lapor`)."""
    return [_TABLES, _FUNCTIONS, _POLICIES, _grants(n)]
