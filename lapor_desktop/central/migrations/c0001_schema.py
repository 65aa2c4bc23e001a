"""Central schema version 1: the synced tables, the change feed, the triggers, RLS.

Run as the NOLOGIN owner (`SET ROLE <db>_owner`), so the owner owns every object; the
trigger functions are SECURITY DEFINER of the owner and see every row (the owner is not
subject to RLS), while each person's login sees only what its policies and views allow.

Every synced table has `txid xid8` (the transaction that last wrote the row, kept by the
`touch` trigger, never by a client) and an index on (txid, id) for the keyset-paged pull
of central/feed.py. Deletes are soft (`deleted`).
"""

from __future__ import annotations

from lapor_desktop.central.names import (
    CASE_READERS,
    IDENTITY_ROLES,
    RoleNames,
    quoted,
    sql_list,
)
from lapor_desktop.domain.permissions import ATTACH_ROLES, AUTOMATION_ROLES
from lapor_desktop.domain.workflow import Role

VERSION = 1

# Columns of a case header and of a reporter that a version-checked edit may change
# (status and current OPD are never among them: the server derives those).
COMPLAINT_EDITABLE = (
    "tracking_id",
    "channel",
    "klasifikasi",
    "title",
    "body",
    "location_kecamatan",
    "location_desa",
    "location_text",
    "incident_date",
    "anonim",
    "rahasia",
    "category_code",
    "rule_set_id",
    "deleted",
)
REPORTER_EDITABLE = (
    "nik",
    "name",
    "sex",
    "birth_date",
    "address",
    "kecamatan",
    "desa",
    "phone",
    "email",
    "identity_check",
    "deleted",
)
# The tables of the change feed (each has txid and id).
FEED_TABLES = (
    "office",
    "app_user",
    "category",
    "rule_set",
    "holiday_override",
    "reporter",
    "complaint",
    "complaint_access",
    "case_action",
    "record_edit",
    "sync_conflict",
    "attachment",
    "attachment_chunk",
    "letter",
)

