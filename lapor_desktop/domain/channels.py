"""How a report came in (channel) and what kind of report it is (klasifikasi), with the
Indonesian labels every list, form, letter and summary shows."""

from __future__ import annotations

CHANNELS = ("walk-in", "lapor", "sms", "social-media", "phone", "letter", "email")
CHANNEL_LABELS = {
    "walk-in": "Datang langsung",
    "lapor": "LAPOR! (web/aplikasi)",
    "sms": "SMS 1708",
    "social-media": "Media sosial",
    "phone": "Telepon",
    "letter": "Surat",
    "email": "E-mail",
}

KLASIFIKASI = ("pengaduan", "aspirasi", "informasi")
KLASIFIKASI_LABELS = {
    "pengaduan": "Pengaduan",
    "aspirasi": "Aspirasi",
    "informasi": "Permintaan Informasi",
}


def channel_label(code: str) -> str:
    return CHANNEL_LABELS.get(code, code)


def klasifikasi_label(code: str) -> str:
    return KLASIFIKASI_LABELS.get(code, code)
