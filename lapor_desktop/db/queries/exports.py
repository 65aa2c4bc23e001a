"""What an export writes of each case (issue 18): the case, its reporter, category and
OPD, by intake number. Who may see what is decided by services/exports.py."""

from __future__ import annotations

from typing import Any

from peewee import JOIN

from lapor_desktop.db.models import Category, Complaint, Office, Reporter


def rows_by_num(nums: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    main: Any = Complaint.alias("main")
    for start in range(0, len(nums), 500):
        q: Any = (
            Complaint.select(
                Complaint.num,
                Complaint.ticket,
                Complaint.tracking_id,
                Complaint.received_at,
                Complaint.title,
                Complaint.body,
                Complaint.status,
                Complaint.lapor_status,
                Complaint.channel,
                Complaint.klasifikasi,
                Complaint.anonim,
                Complaint.rahasia,
                Complaint.created_by,
                Complaint.escalated_at,
                Complaint.due_date,
                Complaint.location_text,
                Complaint.category.alias("category_code"),
                Category.name.alias("category_name"),
                Office.code.alias("opd"),
                Reporter.name.alias("reporter_name"),
                Reporter.nik.alias("reporter_nik"),
                Reporter.phone.alias("reporter_phone"),
                Reporter.email.alias("reporter_email"),
                main.ticket.alias("duplicate_of"),
            )
            .join(Reporter, on=(Complaint.reporter == Reporter.id))
            .switch(Complaint)
            .join(Category, JOIN.LEFT_OUTER, on=(Complaint.category == Category.code))
            .switch(Complaint)
            .join(Office, JOIN.LEFT_OUTER, on=(Complaint.opd == Office.id))
            .switch(Complaint)
            .join(main, JOIN.LEFT_OUTER, on=(Complaint.duplicate_of == main.id))
            .where(Complaint.num.in_(nums[start : start + 500]))
            .dicts()
        )
        for r in q:
            out[r["num"]] = r
    return out