_TABLES = """
CREATE TABLE sync_meta (
    id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    schema_version int NOT NULL,
    min_client_version text NOT NULL,
    role_prefix text NOT NULL,
    -- Soft-deleted rows older than this transaction may have been purged: a client whose
    -- checkpoint is below it pushes its own changes and then pulls everything again.
    purge_horizon xid8 NOT NULL DEFAULT '0',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE workflow_rule (
    action text NOT NULL,
    from_status text,            -- NULL: INTAKE (no case yet)
    role text NOT NULL,
    to_status text,              -- NULL: the status stays
    scope text NOT NULL,
    needs_note boolean NOT NULL,
    UNIQUE NULLS NOT DISTINCT (action, from_status, role)
);

CREATE TABLE office (
    id uuid PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('kabupaten', 'opd')),
    active boolean NOT NULL DEFAULT true,
    address text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT '',
    email text NOT NULL DEFAULT '',
    row_version int NOT NULL DEFAULT 1,
    deleted boolean NOT NULL DEFAULT false,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE app_user (
    id uuid PRIMARY KEY,
    username text NOT NULL UNIQUE,   -- the PostgreSQL login of the person
    full_name text NOT NULL,
    nip text NOT NULL DEFAULT '',
    role text NOT NULL,
    office_id uuid NOT NULL REFERENCES office (id),
    active boolean NOT NULL DEFAULT true,
    created_at timestamp NOT NULL DEFAULT localtimestamp(0),
    deleted boolean NOT NULL DEFAULT false,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE category (
    code text PRIMARY KEY,
    name text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    deleted boolean NOT NULL DEFAULT false,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE rule_set (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    effective_from date NOT NULL,
    verification_days int NOT NULL,
    verification_kind text NOT NULL,
    follow_up_days int NOT NULL,
    follow_up_kind text NOT NULL,
    escalation_days int NOT NULL,
    escalation_kind text NOT NULL,
    reply_days int NOT NULL,
    reply_kind text NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE holiday_override (
    id uuid PRIMARY KEY,
    day date NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('add', 'remove')),
    reason text NOT NULL,
    created_by uuid,
    created_at timestamp NOT NULL DEFAULT localtimestamp(0),
    deleted boolean NOT NULL DEFAULT false,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);

-- Personal data: only the regency's front desk and admin have a grant on this table.
CREATE TABLE reporter (
    id uuid PRIMARY KEY,
    nik text,
    name text NOT NULL,
    sex text NOT NULL,
    birth_date date,
    address text NOT NULL DEFAULT '',
    kecamatan text NOT NULL DEFAULT '',
    desa text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT '',
    email text NOT NULL DEFAULT '',
    identity_check text NOT NULL DEFAULT 'none',
    registered_by uuid,
    created_at timestamp NOT NULL DEFAULT localtimestamp(0),
    row_version int NOT NULL DEFAULT 1,
    -- Two PCs registered one NIK offline: the later row points at the earlier one (and a
    -- sync_conflict row asks a person to check); complaints keep either id.
    merged_into uuid REFERENCES reporter (id),
    deleted boolean NOT NULL DEFAULT false,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE UNIQUE INDEX reporter_nik ON reporter (nik) WHERE merged_into IS NULL AND nik IS NOT NULL;

CREATE TABLE complaint (
    id uuid PRIMARY KEY,
    ticket text NOT NULL UNIQUE,
    tracking_id text NOT NULL DEFAULT '',
    reporter_id uuid NOT NULL REFERENCES reporter (id),
    channel text NOT NULL,
    klasifikasi text NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    location_kecamatan text NOT NULL DEFAULT '',
    location_desa text NOT NULL DEFAULT '',
    location_text text NOT NULL DEFAULT '',
    incident_date date,
    received_at timestamp NOT NULL,          -- the officer's (client) time
    anonim boolean NOT NULL DEFAULT false,
    rahasia boolean NOT NULL DEFAULT false,
    category_code text REFERENCES category (code),
    rule_set_id uuid NOT NULL REFERENCES rule_set (id),
    intake_office_id uuid NOT NULL REFERENCES office (id),
    created_by uuid NOT NULL REFERENCES app_user (id),
    created_at timestamp NOT NULL DEFAULT localtimestamp(0),
    -- Derived by the server from the accepted actions; a client never writes these.
    status text,                              -- NULL until the INTAKE action arrives
    opd_id uuid REFERENCES office (id),
    last_seq int NOT NULL DEFAULT 0,
    disposed_at timestamp,
    answered_at timestamp,
    closed_at timestamp,
    escalated_at timestamp,
    reopen_count int NOT NULL DEFAULT 0,
    answer_text text NOT NULL DEFAULT '',
    server_received_at timestamptz NOT NULL DEFAULT now(),
    row_version int NOT NULL DEFAULT 1,
    deleted boolean NOT NULL DEFAULT false,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX complaint_reporter ON complaint (reporter_id);

-- Which offices may see a case: kept by the action trigger; deactivated, never deleted,
-- so a revocation reaches the OPD's PC as data.
CREATE TABLE complaint_access (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    complaint_id uuid NOT NULL REFERENCES complaint (id),
    office_id uuid NOT NULL REFERENCES office (id),
    active boolean NOT NULL,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    UNIQUE (complaint_id, office_id)
);
CREATE INDEX complaint_access_office ON complaint_access (office_id, complaint_id) WHERE active;
CREATE INDEX complaint_access_office_feed ON complaint_access (office_id, txid, id);
-- complaint_opd's feed: an office's active cases in (txid, case) order, whatever the total.
CREATE INDEX complaint_access_case_feed ON complaint_access (office_id, txid, complaint_id)
    WHERE active;

-- The history: append-only. No foreign key on complaint_id on purpose: an action for a
-- case the login may not see is stored rejected ("tidak ditemukan"), exactly like one
-- for a case that does not exist, instead of an error that tells the two apart.
CREATE TABLE case_action (
    id uuid PRIMARY KEY,
    complaint_id uuid NOT NULL,
    seq int,                                  -- gapless per case over accepted actions
    action text NOT NULL,
    from_status text,
    to_status text,
    user_id uuid,
    role text NOT NULL DEFAULT '',
    office_id uuid,
    opd_id uuid,                              -- target OPD (dispose) or suggested one
    note text NOT NULL DEFAULT '',
    for_reporter boolean NOT NULL DEFAULT false,
    at timestamp NOT NULL,                    -- the officer's (client) time
    login text NOT NULL DEFAULT session_user,
    received_at timestamptz NOT NULL DEFAULT now(),
    clock_skewed boolean NOT NULL DEFAULT false,
    accepted boolean NOT NULL DEFAULT false,
    reason text,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    UNIQUE (complaint_id, seq)
);
CREATE INDEX case_action_complaint ON case_action (complaint_id);
CREATE INDEX case_action_login ON case_action (login, txid);

-- Version-checked edits of mutable records (reporter, case header). One row per edit,
-- inserted by the client; the trigger applies it when base_version is current and keeps
-- it as a conflict otherwise — never last-writer-wins.
CREATE TABLE record_edit (
    id uuid PRIMARY KEY,
    entity text NOT NULL CHECK (entity IN ('reporter', 'complaint')),
    entity_id uuid NOT NULL,
    base_version int NOT NULL,
    changes jsonb NOT NULL,
    outcome text NOT NULL DEFAULT 'pending',  -- applied | conflict | rejected
    current_version int,
    reason text,
    login text NOT NULL DEFAULT session_user,
    at timestamp NOT NULL DEFAULT localtimestamp(0),
    received_at timestamptz NOT NULL DEFAULT now(),
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE sync_conflict (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    entity text NOT NULL,
    entity_id uuid NOT NULL,
    other_id uuid,
    reason text NOT NULL,
    login text NOT NULL DEFAULT session_user,
    resolved boolean NOT NULL DEFAULT false,
    at timestamptz NOT NULL DEFAULT now(),
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);

-- Content-addressed attachments: the row says which file (sha256) belongs to a case; the
-- bytes come in chunks, each verified against its own hash on arrival. Chunks have a
-- random key (no meaningful unique key a write could probe).
CREATE TABLE attachment (
    id uuid PRIMARY KEY,
    complaint_id uuid NOT NULL,
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    filename text NOT NULL,
    mime text NOT NULL,
    size bigint NOT NULL CHECK (size >= 0),
    added_by uuid,
    added_at timestamp NOT NULL,
    login text NOT NULL DEFAULT session_user,
    deleted boolean NOT NULL DEFAULT false,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX attachment_complaint ON attachment (complaint_id);
CREATE INDEX attachment_sha ON attachment (sha256);

CREATE TABLE attachment_chunk (
    id uuid PRIMARY KEY,
    sha256 text NOT NULL,
    idx int NOT NULL CHECK (idx >= 0),
    chunk_sha256 text NOT NULL,
    data bytea NOT NULL,
    login text NOT NULL DEFAULT session_user,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX attachment_chunk_file ON attachment_chunk (sha256, idx);

-- Letters register: the server numbers letters (gapless per office and year); a PC that
-- issued a letter offline prints "nomor menyusul" until the number comes back.
CREATE TABLE letter_counter (
    office_id uuid NOT NULL REFERENCES office (id),
    year int NOT NULL,
    last_number int NOT NULL DEFAULT 0,
    PRIMARY KEY (office_id, year)
);
CREATE TABLE letter (
    id uuid PRIMARY KEY,
    office_id uuid NOT NULL REFERENCES office (id),
    year int NOT NULL,
    number int,
    full_number text NOT NULL DEFAULT '',     -- '{nomor}' is replaced by the number
    kind text NOT NULL,
    complaint_id uuid,
    reserved_by uuid,
    reserved_at timestamp NOT NULL,
    login text NOT NULL DEFAULT session_user,
    received_at timestamptz NOT NULL DEFAULT now(),
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    UNIQUE (office_id, year, number)
);

-- Written by the client at the end of a sync cycle; read by `central status`.
CREATE TABLE sync_log (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    login text NOT NULL DEFAULT session_user,
    office_id uuid,
    checkpoint xid8,
    client_version text NOT NULL DEFAULT '',
    pushed int NOT NULL DEFAULT 0,
    pulled int NOT NULL DEFAULT 0,
    rejected int NOT NULL DEFAULT 0,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_log_login ON sync_log (login, at);
"""


