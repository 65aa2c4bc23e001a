"""Central schema version 3: the LAPOR! columns (issue 18) on the central tables, so an
import, an import update, a duplicate mark and "marked entered in LAPOR!" sync like any
other action (local schema v11/v12).

- `reporter.lapor_account`: a LAPOR! account (normalised name + contact; no NIK). Unique
  among reporters not merged. The same account imported on two PCs offline: the later
  row points at the earlier (`merged_into`, as for a NIK registered twice); the cases keep
  either id and the next import on any PC matches the earlier one. Personal data: only
  the regency's identity roles read it (their grant on `reporter`); `complaint_opd` and
  `reporter_audit` never name it.
- `complaint.duplicate_of_id` (the main case of a case closed as its duplicate),
  `lapor_status` (the status in the last imported LAPOR! file) and
  `lapor_entered_bucket` / `lapor_entered_answer` / `lapor_entered_at` (what was last
  marked as entered in LAPOR!): pushed with a new case and changed later by
  version-checked `record_edit` rows (editable by the regency logins that may edit a case
  header; an edit naming a main case that does not exist, or the case itself, is
  rejected).
- The LAPOR! tracking ID is unique per case as locally (a partial unique index, '' = none;
  a database where two cases already share one gets a plain index of the same name). A
  case pushed with a tracking ID another case holds (two PCs imported one file offline)
  is kept without it and a `sync_conflict` row, which comes back to its author, says
  which case holds it; an edit to a taken tracking ID is rejected.
- `complaint_opd` (what an OPD reads of its cases) gains `duplicate_of_id` and
  `lapor_status`, nothing of the LAPOR! account.
"""

from __future__ import annotations

from lapor_desktop.central.migrations import c0001_schema
from lapor_desktop.central.names import RoleNames

VERSION = 3

COMPLAINT_EDITABLE = (
    *c0001_schema.COMPLAINT_EDITABLE,
    "duplicate_of_id",
    "lapor_status",
    "lapor_entered_bucket",
    "lapor_entered_answer",
    "lapor_entered_at",
)
REPORTER_EDITABLE = c0001_schema.REPORTER_EDITABLE

_TABLES = """
ALTER TABLE reporter ADD COLUMN lapor_account text;
CREATE UNIQUE INDEX reporter_lapor_account ON reporter (lapor_account)
    WHERE merged_into IS NULL AND lapor_account IS NOT NULL;

ALTER TABLE complaint
    ADD COLUMN duplicate_of_id uuid REFERENCES complaint (id),
    ADD COLUMN lapor_status text,
    ADD COLUMN lapor_entered_bucket text,
    ADD COLUMN lapor_entered_answer text,
    ADD COLUMN lapor_entered_at timestamp;
CREATE INDEX complaint_duplicate_of ON complaint (duplicate_of_id)
    WHERE duplicate_of_id IS NOT NULL;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM complaint WHERE tracking_id <> ''
               GROUP BY tracking_id HAVING count(*) > 1) THEN
        CREATE INDEX complaint_tracking_id ON complaint (tracking_id) WHERE tracking_id <> '';
    ELSE
        CREATE UNIQUE INDEX complaint_tracking_id ON complaint (tracking_id)
            WHERE tracking_id <> '';
    END IF;
END $$;
"""


