"""A labelled set for duplicate suggestions: cases already in the database (BASES), and
new reports (QUERIES), each either a near-duplicate of one base (its key) or of none.

Near-duplicates are written as people send the same complaint twice or through two
channels: typos, abbreviations, words reordered, another wording of the body. The
non-duplicates are the hard cases: the same kind of problem in another place, or the
same place with another problem. Used by tests/lapor/test_duplicates.py and by
bench/bench_import.py, which reports precision and recall.
"""

from __future__ import annotations

from collections.abc import Callable

# key -> (title, body, kecamatan)
BASES: dict[str, tuple[str, str, str]] = {
    "jalan_pulau": (
        "Jalan rusak berlubang di Desa Pulau Jambu",
        "Jalan utama Desa Pulau Jambu rusak parah dan berlubang, sering terjadi kecelakaan "
        "motor pada malam hari.",
        "140102",
    ),
    "lampu_kuok": (
        "Lampu penerangan jalan padam di Jalan Raya Kuok",
        "Sudah dua minggu lampu penerangan jalan umum di Jalan Raya Kuok padam, jalan gelap "
        "dan rawan begal.",
        "140105",
    ),
    "sampah_bangkinang": (
        "Sampah menumpuk di pasar Bangkinang",
        "Tumpukan sampah di belakang pasar Bangkinang tidak diangkut selama seminggu, bau "
        "menyengat sampai ke rumah warga.",
        "140101",
    ),
    "air_tambang": (
        "Air PDAM tidak mengalir di Perumahan Tambang Indah",
        "Air PDAM mati total di Perumahan Tambang Indah sejak tiga hari, warga terpaksa "
        "membeli air galon.",
        "140103",
    ),
    "sekolah_salo": (
        "Atap ruang kelas SD Negeri 004 Salo bocor",
        "Atap ruang kelas III SD Negeri 004 Salo bocor setiap hujan, murid belajar di lantai "
        "yang basah.",
        "140113",
    ),
    "ktp_tapung": (
        "Pembuatan e-KTP di Disdukcapil lambat",
        "Sudah tiga bulan mengurus e-KTP di Disdukcapil belum juga selesai, alasan blangko habis.",
        "140110",
    ),
    "puskesmas_siakhulu": (
        "Pelayanan Puskesmas Siak Hulu lambat dan petugas tidak ramah",
        "Antrian di Puskesmas Siak Hulu sangat lama, petugas pendaftaran tidak ramah kepada "
        "pasien lansia.",
        "140106",
    ),
    "jembatan_kamparkiri": (
        "Jembatan gantung Desa Lipat Kain putus",
        "Jembatan gantung penghubung Desa Lipat Kain putus diterjang banjir, anak sekolah "
        "harus menyeberang sungai dengan sampan.",
        "140107",
    ),
    "banjir_rumbio": (
        "Drainase tersumbat menyebabkan banjir di Rumbio Jaya",
        "Saluran drainase di depan kantor camat Rumbio Jaya tersumbat sampah sehingga jalan "
        "banjir setiap hujan.",
        "140114",
    ),
    "bansos_kampa": (
        "Bantuan sosial tidak tepat sasaran di Kampa",
        "Penerima bansos di Desa Kampa banyak yang mampu, sementara warga miskin tidak terdaftar.",
        "140117",
    ),
    "pungli_izin": (
        "Pungutan liar pengurusan izin usaha",
        "Oknum petugas meminta uang tambahan untuk mempercepat pengurusan izin usaha mikro.",
        "140101",
    ),
    "listrik_xiii": (
        "Listrik sering padam di XIII Koto Kampar",
        "Pemadaman listrik terjadi hampir setiap hari di XIII Koto Kampar tanpa pemberitahuan.",
        "140104",
    ),
    "anjing_liar": (
        "Anjing liar berkeliaran di kompleks perumahan Bangkinang",
        "Banyak anjing liar di kompleks perumahan, anak-anak takut keluar rumah.",
        "140101",
    ),
    "guru_honor": (
        "Gaji guru honorer belum dibayar tiga bulan",
        "Guru honorer di SMP Negeri 2 Tapung belum menerima honor selama tiga bulan.",
        "140110",
    ),
    "pasar_kuok": (
        "Pedagang kaki lima menutup bahu jalan di pasar Kuok",
        "Pedagang berjualan di bahu jalan depan pasar Kuok sehingga macet setiap pagi.",
        "140105",
    ),
}