def _who_sql() -> str:
    readers = sql_list(CASE_READERS)
    return f"""
-- Who is asking: the login (session_user, which a client cannot change with SET ROLE or a
-- session variable) mapped to its person row.
CREATE FUNCTION my_user_id() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = lapor, pg_temp AS $$
    SELECT id FROM app_user WHERE username = session_user::text AND active AND NOT deleted
$$;
CREATE FUNCTION my_office() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = lapor, pg_temp AS $$
    SELECT office_id FROM app_user WHERE username = session_user::text AND active AND NOT deleted
$$;
CREATE FUNCTION my_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = lapor, pg_temp AS $$
    SELECT role FROM app_user WHERE username = session_user::text AND active AND NOT deleted
$$;
CREATE FUNCTION reads_all_cases() RETURNS boolean LANGUAGE sql STABLE
SET search_path = lapor, pg_temp AS $$
    SELECT coalesce(my_role() IN ({readers}), false)
$$;
-- For the triggers only (not granted to any client).
CREATE FUNCTION office_sees_case(cid uuid, oid uuid) RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = lapor, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM complaint_access a
                   WHERE a.complaint_id = cid AND a.office_id = oid AND a.active)
$$;
"""


_TOUCH = """
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.txid := pg_current_xact_id();
    RETURN NEW;
END $$;
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Riwayat tidak dapat diubah atau dihapus (%).', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
"""


