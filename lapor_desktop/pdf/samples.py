"""Example data for every document: template previews (letterhead editor), tests, bench."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from lapor_desktop.domain.workflow import Action, Status
from lapor_desktop.pdf.data import (
    AnnexRow,
    AnswerLetter,
    CaseHistory,
    CaseRef,
    CountRow,
    DispositionSheet,
    ExpectedDeadline,
    ForwardingLetter,
    HistoryEvent,
    MonthCount,
    MonthlySummary,
    OmbudsmanCase,
    OmbudsmanLetter,
    OnTimeRates,
    OpdRow,
    Rate,
    ReceiptData,
    Reporter,
    Signatory,
)

HEAD = Signatory(
    jabatan="Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Kampar",
    name="Ir. BUDI SANTOSO, M.T.",
    pangkat="Pembina Utama Muda (IV/c)",
    nip="197001011995031001",
)
OPDS = (
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Kesehatan",
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Lingkungan Hidup",
    "Dinas Perhubungan",
    "RSUD Bangkinang",
    "Dinas Sosial",
)


def receipt(ticket: str = "KPR-2026-000123") -> ReceiptData:
    return ReceiptData(
        office_code="DISKOMINFOSANDI",
        ticket=ticket,
        received_at=datetime(2026, 11, 27, 9, 5),
        channel="Datang langsung",
        klasifikasi="Pengaduan",
        title="Jalan rusak di Desa Kuapan",
        summary="Jalan desa berlubang sepanjang 200 meter dan tergenang saat hujan.",
        officer="Siti Aminah",
        reporter=Reporter(name="Ahmad Fauzi", address="Desa Kuapan, Tambang"),
        deadlines=(
            ExpectedDeadline("Verifikasi oleh Admin Koordinator", date(2026, 12, 4)),
            ExpectedDeadline("Tindak lanjut oleh Perangkat Daerah", date(2026, 12, 18)),
        ),
    )


def answer(
    ticket: str = "KPR-2026-000123", anonymous: bool = False, nomor: str = "000/17/PUPR/2026"
) -> AnswerLetter:
    return AnswerLetter(
        office_code="PUPR",
        nomor=nomor,
        date=date(2026, 11, 27),
        ticket=ticket,
        tracking_id="4567890",
        reporter=Reporter(
            name="Ahmad Fauzi", address="Desa Kuapan, Kecamatan Tambang", anonymous=anonymous
        ),
        channel="SP4N-LAPOR!",
        reported=date(2026, 11, 2),
        subject="Jalan rusak di Desa Kuapan",
        answer=(
            "Tim Bidang Bina Marga telah meninjau lokasi pada tanggal 10 November 2026 dan "
            "menemukan kerusakan badan jalan sepanjang kurang lebih 200 meter.\n\n"
            "Perbaikan sementara berupa penimbunan dan pemadatan telah dilaksanakan pada "
            "tanggal 20 November 2026. Perbaikan permanen dianggarkan pada Tahun Anggaran 2027."
        ),
        signatory=HEAD,
    )


def case_ref(i: int = 1) -> CaseRef:
    return CaseRef(
        ticket=f"KPR-2026-{i:06d}",
        tracking_id=f"45678{i:02d}",
        reported=date(2026, 11, 2),
        received=date(2026, 11, 3),
        channel="SP4N-LAPOR!",
        klasifikasi="Pengaduan",
        category="Infrastruktur Jalan",
        summary="Jalan desa berlubang sepanjang 200 meter dan tergenang saat hujan.",
        due=date(2026, 11, 24),
    )


def disposition() -> DispositionSheet:
    return DispositionSheet(
        office_code="DISKOMINFOSANDI",
        case=case_ref(),
        to="Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
        date=date(2026, 11, 10),
        agenda_number="117/XI/2026",
        sifat="Segera",
        instructions=("Ditindaklanjuti", "Dilaporkan hasilnya"),
        note="Mohon ditinjau ke lokasi.",
        signatory=Signatory(
            jabatan="Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian",
            name="NAMA KEPALA DINAS",
            nip="197501012000031002",
        ),
    )


def forwarding(n: int = 3) -> ForwardingLetter:
    return ForwardingLetter(
        office_code="DISKOMINFOSANDI",
        nomor="000/45/DISKOMINFOSANDI/2026",
        date=date(2026, 11, 10),
        to="Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Kampar",
        cases=tuple(case_ref(i) for i in range(1, n + 1)),
    )


def ombudsman(n: int = 12) -> OmbudsmanLetter:
    cases = tuple(
        OmbudsmanCase(
            ticket=f"KPR-2026-{i:06d}",
            tracking_id=f"39{i:05d}",
            received=date(2026, 8, 1) + timedelta(days=i % 20),
            opd=OPDS[i % len(OPDS)],
            klasifikasi="Pengaduan",
            days_running=61 + i,
            status="Sedang Diproses — menunggu anggaran",
        )
        for i in range(1, n + 1)
    )
    return OmbudsmanLetter(
        office_code="DISKOMINFOSANDI",
        nomor="000/46/DISKOMINFOSANDI/2026",
        date=date(2026, 11, 27),
        cases=cases,
        opds_concerned=tuple(sorted({c.opd for c in cases})),
        period="bulan November 2026",
    )


def history(events: int = 8) -> CaseHistory:
    t0 = datetime(2026, 11, 2, 8, 30)
    steps = [
        (Action.INTAKE, None, Status.DITERIMA, "Siti Aminah", "Laporan dicatat di loket."),
        (Action.VERIFY, Status.DITERIMA, Status.TERVERIFIKASI, "Admin Kabupaten", ""),
        (Action.DISPOSE, Status.TERVERIFIKASI, Status.TERDISPOSISI, "Admin Kabupaten", ""),
        (Action.START, Status.TERDISPOSISI, Status.DIPROSES, "Admin PUPR", ""),
        (Action.FOLLOWUP_NOTE, None, None, "Admin PUPR", "Peninjauan lokasi."),
        (Action.SUBMIT_ANSWER, Status.DIPROSES, Status.MENUNGGU_PERSETUJUAN, "Admin PUPR", ""),
        (Action.APPROVE, Status.MENUNGGU_PERSETUJUAN, Status.DIJAWAB, "Kepala PUPR", ""),
        (Action.ACCEPT, Status.DIJAWAB, Status.SELESAI, "Siti Aminah", "Pelapor puas."),
    ]
    evs = tuple(
        HistoryEvent(
            at=t0 + timedelta(days=i, hours=i),
            actor=steps[i % len(steps)][3],
            action=steps[i % len(steps)][0],
            from_status=steps[i % len(steps)][1],
            to_status=steps[i % len(steps)][2],
            opd="Dinas Pekerjaan Umum dan Penataan Ruang" if i >= 2 else "",
            text=steps[i % len(steps)][4],
        )
        for i in range(events)
    )
    return CaseHistory(
        office_code="DISKOMINFOSANDI",
        printed_at=datetime(2026, 11, 27, 14, 0),
        ticket="KPR-2026-000123",
        tracking_id="4567890",
        title="Jalan rusak di Desa Kuapan",
        summary="Jalan desa berlubang sepanjang 200 meter dan tergenang saat hujan.",
        status=Status.SELESAI,
        received_at=t0,
        channel="Datang langsung",
        klasifikasi="Pengaduan",
        category="Infrastruktur Jalan",
        opd="Dinas Pekerjaan Umum dan Penataan Ruang",
        reporter=Reporter(name="Ahmad Fauzi", address="Desa Kuapan, Tambang"),
        events=evs,
        printed_by="Admin Kabupaten",
    )


def monthly(annex_rows: int = 200) -> MonthlySummary:
    by_opd = tuple(
        OpdRow(
            opd=name,
            received=40 - 4 * i,
            finished=30 - 3 * i,
            in_process=6 - (i % 3),
            not_followed_up=4 - (i % 4) + (i % 3) - (i % 3),
            avg_days=7.5 + i,
            median_days=6.0 + i,
            overdue=i % 3,
            escalated=1 if i == 2 else 0,
        )
        for i, name in enumerate(OPDS)
    )
    statuses = ("Diterima", "Diproses", "Selesai", "Arsip")
    annex = tuple(
        AnnexRow(
            opd=OPDS[i % len(OPDS)],
            ticket=f"KPR-2026-{i:06d}",
            received=date(2026, 11, 1 + i % 30),
            klasifikasi=("Pengaduan", "Aspirasi", "Permintaan Informasi")[i % 3],
            category=("Infrastruktur Jalan", "Kesehatan", "Pendidikan", "Administrasi")[i % 4],
            title=f"Laporan warga nomor {i} tentang pelayanan publik di kecamatan",
            status=statuses[i % 4],
            days=i % 17,
        )
        for i in range(annex_rows)
    )
    return MonthlySummary(
        office_code="DISKOMINFOSANDI",
        year=2026,
        month=11,
        received_this_month=sum(r.received for r in by_opd),
        received_last_month=180,
        received_year_to_date=2150,
        by_status=(
            CountRow("Belum Terverifikasi", 12),
            CountRow("Terdisposisi Belum Ditindaklanjuti", 18),
            CountRow("Sedang Diproses", 35),
            CountRow("Selesai", 132),
            CountRow("Tertunda", 3),
            CountRow("Diarsipkan", 8),
        ),
        by_klasifikasi=(
            CountRow("Pengaduan", 150),
            CountRow("Aspirasi", 40),
            CountRow("Permintaan Informasi", 18),
        ),
        by_channel=(
            CountRow("SP4N-LAPOR!", 120),
            CountRow("Datang langsung", 50),
            CountRow("SMS/WhatsApp", 25),
            CountRow("Surat", 13),
        ),
        by_category=(
            CountRow("Infrastruktur Jalan", 70),
            CountRow("Kesehatan", 40),
            CountRow("Pendidikan", 35),
            CountRow("Administrasi Kependudukan", 30),
            CountRow("Lingkungan", 20),
        ),
        by_opd=by_opd,
        cohort_rates=OnTimeRates(Rate(150, 180), Rate(100, 130), Rate(120, 130)),
        activity_rates=OnTimeRates(Rate(170, 200), Rate(110, 140), Rate(125, 140)),
        avg_days_to_finish=8.4,
        median_days_to_finish=7.0,
        overdue=14,
        escalated=2,
        reopened_cases=5,
        reopen_events=6,
        trend=tuple(
            MonthCount(2025 + (m + 11) // 12, (m + 11) % 12 or 12, 150 + 7 * m)
            for m in range(1, 13)
        ),
        kendala="Beberapa OPD belum menunjuk admin penghubung.",
        upaya="Bimbingan teknis admin penghubung dijadwalkan Desember 2026.",
        annex=annex,
        date=date(2026, 12, 2),
        nomor="000/50/DISKOMINFOSANDI/2026",
    )