def _edit_complaint() -> str:
    """c0001's edit_complaint with the new columns and their checks."""
    sets = ", ".join(f"{c} = n.{c}" for c in COMPLAINT_EDITABLE)
    allowed = ", ".join(f"'{c}'" for c in COMPLAINT_EDITABLE)
    return f"""
CREATE OR REPLACE FUNCTION edit_complaint(e record_edit) RETURNS record_edit LANGUAGE plpgsql
SET search_path = lapor, pg_temp AS $$
DECLARE
    c complaint%ROWTYPE;
    n complaint%ROWTYPE;
    bad text;
BEGIN
    IF e.entity = 'complaint' THEN
        SELECT * INTO c FROM complaint WHERE id = e.entity_id FOR UPDATE;
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
        e.current_version := c.row_version;
        IF c.row_version <> e.base_version THEN
            e.outcome := 'conflict';
            e.reason := format('Data sudah diubah di tempat lain (versi %s, perubahan ini '
                                 'berdasar versi %s); periksa dan ulangi.',
                                 c.row_version, e.base_version);
            INSERT INTO sync_conflict (entity, entity_id, other_id, reason, login)
            VALUES (e.entity, e.entity_id, e.id, e.reason, e.login);
            RETURN e;
        END IF;
        n := jsonb_populate_record(c, e.changes);
        IF n.tracking_id <> '' AND n.tracking_id IS DISTINCT FROM c.tracking_id THEN
            PERFORM pg_advisory_xact_lock(hashtext('complaint-tracking:' || n.tracking_id));
            IF EXISTS (SELECT 1 FROM complaint WHERE tracking_id = n.tracking_id
                       AND id <> c.id) THEN
                e.outcome := 'rejected';
                e.reason := format('Nomor pelacakan LAPOR! %s sudah dipakai laporan lain.',
                                   n.tracking_id);
                RETURN e;
            END IF;
        END IF;
        IF n.duplicate_of_id IS NOT NULL
           AND n.duplicate_of_id IS DISTINCT FROM c.duplicate_of_id
           AND (n.duplicate_of_id = c.id OR NOT EXISTS (
                SELECT 1 FROM complaint WHERE id = n.duplicate_of_id AND NOT deleted)) THEN
            e.outcome := 'rejected';
            e.reason := 'Laporan induk duplikat tidak ditemukan.';
            RETURN e;
        END IF;
        UPDATE complaint SET {sets}, row_version = row_version + 1 WHERE id = e.entity_id;
        e.outcome := 'applied';
        e.current_version := c.row_version + 1;
        RETURN e;
    END IF;
    RETURN e;
END $$;
"""


_ARRIVALS = """
-- A new case header: the server owns its derived columns; a LAPOR! tracking ID another
-- case holds already (two PCs imported one file offline) is not taken twice.
CREATE OR REPLACE FUNCTION complaint_arrives() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = lapor, pg_temp AS $$
DECLARE
    other text;
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
    IF NEW.tracking_id <> '' THEN
        PERFORM pg_advisory_xact_lock(hashtext('complaint-tracking:' || NEW.tracking_id));
        IF EXISTS (SELECT 1 FROM complaint WHERE id = NEW.id) THEN
            RETURN NEW;  -- a replayed push: ON CONFLICT (id) skips it
        END IF;
        SELECT ticket INTO other FROM complaint
         WHERE tracking_id = NEW.tracking_id AND id <> NEW.id;
        IF FOUND THEN
            INSERT INTO sync_conflict (entity, entity_id, reason)
            VALUES ('complaint', NEW.id, format(
                'Nomor pelacakan LAPOR! %s sudah dipakai laporan %s; laporan %s disimpan '
                'tanpa nomor itu. Periksa apakah laporan ini duplikat laporan %s.',
                NEW.tracking_id, other, NEW.ticket, other));
            NEW.tracking_id := '';
        END IF;
    END IF;
    RETURN NEW;
END $$;

-- A reporter registered twice (same NIK, or the same LAPOR! account, on two offline PCs):
-- keep both ids and point the later at the earlier; a NIK asks a person to check.
CREATE OR REPLACE FUNCTION reporter_arrives() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = lapor, pg_temp AS $$
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
    ELSIF NEW.lapor_account IS NOT NULL THEN
        PERFORM pg_advisory_xact_lock(hashtext('reporter-lapor:' || NEW.lapor_account));
        IF EXISTS (SELECT 1 FROM reporter WHERE id = NEW.id) THEN
            RETURN NULL;
        END IF;
        SELECT id INTO other FROM reporter
         WHERE lapor_account = NEW.lapor_account AND merged_into IS NULL AND id <> NEW.id;
        IF FOUND THEN
            NEW.merged_into := other;
        END IF;
    END IF;
    RETURN NEW;
END $$;
"""

# c0001's complaint_opd with two columns appended (CREATE OR REPLACE VIEW only appends).
_VIEW = """
CREATE OR REPLACE VIEW complaint_opd WITH (security_barrier) AS
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
       a.txid,
       -- The main case of a duplicate (its ticket is in the DUPLICATE action's note too)
       -- and the LAPOR! status; never the reporter's LAPOR! account.
       c.duplicate_of_id, c.lapor_status
  FROM complaint_access a
  JOIN complaint c ON c.id = a.complaint_id
  JOIN reporter r ON r.id = c.reporter_id
 WHERE a.office_id = (SELECT my_office()) AND a.active;
"""


def statements(n: RoleNames) -> list[str]:
    """The SQL of this version, as the owner, in order (search_path is `lapor`)."""
    return [_TABLES, _edit_complaint(), _ARRIVALS, _VIEW]