def _action_trigger() -> str:
    automation = sql_list(frozenset(AUTOMATION_ROLES))
    return f"""
-- An arriving action: lock its case, skip a replay, validate against the current status,
-- the login's role and office (workflow_rule, generated from domain/workflow.py), then
-- number and project it — or keep it with accepted = false and the reason.
CREATE FUNCTION action_arrives() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = lapor, pg_temp AS $$
DECLARE
    c complaint%ROWTYPE;
    u app_user%ROWTYPE;
    r workflow_rule%ROWTYPE;
    t office%ROWTYPE;
    eff_role text;
    why text;
BEGIN
    NEW.login := session_user;
    NEW.received_at := now();
    NEW.txid := pg_current_xact_id();
    NEW.accepted := false;
    NEW.reason := NULL;
    NEW.seq := NULL;
    NEW.clock_skewed := NEW.at > localtimestamp + interval '5 minutes';
    SELECT * INTO u FROM app_user
     WHERE username = session_user::text AND active AND NOT deleted;
    IF NOT FOUND THEN
        NEW.from_status := NULL; NEW.to_status := NULL;
        NEW.reason := 'Pengguna tidak terdaftar atau tidak aktif di server pusat.';
        RETURN NEW;
    END IF;
    eff_role := u.role;
    IF NEW.role = 'SYSTEM' AND u.role IN ({automation}) THEN
        eff_role := 'SYSTEM';
    END IF;
    NEW.role := eff_role;
    NEW.user_id := CASE WHEN eff_role = 'SYSTEM' THEN NULL ELSE u.id END;
    NEW.office_id := u.office_id;
    SELECT * INTO c FROM complaint WHERE id = NEW.complaint_id FOR UPDATE;
    IF FOUND AND EXISTS (SELECT 1 FROM case_action WHERE id = NEW.id) THEN
        RETURN NULL;  -- a replayed push: stored once already
    END IF;
    IF NOT FOUND OR c.deleted OR NOT (
        u.role IN ({sql_list(CASE_READERS)}) OR office_sees_case(c.id, u.office_id)
    ) THEN
        NEW.from_status := NULL; NEW.to_status := NULL;
        NEW.reason := 'Laporan tidak ditemukan.';
        RETURN NEW;
    END IF;
    NEW.from_status := c.status;
    NEW.to_status := c.status;
    SELECT * INTO r FROM workflow_rule
     WHERE action = NEW.action AND role = eff_role
       AND from_status IS NOT DISTINCT FROM c.status;
    IF NOT FOUND THEN
        IF NOT EXISTS (SELECT 1 FROM workflow_rule WHERE action = NEW.action AND role = eff_role)
        THEN
            why := format('Peran %s tidak berwenang melakukan tindakan %s.', eff_role, NEW.action);
        ELSE
            why := format('Tindakan %s tidak dapat dilakukan pada laporan berstatus %s.',
                          NEW.action, coalesce(c.status, '(belum dicatat)'));
        END IF;
    ELSIF r.scope = 'assigned_opd' AND c.opd_id IS DISTINCT FROM u.office_id THEN
        why := 'Laporan tidak sedang didisposisikan ke OPD Anda.';
    ELSIF r.needs_note AND btrim(NEW.note) = '' THEN
        why := format('Tindakan %s memerlukan catatan.', NEW.action);
    ELSIF NEW.action IN ('DISPOSE', 'REDISPOSE') THEN
        SELECT * INTO t FROM office
         WHERE id = NEW.opd_id AND kind = 'opd' AND active AND NOT deleted;
        IF NOT FOUND THEN
            why := 'OPD tujuan tidak dikenal atau tidak aktif.';
        ELSIF NEW.action = 'REDISPOSE' AND t.id = c.opd_id THEN
            why := 'Laporan sudah didisposisikan ke OPD itu.';
        END IF;
    ELSIF NEW.action = 'ESKALASI_OMBUDSMAN' AND c.escalated_at IS NOT NULL THEN
        why := 'Laporan sudah dieskalasi ke Ombudsman.';
    END IF;
    IF why IS NOT NULL THEN
        NEW.reason := why;
        RETURN NEW;
    END IF;

    NEW.accepted := true;
    NEW.seq := c.last_seq + 1;
    NEW.to_status := coalesce(r.to_status, c.status);
    c.last_seq := NEW.seq;
    c.status := NEW.to_status;
    IF NEW.action IN ('DISPOSE', 'REDISPOSE') THEN
        c.opd_id := NEW.opd_id;
        c.disposed_at := NEW.at;
        UPDATE complaint_access SET active = false
         WHERE complaint_id = c.id AND office_id <> NEW.opd_id AND active;
        INSERT INTO complaint_access (complaint_id, office_id, active)
        VALUES (c.id, NEW.opd_id, true)
        ON CONFLICT (complaint_id, office_id) DO UPDATE SET active = true
         WHERE NOT complaint_access.active;
    ELSIF NEW.action = 'NOT_OURS' THEN
        c.opd_id := NULL;
        UPDATE complaint_access SET active = false WHERE complaint_id = c.id AND active;
    ELSIF NEW.action = 'SUBMIT_ANSWER' THEN
        c.answer_text := NEW.note;
    ELSIF NEW.action = 'APPROVE' THEN
        c.answered_at := NEW.at;
    ELSIF NEW.action = 'REPORTER_RESPONSE' THEN
        c.reopen_count := c.reopen_count + 1;
        c.answered_at := NULL;
    ELSIF NEW.action IN ('ACCEPT', 'CLOSE', 'AUTO_CLOSE', 'ARCHIVE') THEN
        c.closed_at := NEW.at;
    ELSIF NEW.action = 'ESKALASI_OMBUDSMAN' THEN
        c.escalated_at := NEW.at;
    END IF;
    UPDATE complaint SET
        last_seq = c.last_seq, status = c.status, opd_id = c.opd_id,
        disposed_at = c.disposed_at, answered_at = c.answered_at, closed_at = c.closed_at,
        escalated_at = c.escalated_at, reopen_count = c.reopen_count,
        answer_text = c.answer_text
     WHERE id = c.id;
    RETURN NEW;
END $$;
CREATE TRIGGER case_action_arrives BEFORE INSERT ON case_action
    FOR EACH ROW EXECUTE FUNCTION action_arrives();
CREATE TRIGGER case_action_append_only BEFORE UPDATE OR DELETE ON case_action
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER case_action_no_truncate BEFORE TRUNCATE ON case_action
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
"""


