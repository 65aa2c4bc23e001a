"""The central PostgreSQL of SYNC.md, administered by the regency IT (`central …`).

- `names`: group-role names (per-database prefix) and the workflow table as SQL data;
- `migrations`: the numbered schema (tables, triggers, RLS, views, grants);
- `admin`: init, upgrade, person logins, offices, status — run with the owner's DSN;
- `feed`: the pull window the client reads (snapshot-xmin checkpoint, keyset pages).

No Qt here; psycopg is loaded only when a connection is made (db/central.py).

What the client (`join`/`sync`, next) does against this schema, as the person's login
(search_path is `lapor`, set on the database):

1. Gate: `SELECT schema_version, min_client_version, purge_horizon FROM sync_meta`; refuse
   to sync when the app is older than min_client_version or knows an older schema; a
   checkpoint below purge_horizon means: push, then pull everything again.
2. Push, in READ COMMITTED transactions, parents first, each `INSERT … ON CONFLICT (id)
   DO NOTHING` (a replay inserts nothing and, thanks to the triggers, projects nothing):
   reporter, complaint (regency only; status/opd/row_version are set by the server),
   case_action (id, complaint_id, action, role, opd_id, note, for_reporter, at — seq,
   from/to status, accepted and reason are the server's), record_edit (entity, entity_id,
   base_version, changes as JSON), attachment (its content first, as verified chunks
   into blob_upload + blob_complete: migrations/c0002, sync/attachments.py), letter
   (full_number with the literal `{nomor}`; the server numbers it).
   Mark local rows sent only after COMMIT returned.
3. Pull: `feed.pull(db, checkpoint, REGENCY_FEED or OPD_FEED)` in one REPEATABLE READ
   READ ONLY transaction (an OPD's first pull reads its cases' history by case id:
   `by_case`); apply the rows and store `window.high` as the new checkpoint in one local
   transaction — or, for a window of more than 5,000 rows, in pieces (`sync.apply.pieces`:
   each case whole in one piece, each piece's checkpoint the lowest txid still to come; the
   app's background sync: pieces of ~15 ms, `apply.paced_pieces` with a `Pacer`).
   Own actions come back with seq/accepted/reason; own edits with
   outcome (applied | conflict | rejected). complaint_access rows: active=false → purge the
   case locally (keeping own unsent work); active=true for a case not held → fetch it whole
   with `feed.fetch_cases`. An OPD maps `complaint_opd` to its local cases (no NIK; the
   reporter's contact only when not anonim — a NULL there means: erase it locally).
4. Record: `INSERT INTO sync_log (office_id, checkpoint, client_version, pushed, pulled,
   rejected)`; `central status` shows it.
"""
