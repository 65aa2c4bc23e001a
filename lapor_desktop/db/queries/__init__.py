"""The read side: peewee query builders and raw SQL that return rows, one module per
subject (`cases`: lists, counts and one case's history; `monthly`: the monthly summary's
aggregates and histories).

A query takes plain, already checked values (ids, dates, a `CaseWhere`) and returns rows
whose fields have names (NamedTuples, dataclasses); it knows no roles, no session, no
clock and no Indonesian message. Services compose queries with scope and permissions
(`services/scope.py` turns a session into plain scope values), check input and format.
"""