def _edit_trigger() -> str:
    def apply(entity: str, cols: tuple[str, ...]) -> str:
        sets = ", ".join(f"{c} = n.{c}" for c in cols)
        allowed = ", ".join(f"'{c}'" for c in cols)
        return f"""
    IF e.entity = '{entity}' THEN
        SELECT * INTO {entity[0]} FROM {entity} WHERE id = e.entity_id FOR UPDATE;
        IF NOT FOUND THEN
            e.outcome := 'rejected'; e.reason := 'Data tidak ditemukan.';
            RETURN e;
        END IF;
        IF EXISTS (SELECT 1 FROM record_edit WHERE id = e.id) THEN
            RETURN NULL;
        END IF;
        SELECT string_agg(key, ', ') INTO bad FROM jsonb_object_keys(e.changes) AS key
         WHERE key NOT IN ({allowed});
        IF bad IS NOT NULL THEN
            e.outcome := 'rejected';
            e.reason := 'Kolom tidak dapat diubah: ' || bad || '.';
            RETURN e;
        END IF;
        e.current_version := {entity[0]}.row_version;
        IF {entity[0]}.row_version <> e.base_version THEN
            e.outcome := 'conflict';
            e.reason := format('Data sudah diubah di tempat lain (versi %s, perubahan ini '
                                 'berdasar versi %s); periksa dan ulangi.',
                                 {entity[0]}.row_version, e.base_version);
            INSERT INTO sync_conflict (entity, entity_id, other_id, reason, login)
            VALUES (e.entity, e.entity_id, e.id, e.reason, e.login);
            RETURN e;
        END IF;
        n := jsonb_populate_record({entity[0]}, e.changes);
        {extra(entity)}
        UPDATE {entity} SET {sets}, row_version = row_version + 1 WHERE id = e.entity_id;
        e.outcome := 'applied';
        e.current_version := {entity[0]}.row_version + 1;
        RETURN e;
    END IF;"""

    def extra(entity: str) -> str:
        if entity != "reporter":
            return ""
        return """IF n.nik IS DISTINCT FROM r.nik AND EXISTS (
            SELECT 1 FROM reporter WHERE nik = n.nik AND id <> r.id AND merged_into IS NULL)
        THEN
            e.outcome := 'rejected';
            e.reason := 'NIK itu sudah terdaftar untuk pelapor lain.';
            RETURN e;
        END IF;"""

    # One function per entity: a record variable's type is fixed at its declaration.
    out = []
    for entity, cols in (("reporter", REPORTER_EDITABLE), ("complaint", COMPLAINT_EDITABLE)):
        out.append(f"""
CREATE FUNCTION edit_{entity}(e record_edit) RETURNS record_edit LANGUAGE plpgsql
SET search_path = lapor, pg_temp AS $$
DECLARE
    {entity[0]} {entity}%ROWTYPE;
    n {entity}%ROWTYPE;
    bad text;
BEGIN{apply(entity, cols)}
    RETURN e;
END $$;""")
    out.append("""
CREATE FUNCTION edit_arrives() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = lapor, pg_temp AS $$
DECLARE
    res record_edit;
BEGIN
    NEW.login := session_user;
    NEW.received_at := now();
    NEW.txid := pg_current_xact_id();
    NEW.outcome := 'pending';
    NEW.reason := NULL;
    NEW.current_version := NULL;
    IF NEW.entity = 'reporter' THEN
        res := edit_reporter(NEW);
    ELSE
        res := edit_complaint(NEW);
    END IF;
    IF res IS NULL THEN
        RETURN NULL;  -- a replayed push
    END IF;
    RETURN res;
END $$;
CREATE TRIGGER record_edit_arrives BEFORE INSERT ON record_edit
    FOR EACH ROW EXECUTE FUNCTION edit_arrives();
CREATE TRIGGER record_edit_append_only BEFORE UPDATE OR DELETE ON record_edit
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
""")
    return "\n".join(out)


