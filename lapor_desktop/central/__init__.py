"""The central PostgreSQL of SYNC.md, administered by the regency IT (`central …`).

- `names`: group-role names (per-database prefix) and the workflow table as SQL data;
- `migrations`: the numbered schema (tables, triggers, RLS, views, grants);
- `admin`: init, upgrade, person logins, offices, status — run with the owner's DSN;
- `feed`: the pull window the client reads (snapshot-xmin checkpoint, keyset pages).

No Qt here; psycopg is loaded only when a connection is made (db/central.py).
"""