# (title, body, kecamatan, key of the base it duplicates or None)
QUERIES: list[tuple[str, str, str, str | None]] = [
    # near-duplicates
    (
        "Jln rusak berlubang Desa Pulau Jambu",
        "Jalan di Desa Pulau Jambu berlubang dan rusak, sudah banyak motor jatuh.",
        "140102",
        "jalan_pulau",
    ),
    (
        "Jalan berlubang di Pulau Jambu rusak parah",
        "Mohon perbaikan jalan utama Desa Pulau Jambu yang rusak parah.",
        "140102",
        "jalan_pulau",
    ),
    (
        "Jalan rusak berlobang di Desa Pulau Jambu",
        "Jalan utama Desa Pulau Jambu rusak berat berlobang.",
        "",
        "jalan_pulau",
    ),
    (
        "Lampu jalan padam di Jl. Raya Kuok",
        "Lampu PJU di Jalan Raya Kuok mati sudah dua minggu, gelap gulita.",
        "140105",
        "lampu_kuok",
    ),
    (
        "Penerangan jalan umum Jalan Raya Kuok mati",
        "Lampu penerangan jalan di Jalan Raya Kuok padam, rawan kejahatan.",
        "140105",
        "lampu_kuok",
    ),
    (
        "Sampah menumpuk di Pasar Bangkinang tidak diangkut",
        "Sampah di belakang Pasar Bangkinang sudah seminggu tidak diangkut petugas.",
        "140101",
        "sampah_bangkinang",
    ),
    (
        "Tumpukan sampah pasar Bangkinang bau",
        "Sampah menumpuk di pasar Bangkinang, baunya sampai ke rumah warga.",
        "",
        "sampah_bangkinang",
    ),
    (
        "Air PDAM mati di Perumahan Tambang Indah",
        "Sejak tiga hari air PDAM tidak mengalir di Perumahan Tambang Indah.",
        "140103",
        "air_tambang",
    ),
    (
        "PDAM tidak mengalir Perum Tambang Indah",
        "Air PDAM di perumahan Tambang Indah mati total, warga beli air galon.",
        "140103",
        "air_tambang",
    ),
    (
        "Atap kelas SDN 004 Salo bocor",
        "Ruang kelas SD Negeri 004 Salo bocor kalau hujan, murid belajar di lantai basah.",
        "140113",
        "sekolah_salo",
    ),
    (
        "Atap ruang kelas SD Negeri 004 Salo bocor saat hujan",
        "Mohon perbaikan atap ruang kelas III yang bocor.",
        "140113",
        "sekolah_salo",
    ),
    (
        "Pembuatan E-KTP lambat di Disdukcapil",
        "Mengurus e-KTP sudah tiga bulan belum selesai, katanya blangko habis.",
        "140110",
        "ktp_tapung",
    ),
    (
        "E-KTP belum selesai, pembuatan di Disdukcapil lambat sekali",
        "Sudah berbulan-bulan e-KTP saya belum jadi.",
        "",
        "ktp_tapung",
    ),
    (
        "Pelayanan Puskesmas Siak Hulu lambat",
        "Antri lama sekali di Puskesmas Siak Hulu dan petugasnya tidak ramah.",
        "140106",
        "puskesmas_siakhulu",
    ),
    (
        "Petugas Puskesmas Siak Hulu tidak ramah, pelayanan lambat",
        "Petugas pendaftaran Puskesmas Siak Hulu kasar kepada lansia.",
        "140106",
        "puskesmas_siakhulu",
    ),
    (
        "Jembatan gantung Lipat Kain putus",
        "Jembatan gantung di Desa Lipat Kain putus karena banjir.",
        "140107",
        "jembatan_kamparkiri",
    ),
    (
        "Jembatan gantung Desa Lipat Kain putus diterjang banjir",
        "Anak sekolah menyeberang sungai pakai sampan.",
        "140107",
        "jembatan_kamparkiri",
    ),
    (
        "Drainase tersumbat, banjir di Rumbio Jaya",
        "Saluran air depan kantor camat Rumbio Jaya tersumbat sampah, jalan banjir.",
        "140114",
        "banjir_rumbio",
    ),
    (
        "Bansos tidak tepat sasaran di Desa Kampa",
        "Bantuan sosial di Kampa diterima orang mampu, warga miskin tidak dapat.",
        "140117",
        "bansos_kampa",
    ),
    (
        "Pungli pengurusan izin usaha",
        "Ada pungutan liar saat mengurus izin usaha mikro.",
        "140101",
        "pungli_izin",
    ),
    (
        "Listrik sering padam XIII Koto Kampar",
        "Hampir tiap hari listrik padam di XIII Koto Kampar.",
        "140104",
        "listrik_xiii",
    ),
    (
        "Anjing liar berkeliaran di perumahan Bangkinang",
        "Anjing liar banyak di kompleks perumahan, anak takut keluar.",
        "140101",
        "anjing_liar",
    ),
    (
        "Gaji guru honorer belum dibayar",
        "Honor guru honorer SMP Negeri 2 Tapung tiga bulan belum dibayar.",
        "140110",
        "guru_honor",
    ),
    (
        "Pedagang kaki lima tutup bahu jalan pasar Kuok",
        "PKL berjualan di bahu jalan pasar Kuok, macet tiap pagi.",
        "140105",
        "pasar_kuok",
    ),
    # not duplicates: the same kind of problem elsewhere, or another problem in the same place
    (
        "Jalan rusak berlubang di Desa Kuapan",
        "Jalan poros Desa Kuapan rusak dan berlubang sepanjang dua kilometer.",
        "140103",
        None,
    ),
    (
        "Lampu penerangan jalan padam di Jalan Lintas Tapung",
        "Lampu jalan di Jalan Lintas Tapung padam semua.",
        "140110",
        None,
    ),
    (
        "Sampah menumpuk di tepi Sungai Kampar Rumbio",
        "Warga membuang sampah di tepi sungai.",
        "140114",
        None,
    ),
    (
        "Harga cabai naik di pasar Bangkinang",
        "Harga cabai merah di pasar Bangkinang naik dua kali lipat.",
        "140101",
        None,
    ),
    (
        "Air sumur warga Tambang tercemar limbah",
        "Air sumur berbau dan berwarna diduga limbah pabrik sawit.",
        "140103",
        None,
    ),
    (
        "Kekurangan guru di SD Negeri 004 Salo",
        "SD Negeri 004 Salo hanya punya tiga guru untuk enam kelas.",
        "140113",
        None,
    ),
    (
        "Pembuatan akta kelahiran dipungut biaya",
        "Petugas meminta biaya untuk akta kelahiran padahal gratis.",
        "140110",
        None,
    ),
    (
        "Obat habis di Puskesmas Tapung",
        "Obat untuk penyakit kronis kosong di Puskesmas Tapung.",
        "140110",
        None,
    ),
    (
        "Jembatan beton Desa Kuok retak",
        "Jembatan beton di Desa Kuok retak di bagian tiang.",
        "140105",
        None,
    ),
    (
        "Banjir di Perumahan Griya Bangkinang",
        "Perumahan Griya Bangkinang terendam banjir setinggi lutut.",
        "140101",
        None,
    ),
    (
        "Bantuan bibit sawit tidak sampai ke kelompok tani",
        "Bantuan bibit dari dinas pertanian tidak sampai ke kelompok tani kami.",
        "140117",
        None,
    ),
    (
        "Izin keramaian dipersulit",
        "Mengurus izin keramaian untuk pesta pernikahan dipersulit di kecamatan.",
        "140101",
        None,
    ),
    (
        "Tiang listrik miring di XIII Koto Kampar",
        "Tiang listrik di pinggir jalan miring hampir roboh.",
        "140104",
        None,
    ),
    (
        "Sapi warga berkeliaran di jalan lintas",
        "Sapi dilepas pemiliknya berkeliaran di jalan lintas Bangkinang, membahayakan.",
        "140101",
        None,
    ),
    (
        "Tunjangan perangkat desa belum dibayar",
        "Tunjangan perangkat desa sudah empat bulan belum dibayar.",
        "140110",
        None,
    ),
    (
        "Parkir liar di depan pasar Kuok",
        "Juru parkir liar memungut biaya di depan pasar Kuok.",
        "140105",
        None,
    ),
]


def evaluate(
    suggest: Callable[[str, str, str], list[str]], tickets: dict[str, str]
) -> tuple[float, float, list[str]]:
    """(precision, recall, mistakes) of `suggest(title, body, kecamatan) -> tickets`
    over QUERIES, given each base's ticket."""
    tp = fp = fn = 0
    mistakes = []
    for title, body, kec, key in QUERIES:
        got = suggest(title, body, kec)
        want = tickets[key] if key else None
        for t in got:
            if t == want:
                tp += 1
            else:
                fp += 1
                mistakes.append(f"salah usul {t} untuk '{title}'")
        if want and want not in got:
            fn += 1
            mistakes.append(f"terlewat {want} untuk '{title}'")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, mistakes