_OTHER_TRIGGERS = """
-- A new case header: the server owns its derived columns.
CREATE FUNCTION complaint_arrives() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = lapor, pg_temp AS $$
BEGIN
    NEW.status := NULL; NEW.opd_id := NULL; NEW.last_seq := 0;
    NEW.disposed_at := NULL; NEW.answered_at := NULL; NEW.closed_at := NULL;
    NEW.escalated_at := NULL; NEW.reopen_count := 0; NEW.answer_text := '';
    NEW.row_version := 1; NEW.deleted := false;
    NEW.server_received_at := now();
    NEW.txid := pg_current_xact_id();
    IF my_user_id() IS NOT NULL THEN
        NEW.intake_office_id := my_office();
        NEW.created_by := my_user_id();
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER complaint_arrives BEFORE INSERT ON complaint
    FOR EACH ROW EXECUTE FUNCTION complaint_arrives();

-- A reporter registered twice (same NIK, two offline PCs): keep both ids, point the later
-- at the earlier and ask a person to check.
CREATE FUNCTION reporter_arrives() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = lapor, pg_temp AS $$
DECLARE
    other uuid;
BEGIN
    NEW.row_version := 1; NEW.deleted := false; NEW.merged_into := NULL;
    NEW.txid := pg_current_xact_id();
    IF NEW.nik IS NOT NULL THEN
        PERFORM pg_advisory_xact_lock(hashtext('reporter-nik:' || NEW.nik));
        IF EXISTS (SELECT 1 FROM reporter WHERE id = NEW.id) THEN
            RETURN NULL;  -- a replayed push: no second conflict row
        END IF;
        SELECT id INTO other FROM reporter WHERE nik = NEW.nik AND merged_into IS NULL
           AND id <> NEW.id;
        IF FOUND THEN
            NEW.merged_into := other;
            INSERT INTO sync_conflict (entity, entity_id, other_id, reason)
            VALUES ('reporter', NEW.id, other,
                    'NIK yang sama didaftarkan dua kali; data digabung ke pelapor pertama.');
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER reporter_arrives BEFORE INSERT ON reporter
    FOR EACH ROW EXECUTE FUNCTION reporter_arrives();

-- A reporter's change reaches the OPD views through its cases' txid.
CREATE FUNCTION reporter_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = lapor, pg_temp AS $$
BEGIN
    UPDATE complaint SET txid = pg_current_xact_id() WHERE reporter_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER reporter_changed AFTER UPDATE ON reporter
    FOR EACH ROW EXECUTE FUNCTION reporter_changed();

-- A case's change reaches the offices that see it through their access rows' txid, so an
-- OPD's feed of its cases reads its own access rows by index (complaint_opd).
CREATE FUNCTION complaint_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = lapor, pg_temp AS $$
BEGIN
    UPDATE complaint_access SET txid = pg_current_xact_id()
     WHERE complaint_id = NEW.id AND active AND txid <> pg_current_xact_id();
    RETURN NULL;
END $$;
CREATE TRIGGER complaint_changed AFTER UPDATE ON complaint
    FOR EACH ROW EXECUTE FUNCTION complaint_changed();

-- Letters: numbered by the server, gapless per office and year.
CREATE FUNCTION letter_arrives() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = lapor, pg_temp AS $$
DECLARE
    n int;
BEGIN
    NEW.login := session_user;
    NEW.received_at := now();
    NEW.txid := pg_current_xact_id();
    IF my_office() IS NOT NULL THEN
        NEW.office_id := my_office();
    END IF;
    INSERT INTO letter_counter (office_id, year) VALUES (NEW.office_id, NEW.year)
    ON CONFLICT DO NOTHING;
    SELECT last_number + 1 INTO n FROM letter_counter
     WHERE office_id = NEW.office_id AND year = NEW.year FOR UPDATE;
    IF EXISTS (SELECT 1 FROM letter WHERE id = NEW.id) THEN
        RETURN NULL;
    END IF;
    UPDATE letter_counter SET last_number = n WHERE office_id = NEW.office_id AND year = NEW.year;
    NEW.number := n;
    NEW.full_number := replace(NEW.full_number, '{nomor}', n::text);
    RETURN NEW;
END $$;
CREATE TRIGGER letter_arrives BEFORE INSERT ON letter
    FOR EACH ROW EXECUTE FUNCTION letter_arrives();
CREATE TRIGGER letter_append_only BEFORE UPDATE OR DELETE ON letter
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A chunk is kept only if its bytes match its hash.
CREATE FUNCTION chunk_arrives() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.chunk_sha256 <> encode(sha256(NEW.data), 'hex') THEN
        RAISE EXCEPTION 'Potongan lampiran rusak (hash tidak cocok).'
            USING ERRCODE = 'data_exception';
    END IF;
    NEW.login := session_user;
    NEW.txid := pg_current_xact_id();
    RETURN NEW;
END $$;
CREATE TRIGGER attachment_chunk_arrives BEFORE INSERT ON attachment_chunk
    FOR EACH ROW EXECUTE FUNCTION chunk_arrives();
CREATE TRIGGER attachment_chunk_append_only BEFORE UPDATE OR DELETE ON attachment_chunk
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE FUNCTION attachment_arrives() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.login := session_user;
    NEW.txid := pg_current_xact_id();
    RETURN NEW;
END $$;
CREATE TRIGGER attachment_arrives BEFORE INSERT ON attachment
    FOR EACH ROW EXECUTE FUNCTION attachment_arrives();
"""


def _touch_triggers() -> str:
    mutable = (
        "office",
        "app_user",
        "category",
        "rule_set",
        "holiday_override",
        "reporter",
        "complaint",
        "complaint_access",
        "attachment",
    )
    out = [
        f"CREATE TRIGGER {t}_touch BEFORE UPDATE ON {t} FOR EACH ROW EXECUTE FUNCTION touch();"
        for t in mutable
    ]
    for t in FEED_TABLES:
        key = "code" if t == "category" else "id"
        out.append(f"CREATE INDEX {t}_feed ON {t} (txid, {key});")
    return "\n".join(out)


def _views() -> str:
    return """
-- What an OPD login reads of its cases: no NIK, no birth date; the reporter's name and
-- contacts only when the case is not anonim (and never the reporter id of an anonim
-- case). These views run with the owner's rights (the OPD has no grant on complaint or
-- reporter) and filter explicitly by the login's active access; security_barrier keeps a
-- caller's WHERE clause from seeing rows before that filter.
CREATE VIEW complaint_opd WITH (security_barrier) AS
SELECT c.id, c.ticket, c.tracking_id,
       CASE WHEN c.anonim THEN NULL ELSE c.reporter_id END AS reporter_id,
       CASE WHEN c.anonim THEN NULL ELSE r.name END AS reporter_name,
       CASE WHEN c.anonim THEN NULL ELSE r.phone END AS reporter_phone,
       CASE WHEN c.anonim THEN NULL ELSE r.email END AS reporter_email,
       CASE WHEN c.anonim THEN NULL ELSE r.address END AS reporter_address,
       c.channel, c.klasifikasi, c.title, c.body, c.location_kecamatan, c.location_desa,
       c.location_text, c.incident_date, c.received_at, c.anonim, c.rahasia,
       c.category_code, c.rule_set_id, c.intake_office_id, c.created_by, c.created_at,
       c.status, c.opd_id, c.last_seq, c.disposed_at, c.answered_at, c.closed_at,
       c.escalated_at, c.reopen_count, c.answer_text, c.row_version, c.deleted,
       -- The access row's txid: it moves with every change of the case (and of its
       -- reporter) and with the grant itself, and it is what the feed index orders by.
       a.txid
  FROM complaint_access a
  JOIN complaint c ON c.id = a.complaint_id
  JOIN reporter r ON r.id = c.reporter_id
 WHERE a.office_id = (SELECT my_office()) AND a.active;

-- The auditor reads every case but no NIK, and no identity of an anonim reporter.
CREATE VIEW reporter_audit WITH (security_barrier) AS
SELECT r.id,
       CASE WHEN hidden THEN NULL ELSE r.name END AS name,
       CASE WHEN hidden THEN NULL ELSE r.sex END AS sex,
       CASE WHEN hidden THEN NULL ELSE r.kecamatan END AS kecamatan,
       CASE WHEN hidden THEN NULL ELSE r.desa END AS desa,
       r.identity_check, r.created_at, r.row_version, r.merged_into, r.deleted, r.txid
  FROM reporter r,
       LATERAL (SELECT EXISTS (SELECT 1 FROM complaint c
                               WHERE c.reporter_id = r.id AND c.anonim) AS hidden) h
 WHERE reads_all_cases();
"""


def _policies() -> str:
    identity = sql_list(IDENTITY_ROLES)
    attach = sql_list(frozenset(ATTACH_ROLES))
    admin = f"'{Role.ADMIN_KABUPATEN.value}'"
    # The login's functions are wrapped in a scalar subquery: evaluated once per statement
    # (an InitPlan), not once per row, and access is an inlined EXISTS the planner joins.
    return f"""
ALTER TABLE complaint ENABLE ROW LEVEL SECURITY;
CREATE POLICY complaint_read ON complaint FOR SELECT USING ((SELECT reads_all_cases()));
CREATE POLICY complaint_write ON complaint FOR INSERT
    WITH CHECK ((SELECT my_role()) IN ({identity}));

ALTER TABLE reporter ENABLE ROW LEVEL SECURITY;
CREATE POLICY reporter_read ON reporter FOR SELECT
    USING ((SELECT my_role()) IN ({identity}));
CREATE POLICY reporter_write ON reporter FOR INSERT
    WITH CHECK ((SELECT my_role()) IN ({identity}));

ALTER TABLE complaint_access ENABLE ROW LEVEL SECURITY;
CREATE POLICY access_read ON complaint_access FOR SELECT
    USING ((SELECT reads_all_cases()) OR office_id = (SELECT my_office()));

ALTER TABLE case_action ENABLE ROW LEVEL SECURITY;
-- Accepted actions of a visible case; rejected ones only to their author (and the
-- regency). An action's author always sees it, so a rejection comes back to the PC.
CREATE POLICY action_read ON case_action FOR SELECT
    USING (login = session_user::text OR (SELECT reads_all_cases())
           OR (accepted AND EXISTS (
        SELECT 1 FROM complaint_access a WHERE a.complaint_id = case_action.complaint_id
                   AND a.office_id = (SELECT my_office()) AND a.active)));
CREATE POLICY action_write ON case_action FOR INSERT WITH CHECK (login = session_user::text);

ALTER TABLE record_edit ENABLE ROW LEVEL SECURITY;
CREATE POLICY edit_read ON record_edit FOR SELECT
    USING (login = session_user::text OR (SELECT my_role()) = {admin});
CREATE POLICY edit_write ON record_edit FOR INSERT
    WITH CHECK (login = session_user::text AND (SELECT my_role()) IN ({identity}));

ALTER TABLE sync_conflict ENABLE ROW LEVEL SECURITY;
CREATE POLICY conflict_read ON sync_conflict FOR SELECT
    USING (login = session_user::text OR (SELECT my_role()) = {admin});

ALTER TABLE attachment ENABLE ROW LEVEL SECURITY;
CREATE POLICY attachment_read ON attachment FOR SELECT
    USING (((SELECT reads_all_cases()) OR EXISTS (
        SELECT 1 FROM complaint_access a WHERE a.complaint_id = attachment.complaint_id
                   AND a.office_id = (SELECT my_office()) AND a.active)));
CREATE POLICY attachment_write ON attachment FOR INSERT
    WITH CHECK ((SELECT my_role()) IN ({attach})
        AND ((SELECT reads_all_cases()) OR EXISTS (
        SELECT 1 FROM complaint_access a WHERE a.complaint_id = attachment.complaint_id
                   AND a.office_id = (SELECT my_office()) AND a.active)));

ALTER TABLE attachment_chunk ENABLE ROW LEVEL SECURITY;
CREATE POLICY chunk_read ON attachment_chunk FOR SELECT
    USING (login = session_user::text
           OR EXISTS (SELECT 1 FROM attachment a WHERE a.sha256 = attachment_chunk.sha256));
CREATE POLICY chunk_write ON attachment_chunk FOR INSERT
    WITH CHECK ((SELECT my_role()) IN ({attach}));

ALTER TABLE letter ENABLE ROW LEVEL SECURITY;
CREATE POLICY letter_read ON letter FOR SELECT
    USING ((SELECT reads_all_cases()) OR office_id = (SELECT my_office()));
CREATE POLICY letter_write ON letter FOR INSERT
    WITH CHECK (office_id = (SELECT my_office()) AND (SELECT my_role()) IN ({attach}));

ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_read ON app_user FOR SELECT
    USING ((SELECT reads_all_cases()) OR (SELECT my_role()) = 'SYS_ADMIN'
           OR office_id = (SELECT my_office()));

ALTER TABLE sync_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY sync_log_read ON sync_log FOR SELECT USING (login = session_user::text);
CREATE POLICY sync_log_write ON sync_log FOR INSERT WITH CHECK (login = session_user::text);
"""


def _grants(n: RoleNames) -> str:
    g = {r: quoted(n.group(r)) for r in n.groups}
    everyone = ", ".join(g.values())
    regency = ", ".join(g[r] for r in sorted(IDENTITY_ROLES))
    readers = ", ".join(g[r] for r in sorted(CASE_READERS))
    opd = ", ".join(g[r] for r in (Role.OPD_ADMIN, Role.OPD_HEAD))
    casework = ", ".join(
        g[r] for r in (Role.FRONT_DESK, Role.ADMIN_KABUPATEN, Role.OPD_ADMIN, Role.OPD_HEAD)
    )
    attach = ", ".join(g[r] for r in sorted(ATTACH_ROLES))
    return f"""
REVOKE ALL ON ALL TABLES IN SCHEMA lapor FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA lapor FROM PUBLIC;
GRANT USAGE ON SCHEMA lapor TO {everyone};
-- Only the login's own facts; office_sees_case stays the triggers' (an OPD calling it
-- with another office's id would learn where a case went).
GRANT EXECUTE ON FUNCTION my_user_id(), my_office(), my_role(), reads_all_cases()
    TO {everyone};
GRANT SELECT ON sync_meta, workflow_rule, office, category, rule_set, holiday_override,
    app_user, complaint_access, case_action, attachment, attachment_chunk, letter,
    sync_log, sync_conflict TO {everyone};
GRANT INSERT ON sync_log TO {everyone};
GRANT SELECT, INSERT ON complaint, reporter, record_edit TO {regency};
GRANT SELECT ON complaint TO {readers};
GRANT SELECT ON reporter_audit TO {g[Role.AUDITOR]};
GRANT SELECT ON complaint_opd TO {opd};
GRANT INSERT ON case_action TO {casework};
GRANT INSERT ON attachment, attachment_chunk, letter TO {attach};
"""


def statements(n: RoleNames) -> list[str]:
    """The SQL of this version, as the owner, in order (search_path is `lapor`)."""
    return [
        _TABLES,
        _who_sql(),
        _TOUCH,
        _action_trigger(),
        _edit_trigger(),
        _OTHER_TRIGGERS,
        _touch_triggers(),
        _views(),
        _policies(),
        _grants(n),
    ]
