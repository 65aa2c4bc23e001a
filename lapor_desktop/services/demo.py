"""Demo data: realistic Kampar complaints for demos, screenshots and benchmarks.

`generate(ctx, cases, seed)` fills an initialized database with `cases` complaints whose
texts, places, reporters, offices and histories look like the real work of the regency:

- Indonesian titles and bodies from varied templates (jalan rusak, lampu jalan mati, sampah,
  puskesmas, KTP-el, guru honorer, bansos, banjir, pungli, izin usaha, air PDAM, sekolah
  rusak, dana desa, ...), located in real Kampar kecamatan and desa/kelurahan;
- a pool of reporters with Indonesian names and valid Kampar NIKs (1401 + kecamatan code +
  birth date, +40 for women, + serial);
- every status reached through a history that follows the workflow table action by action
  (status == fold of the history), with holds, archives, re-dispositions, "bukan wewenang",
  returned answers, reopened cases, acceptances, automatic closes and Ombudsman
  escalations; some cases stuck and overdue; received over the 12 months before
  `ctx.clock.now()`; the current deadline columns filled exactly as the deadlines engine
  would (`deadlines.clocks_for`), answer letters numbered gaplessly per office and year;
- demo users for every role (see `DEMO_PASSWORD`): `loket1`, `loket2`, `admin1`,
  `admin2`, `inspektur1`, and `<opd>.admin` / `<opd>.kepala` for every OPD (e.g.
  `pupr.admin`, `pupr.kepala`, `dinkes.admin`, `kec-01.kepala`).

Deterministic: the same seed on the same database state gives the same cases, histories
and texts (row ids also depend on the device code, so two PCs never make colliding ids).

Demo tickets carry the device code `DEMO` (`YYMM-DEMO-NNNNN`), which no real installation
can have (real device codes never contain the letter O), so demo cases are recognisable
and never clash with real ones. Policy: demo data may be added to a database without
complaints or with demo complaints only (again and again: numbers, tickets and letters
continue); a database that holds any real complaint is refused, so demo cases can never
mix with real casework.

Speed: one transaction of multi-row INSERT statements, written by a second thread while
the next batch is generated (with each batch's full-text entries: the FTS triggers are off
for the load) — from `PROCESS_THRESHOLD` cases generated in a spawned second process
instead, so that Python and SQLite use two cores; a big load runs with a rollback journal
instead of WAL (each page written once) and builds the history's secondary indexes
afterwards (DESIGN.md §6). Measured figures: README, Performance.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import queue
import random
import re
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from peewee import OperationalError

from lapor_desktop.db.migrations import m0001_initial
from lapor_desktop.db.models import database_proxy
from lapor_desktop.domain import sla
from lapor_desktop.domain.calendar import WorkCalendar
from lapor_desktop.domain.sla import Clock, DayKind, Limit
from lapor_desktop.domain.sla import RuleSet as DomainRuleSet
from lapor_desktop.domain.workflow import OPEN_STATUSES, Action, Role, Status
from lapor_desktop.pdf.dates import MONTHS, long_date
from lapor_desktop.services import deadlines, letters_register, reference
from lapor_desktop.services.audit import audit
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError, ValidationError
from lapor_desktop.services.users import hash_password

DEMO_DEVICE = "DEMO"
DEMO_PASSWORD = "demo12345"
MAX_CASES = 2_000_000
PERIOD_DAYS = 365
_BATCH = 5_000  # cases generated and inserted per step (bounded memory)
_CACHE_KIB = -256 * 1024  # page cache during the load (negative: KiB, SQLite's convention)

ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoResult:
    cases: int
    reporters: int
    actions: int
    letters: int
    by_status: dict[str, int]
    overdue: int  # open cases whose current deadline had passed at generation time
    escalated: int
    first_ticket: str
    last_ticket: str
    users_created: tuple[str, ...]
    demo_users: tuple[str, ...]  # every demo account (created now or before)
    password: str
    seconds: float


# ---------------------------------------------------------------- texts


@dataclass(frozen=True)
class _Template:
    category: str
    opds: tuple[str, ...]  # the competent OPDs, most likely first; "KEC" = the location's
    pairs: tuple[tuple[str, str], ...]  # (title, body core) that belong together
    answers: tuple[str, ...]
    klasifikasi: str = "pengaduan"
    weight: float = 1.0
    anonim: float = 0.05
    rahasia: float = 0.03


_T = _Template
# fmt: off
TEMPLATES: tuple[_Template, ...] = (
    _T("INFRASTRUKTUR", ("PUPR", "DPMD"), (
        ("Jalan rusak parah di {desa}",
         "Jalan di {jalan} {desa} rusak parah {waktu}. Lubangnya dalam dan tergenang air saat "
         "hujan sehingga beberapa pengendara sepeda motor terjatuh."),
        ("Jalan berlubang di {jalan}, Kecamatan {kec}",
         "Ruas {jalan} di {desa} berlubang sepanjang kurang lebih {panjang} meter. Anak sekolah "
         "dan truk pengangkut sawit setiap hari melewati jalan ini."),
        ("Jalan penghubung {desa} rusak dan berlumpur",
         "Jalan tanah menuju kebun dan sekolah di {desa} berubah menjadi kubangan lumpur "
         "{waktu}. Mobil tidak bisa lewat dan hasil panen warga terlambat diangkut."),
        ("Perbaikan {jalan} tidak kunjung dilakukan",
         "Kerusakan {jalan} di {desa} sudah kami laporkan {waktu}, petugas pernah datang "
         "mengukur tetapi sampai sekarang belum ada perbaikan."),
        ("Aspal {jalan} mengelupas, pengendara sering terjatuh",
         "Aspal di {jalan} dekat {landmark} {desa} mengelupas dan berkerikil. Sudah {jumlah} "
         "pengendara terjatuh dalam sebulan terakhir."),
    ), (
        "Tim Bidang Bina Marga telah meninjau lokasi. Penambalan lubang pada ruas tersebut "
        "dijadwalkan pada {bulan_depan} melalui kegiatan pemeliharaan rutin.",
        "Ruas jalan tersebut telah masuk usulan peningkatan jalan tahun anggaran berikutnya. "
        "Sementara itu dilakukan penimbunan sirtu pada titik yang paling parah.",
    ), weight=4.0),
    _T("INFRASTRUKTUR", ("PUPR", "BPBD"), (
        ("Lantai jembatan gantung {desa} lapuk dan berbahaya",
         "Papan lantai jembatan gantung di {desa} banyak yang lapuk dan patah. Setiap hari anak "
         "sekolah menyeberang di sini, kami khawatir terjadi kecelakaan."),
        ("Oprit jembatan di {desa} amblas",
         "Oprit jembatan di {desa}, Kecamatan {kec}, amblas setelah hujan deras {waktu}. "
         "Kendaraan roda empat tidak berani melintas."),
    ), (
        "Lokasi telah disurvei. Perbaikan jembatan dilaksanakan pada {bulan_depan}; sementara "
        "dipasang rambu peringatan batas beban.",
    )),
    _T("INFRASTRUKTUR", ("PUPR", "PERKIM"), (
        ("Drainase tersumbat, air meluap ke jalan di {desa}",
         "Parit di sepanjang {jalan} tersumbat sampah dan sedimen {waktu}. Setiap hujan air "
         "meluap ke jalan dan masuk ke rumah warga {rt}."),
        ("Gorong-gorong di {desa} runtuh",
         "Gorong-gorong di depan {landmark} {desa} runtuh sehingga air tidak mengalir dan "
         "badan jalan mulai tergerus."),
    ), (
        "Normalisasi saluran drainase telah dilaksanakan bersama warga dan aparat desa. "
        "Penggantian gorong-gorong dianggarkan pada perubahan APBD.",
    )),
    _T("AIR_LISTRIK", ("PERKIM", "DISHUB"), (
        ("Lampu jalan mati di {jalan}",
         "Lampu penerangan jalan umum di {jalan} {desa} mati {waktu}. Malam hari jalan sangat "
         "gelap dan sudah terjadi penjambretan."),
        ("Penerangan jalan umum di {desa} padam",
         "Ada {jumlah} titik lampu jalan yang padam di sekitar {landmark} {desa}, Kecamatan "
         "{kec}. Mohon diperbaiki."),
        ("Lampu PJU di simpang {desa} rusak, rawan kejahatan",
         "Lampu PJU di simpang {desa} rusak {waktu}. Simpang itu gelap dan warga takut "
         "melintas pada malam hari."),
    ), (
        "Petugas telah mengganti lampu dan memperbaiki panel PJU di lokasi tersebut pada "
        "{tanggal_jawab}. Lampu telah menyala kembali.",
        "Perbaikan PJU dijadwalkan minggu ini; kerusakan disebabkan kabel yang putus.",
    ), weight=2.5),
    _T("LINGKUNGAN", ("DLH", "KEC"), (
        ("Sampah menumpuk di {pasar}",
         "Sampah di {pasar} sudah menumpuk {waktu} dan tidak diangkut oleh truk. Baunya "
         "menyengat dan mengundang lalat ke warung makan sekitar."),
        ("Sampah dibuang sembarangan di tepi {sungai}",
         "Warga membuang sampah di tepi {sungai} dekat {desa}. Kami minta disediakan tempat "
         "pembuangan sementara dan jadwal angkut yang jelas."),
        ("Tumpukan sampah di pinggir {jalan} tidak diangkut",
         "Sampah rumah tangga di pinggir {jalan}, {desa}, tidak diangkut {waktu}. Tumpukannya "
         "sudah memakan separuh badan jalan."),
    ), (
        "Sampah telah diangkut dan jadwal pengangkutan di lokasi tersebut ditambah menjadi tiga "
        "kali seminggu. Kami juga memasang papan larangan membuang sampah.",
    ), weight=2.5),
    _T("LINGKUNGAN", ("DLH",), (
        ("Limbah pabrik kelapa sawit mencemari {sungai}",
         "Sejak {waktu} air {sungai} di sekitar {desa} berwarna gelap dan berbau. Warga menduga "
         "berasal dari kolam limbah pabrik kelapa sawit di hulu."),
        ("Asap pembakaran lahan mengganggu warga {desa}",
         "Setiap sore ada pembakaran lahan di dekat {desa}, Kecamatan {kec}. Asapnya masuk ke "
         "rumah dan anak-anak mulai batuk."),
    ), (
        "Tim pengawas lingkungan telah mengambil sampel dan memanggil pihak terkait. Hasil "
        "pemeriksaan menjadi dasar sanksi administratif.",
    )),
    _T("KESEHATAN", ("DINKES",), (
        ("Pelayanan {puskesmas} lambat",
         "Saya datang ke {puskesmas} pukul 08.00 tetapi loket baru buka pukul 10.00. Antrean "
         "panjang dan tidak ada petugas yang menjelaskan."),
        ("Dokter {puskesmas} tidak ada di tempat saat jam pelayanan",
         "Anak saya demam tinggi dan dibawa ke {puskesmas} pada {tanggal}, tetapi dokter tidak "
         "ada di tempat dan kami diminta kembali besok."),
        ("Pasien BPJS di {puskesmas} diminta membayar",
         "Peserta BPJS Kesehatan di {puskesmas} diminta membayar {nominal} untuk obat yang "
         "seharusnya ditanggung."),
        ("Obat di {puskesmas} sering kosong",
         "Setiap berobat ke {puskesmas} kami diberi resep untuk dibeli di apotek luar karena "
         "stok obat kosong {waktu}."),
    ), (
        "Kepala puskesmas telah kami panggil dan diberikan pembinaan. Jadwal jaga petugas "
        "sekarang diumumkan di ruang tunggu, dan pungutan yang tidak sah dikembalikan.",
        "Ketersediaan obat telah dipenuhi dari gudang farmasi kabupaten pada {tanggal_jawab}.",
    ), weight=2.5),
    _T("KESEHATAN", ("RSUD", "DINKES"), (
        ("Pasien rawat inap RSUD Bangkinang diminta membeli obat sendiri",
         "Ibu saya dirawat di RSUD Bangkinang sebagai pasien BPJS, tetapi keluarga diminta "
         "membeli obat di apotek luar seharga {nominal}."),
        ("Antrean panjang di poliklinik RSUD Bangkinang",
         "Antrean poliklinik RSUD Bangkinang sangat panjang; kami datang pukul 06.00 dan baru "
         "dilayani menjelang sore."),
    ), (
        "Manajemen RSUD telah menambah loket pendaftaran daring dan mengembalikan biaya obat "
        "kepada keluarga pasien sesuai ketentuan JKN.",
    )),
    _T("ADMINDUK", ("DISDUKCAPIL", "KEC"), (
        ("KTP-el belum jadi setelah {bulan} bulan",
         "Saya sudah merekam KTP-el di kantor camat {kec} {bulan} bulan lalu tetapi sampai "
         "sekarang belum dicetak dengan alasan blangko habis."),
        ("Pengurusan akta kelahiran lambat",
         "Akta kelahiran anak saya diajukan pada {tanggal} dan sampai sekarang belum selesai. "
         "Setiap ditanya petugas hanya menjawab masih diproses."),
        ("Kartu Keluarga salah cetak nama",
         "Nama saya pada Kartu Keluarga salah ketik sehingga data BPJS dan bank tidak cocok. "
         "Sudah dua kali mengajukan perbaikan di kantor camat {kec}."),
    ), (
        "Dokumen kependudukan atas nama pelapor telah selesai dan dapat diambil di kantor camat "
        "{kec}. Ketersediaan blangko sudah kembali normal.",
        "Perbaikan data telah dilakukan dan dokumen baru dapat diunduh melalui layanan daring "
        "Disdukcapil Kampar.",
    ), weight=2.5),
    _T("PENDIDIKAN", ("DISDIK", "BKPSDM"), (
        ("Honor guru honorer {sekolah} belum dibayar",
         "Kami guru honorer di {sekolah} belum menerima honor selama {bulan} bulan. Pihak "
         "sekolah beralasan dana BOS belum cair."),
        ("Guru honorer tidak diikutkan seleksi PPPK",
         "Saya sudah mengajar di {sekolah} sejak {tahun_mulai} tetapi nama saya tidak terdaftar "
         "di data pokok pendidikan sehingga tidak bisa ikut seleksi PPPK."),
    ), (
        "Honor guru honorer telah dibayarkan setelah pencairan dana BOS tahap berjalan. "
        "Operator sekolah diminta memperbarui data Dapodik.",
    ), weight=1.5),
    _T("PENDIDIKAN", ("DISDIK",), (
        ("Atap ruang kelas {sekolah} bocor",
         "Atap dua ruang kelas {sekolah} bocor {waktu}. Saat hujan murid dipindahkan ke teras "
         "dan pelajaran terganggu."),
        ("Gedung {sekolah} rusak dan hampir roboh",
         "Dinding ruang kelas {sekolah} retak dan kusen jendela lapuk. Orang tua murid "
         "khawatir bangunan roboh."),
    ), (
        "Rehabilitasi ruang kelas telah diusulkan dalam DAK fisik; perbaikan darurat dilakukan "
        "bulan ini.",
    ), weight=1.5),
    _T("PUNGLI", ("DISDIK", "INSPEKTORAT"), (
        ("Pungutan uang perpisahan di {sekolah}",
         "Wali murid {sekolah} diminta membayar {nominal} untuk perpisahan dan buku LKS. Yang "
         "belum membayar diancam tidak menerima rapor."),
    ), (
        "Kepala sekolah telah dipanggil; pungutan dihentikan dan uang yang sudah dibayar "
        "dikembalikan melalui komite sekolah.",
    ), anonim=0.3),
    _T("SOSIAL", ("DINSOS", "KEC"), (
        ("Bantuan sosial tidak tepat sasaran di {desa}",
         "Di {desa} banyak warga mampu yang menerima bantuan sosial, sedangkan janda dan lansia "
         "yang tidak mampu justru tidak terdaftar di DTKS."),
        ("PKH keluarga kami dihentikan tanpa pemberitahuan",
         "Bantuan PKH keluarga kami dihentikan sejak {bulan} bulan lalu tanpa pemberitahuan, "
         "padahal kondisi ekonomi kami tidak berubah."),
    ), (
        "Verifikasi dan validasi DTKS di desa tersebut telah dilakukan bersama pendamping PKH; "
        "pelapor diusulkan kembali sebagai penerima pada periode berikutnya.",
    ), weight=2.0, anonim=0.15),
    _T("SOSIAL", ("DP3AKB", "DINSOS"), (
        ("Dugaan kekerasan terhadap anak di {desa}",
         "Ada anak di lingkungan kami, {desa}, yang sering dipukul oleh orang tuanya. Kami mohon "
         "ada pendampingan dari pemerintah."),
    ), (
        "Petugas UPTD PPA telah melakukan penjangkauan dan pendampingan; kasus ditangani "
        "bersama unit PPA kepolisian.",
    ), weight=0.5, anonim=0.6, rahasia=0.9),
    _T("BENCANA", ("BPBD", "DINSOS"), (
        ("Banjir merendam rumah warga di {desa}",
         "Luapan {sungai} merendam puluhan rumah di {desa} setinggi lutut orang dewasa. Warga "
         "membutuhkan perahu karet dan bantuan makanan."),
        ("Tanah longsor menutup {jalan}",
         "Tebing di pinggir {jalan} longsor dan menutup separuh badan jalan. Kendaraan harus "
         "bergantian melintas."),
    ), (
        "Tim reaksi cepat telah menyalurkan bantuan logistik dan membersihkan material di "
        "lokasi. Lokasi dipantau selama musim hujan.",
    ), weight=1.5),
    _T("PUNGLI", ("INSPEKTORAT", "SATPOLPP", "KEC"), (
        ("Dugaan pungli pengurusan surat di kantor desa {desa}",
         "Untuk mengurus surat keterangan di kantor desa {desa} kami diminta membayar {nominal} "
         "tanpa kuitansi."),
        ("Pungutan liar parkir di {pasar}",
         "Juru parkir di {pasar} memungut {nominal} dan tidak memberikan karcis resmi."),
    ), (
        "Klarifikasi telah dilakukan kepada pihak terkait. Yang bersangkutan diberi sanksi dan "
        "pungutan dihentikan.",
    ), weight=1.5, anonim=0.35, rahasia=0.1),
    _T("PERIZINAN", ("DPMPTSP",), (
        ("Pengurusan PBG untuk ruko di {desa} berbulan-bulan",
         "Saya mengajukan persetujuan bangunan gedung untuk ruko di {jalan} pada {tanggal}, "
         "tetapi sampai sekarang statusnya masih verifikasi teknis."),
        ("Izin usaha lambat diproses",
         "Permohonan izin usaha saya di OSS berhenti di tahap verifikasi daerah {waktu}."),
    ), (
        "Permohonan telah diverifikasi dan izin diterbitkan melalui sistem OSS pada "
        "{tanggal_jawab}.",
    ), weight=1.2),
    _T("AIR_LISTRIK", ("PERKIM",), (
        ("Air PDAM tidak mengalir di {desa}",
         "Air PDAM di {rt} {desa} tidak mengalir {waktu}. Kami terpaksa membeli air isi ulang "
         "untuk memasak."),
        ("Air PDAM keruh dan berbau",
         "Air PDAM di rumah kami di {desa} berwarna cokelat dan berbau lumpur, tidak layak untuk "
         "mandi."),
    ), (
        "Perbaikan pipa distribusi yang bocor telah selesai dan aliran air kembali normal sejak "
        "{tanggal_jawab}.",
    ), weight=1.5),
    _T("DESA", ("DPMD", "INSPEKTORAT", "KEC"), (
        ("Penggunaan dana desa {desa} tidak transparan",
         "Warga {desa} tidak pernah diberi tahu rincian penggunaan dana desa dan papan "
         "informasi APBDes tidak dipasang."),
        ("Semenisasi jalan dari dana desa {desa} asal jadi",
         "Jalan semenisasi yang dibangun dengan dana desa {desa} tahun lalu sudah retak-retak."),
    ), (
        "Pembinaan telah dilakukan kepada pemerintah desa; papan informasi APBDes dipasang dan "
        "musyawarah desa digelar untuk menjelaskan penggunaan dana.",
    ), anonim=0.25),
    _T("KETERTIBAN", ("SATPOLPP", "KESBANGPOL", "KEC"), (
        ("Pedagang kaki lima menutup trotoar di {jalan}",
         "Trotoar di {jalan} dipenuhi lapak pedagang sehingga pejalan kaki harus turun ke badan "
         "jalan."),
        ("Balap liar setiap malam minggu di {jalan}",
         "Setiap malam minggu ada balap liar di {jalan} sampai pukul 02.00 dan sangat "
         "meresahkan warga {desa}."),
    ), ("Tim gabungan telah melakukan penertiban dan patroli rutin di lokasi tersebut.",)),
    _T("PERHUBUNGAN", ("DISHUB",), (
        ("Truk bertonase berat melintasi jalan desa {desa}",
         "Truk pengangkut tanah timbun bertonase berat setiap hari melintas di jalan desa {desa} "
         "sehingga jalan cepat rusak."),
        ("Rambu lalu lintas di simpang {desa} hilang",
         "Rambu dan marka di simpang {desa} hilang; sudah terjadi kecelakaan {waktu}."),
    ), ("Rambu telah dipasang kembali dan pengawasan muatan berlebih dilakukan bersama polisi.",)),
    _T("PERTANIAN", ("DISTPHP", "DISBUN", "DKP"), (
        ("Pupuk bersubsidi langka di {desa}",
         "Kelompok tani di {desa} tidak mendapat pupuk bersubsidi {waktu}, padahal sudah "
         "terdaftar di e-RDKK."),
        ("Bibit sawit bantuan diduga palsu",
         "Bibit kelapa sawit bantuan yang kami terima di {desa} tidak bersertifikat dan banyak "
         "yang mati."),
    ), (
        "Penyaluran pupuk dan bibit untuk kelompok tani tersebut telah diatur ulang; penyuluh "
        "pertanian mendampingi kelompok di lapangan.",
    )),
    _T("PERTANIAN", ("DISKAN",), (
        ("Ikan di keramba {sungai} mati massal",
         "Ikan patin di keramba kelompok kami di {sungai}, {desa}, mati mendadak. Kerugian kami "
         "mencapai puluhan juta rupiah."),
    ), (
        "Petugas telah mengambil sampel air dan ikan; kelompok pembudidaya diusulkan menerima "
        "bantuan benih tahun ini.",
    ), weight=0.6),
    _T("EKONOMI", ("DISPERINDAG", "DISKOPUKM"), (
        ("Harga gas elpiji 3 kg di atas HET di {desa}",
         "Pangkalan di {desa} menjual elpiji 3 kg seharga Rp30.000, jauh di atas HET. Stok juga "
         "sering kosong."),
        ("Bantuan modal UMKM tidak cair",
         "Usaha kecil saya di {desa} sudah terdaftar sebagai penerima bantuan modal UMKM tetapi "
         "dananya tidak pernah diterima."),
    ), (
        "Pengawasan telah dilakukan; pihak yang melanggar diberi teguran tertulis dan data "
        "penerima bantuan diperbaiki.",
    )),
    _T("EKONOMI", ("DISNAKER",), (
        ("Perusahaan tidak membayar upah sesuai UMK",
         "Saya bekerja di perusahaan perkebunan di Kecamatan {kec}. Upah kami di bawah UMK dan "
         "tidak ada slip gaji."),
        ("Pekerja tidak didaftarkan BPJS Ketenagakerjaan",
         "Perusahaan tempat saya bekerja di Kecamatan {kec} tidak mendaftarkan pekerja ke BPJS "
         "Ketenagakerjaan."),
    ), (
        "Pengawas ketenagakerjaan telah memanggil perusahaan; mediasi dijadwalkan dan perusahaan "
        "diwajibkan memenuhi hak pekerja.",
    ), anonim=0.3),
    _T("KEPEGAWAIAN", ("BKPSDM", "BPKAD"), (
        ("TPP pegawai belum dibayarkan",
         "Tambahan penghasilan pegawai di unit kami belum dibayarkan {bulan} bulan tanpa "
         "penjelasan."),
        ("Oknum ASN sering tidak masuk kantor",
         "Ada pegawai di kantor kecamatan {kec} yang hampir tidak pernah masuk tetapi tetap "
         "menerima gaji."),
    ), (
        "Pembayaran TPP telah diproses dan pegawai yang tidak disiplin dijatuhi hukuman "
        "disiplin sesuai PP 94/2021.",
    ), anonim=0.3),
    _T("PELAYANAN_PUBLIK", ("BAPENDA",), (
        ("Tagihan PBB naik tidak wajar",
         "Tagihan PBB rumah kami di {desa} naik hampir tiga kali lipat tanpa pemberitahuan."),
        ("SPPT PBB tidak diterima",
         "SPPT PBB tahun ini tidak dibagikan di {desa} sehingga kami tidak tahu besarnya "
         "tagihan."),
    ), ("NJOP objek pajak telah dikoreksi dan SPPT baru dapat diambil di kantor desa.",)),
    _T("PELAYANAN_PUBLIK", ("DISPORAPAR", "DISBUD"), (
        ("Fasilitas objek wisata Candi Muara Takus rusak",
         "Toilet dan gazebo di kawasan Candi Muara Takus rusak dan kotor, tidak pantas untuk "
         "wisatawan."),
        ("Lapangan olahraga di {desa} tidak terawat",
         "Lapangan sepak bola di {desa} ditumbuhi semak dan tiang gawangnya patah."),
    ), (
        "Kebersihan lokasi telah ditingkatkan dan perbaikan fasilitas dianggarkan pada tahun "
        "berjalan.",
    ), weight=0.8),
    _T("PELAYANAN_PUBLIK", ("DISPUSIP",), (
        ("Perpustakaan daerah tutup pada jam layanan",
         "Kami datang ke perpustakaan daerah pada jam layanan tetapi pintunya terkunci."),
        ("Mobil perpustakaan keliling tidak lagi datang ke {desa}",
         "Mobil perpustakaan keliling tidak lagi singgah di {sekolah} {waktu}."),
    ), ("Jadwal layanan perpustakaan dan mobil perpustakaan keliling telah diumumkan ulang.",),
        weight=0.4),
    _T("PELAYANAN_PUBLIK", ("KEC", "SETDA"), (
        ("Pelayanan surat di kantor camat {kec} lambat",
         "Saya mengurus surat keterangan di kantor camat {kec} sejak {tanggal} tetapi selalu "
         "diminta kembali karena pejabatnya tidak ada."),
        ("Kantor camat {kec} tutup pada jam kerja",
         "Pada hari kerja pukul 13.30 kantor camat {kec} sudah tutup dan tidak ada petugas."),
    ), (
        "Camat telah menetapkan petugas pengganti dan jam layanan diumumkan di kantor camat "
        "sehingga layanan tidak lagi tertunda.",
    ), weight=1.5),
    _T("PERTANAHAN", ("KEC", "PERKIM"), (
        ("Sengketa batas lahan dengan perusahaan di {desa}",
         "Lahan kebun warga {desa} diklaim masuk HGU perusahaan. Kami minta pemerintah "
         "memfasilitasi pengukuran ulang."),
        ("Bantuan bedah rumah di {desa} tidak tepat sasaran",
         "Bantuan rumah tidak layak huni di {desa} diberikan kepada warga yang rumahnya sudah "
         "permanen."),
    ), (
        "Mediasi telah difasilitasi dan peninjauan lapangan dijadwalkan bersama instansi "
        "terkait.",
    )),
    _T("PELAYANAN_PUBLIK", ("SETDA", "SETWAN"), (
        ("Permohonan audiensi dengan Bupati tidak dijawab",
         "Kami dari kelompok masyarakat {desa} telah mengirim surat permohonan audiensi pada "
         "{tanggal} tetapi belum ada jawaban."),
        ("Aspirasi warga kepada DPRD tidak ditanggapi",
         "Surat aspirasi warga {desa} kepada DPRD Kabupaten Kampar yang kami kirim pada "
         "{tanggal} belum ditanggapi."),
    ), ("Audiensi telah dijadwalkan dan undangan disampaikan kepada perwakilan pelapor.",),
        weight=0.5),
    _T("PELAYANAN_PUBLIK", ("BAPPEDA", "PUPR", "KEC"), (
        ("Usulan pembangunan jalan {desa} dalam Musrenbang",
         "Kami mengusulkan agar pembangunan {jalan} di {desa} dimasukkan dalam prioritas "
         "Musrenbang tahun depan karena jalan ini menjadi akses utama kebun warga."),
        ("Usulan penambahan lampu jalan di {desa}",
         "Kami mengusulkan penambahan lampu jalan di sepanjang {jalan}, {desa}, yang masih "
         "gelap gulita pada malam hari."),
    ), (
        "Usulan telah dicatat dalam sistem perencanaan daerah dan akan dibahas pada Musrenbang "
        "kecamatan {kec}.",
    ), klasifikasi="aspirasi", weight=1.2),
    _T("ADMINDUK", ("DISDUKCAPIL",), (
        ("Permintaan informasi jadwal perekaman KTP-el di {kec}",
         "Mohon informasi jadwal perekaman KTP-el keliling untuk pemula di Kecamatan {kec} dan "
         "dokumen apa saja yang perlu dibawa."),
    ), (
        "Perekaman keliling di Kecamatan {kec} dilaksanakan pada {bulan_depan}; bawa fotokopi "
        "KK dan surat keterangan dari sekolah bagi pemula.",
    ), klasifikasi="informasi"),
    _T("PENDIDIKAN", ("DISDIK", "BKPSDM"), (
        ("Informasi jadwal PPDB SMP negeri di {kec}",
         "Mohon informasi jadwal dan syarat pendaftaran peserta didik baru untuk SMP negeri di "
         "Kecamatan {kec}."),
    ), ("Jadwal dan persyaratan telah diumumkan di laman resmi dan di setiap sekolah.",),
        klasifikasi="informasi", weight=0.8),
    _T("PERIZINAN", ("DPMPTSP", "DISKOPUKM"), (
        ("Informasi syarat izin usaha mikro",
         "Saya ingin membuka usaha kecil di {desa}. Mohon informasi syarat dan alur izinnya."),
    ), ("Izin usaha mikro cukup dengan NIB melalui OSS; petugas siap membantu di MPP.",),
        klasifikasi="informasi", weight=0.6),
)
# fmt: on

_OPENINGS = (
    "",
    "",
    "Assalamualaikum wr. wb. ",
    "Selamat siang Bapak/Ibu. ",
    "Dengan hormat, ",
    "Saya warga {desa}, Kecamatan {kec}. ",
    "Kami warga {rt} {desa} ingin menyampaikan laporan. ",
)
_EXTRAS = (
    "",
    "",
    "Sudah pernah kami sampaikan ke kepala desa namun belum ada tindak lanjut. ",
    "Foto kondisi di lapangan kami lampirkan. ",
    "Kondisi ini sangat merugikan warga sekitar. ",
    "Kejadian ini bukan yang pertama kali. ",
)
_CLOSINGS = (
    "Mohon segera ditindaklanjuti. Terima kasih.",
    "Kami berharap pemerintah daerah segera turun ke lapangan.",
    "Mohon perhatian Bapak Bupati Kampar.",
    "Terima kasih atas perhatiannya.",
    "Mohon ditindaklanjuti sebelum ada korban.",
)
_STREETS = (
    "Jl. Prof. M. Yamin",
    "Jl. Jend. Sudirman",
    "Jl. Tuanku Tambusai",
    "Jl. Datuk Tabano",
    "Jl. Lintas Bangkinang–Pekanbaru",
    "Jl. Lintas Riau–Sumbar",
    "Jl. Pahlawan",
    "Jl. Ahmad Yani",
    "Jl. Kartini",
    "Jl. Lingkar Bangkinang",
    "Jl. Diponegoro",
    "Jl. Siliwangi",
    "Jl. Raya Petapahan",
    "Jl. Poros Desa",
    "Jl. Padat Karya",
    "Jl. Mesjid",
    "Jl. Sekolah",
    "Jl. Kebun Sawit",
)
_LANDMARKS = (
    "masjid",
    "surau",
    "kantor desa",
    "SD negeri",
    "simpang tiga",
    "pasar",
    "jembatan",
    "pos ronda",
    "lapangan bola",
)
_RIVERS = ("Sungai Kampar", "Sungai Kampar Kiri", "Sungai Tapung", "Sungai Siak", "Batang Kampar")
_MARKETS = (
    "Pasar Bawah Bangkinang",
    "Pasar Air Tiris",
    "Pasar Danau Bingkuang",
    "Pasar Petapahan",
    "Pasar Sungai Pagar",
    "Pasar Kuok",
    "Pasar Lipat Kain",
)
_WHEN = (
    "sejak dua minggu terakhir",
    "sudah lebih dari sebulan",
    "sejak awal tahun",
    "sudah tiga bulan",
    "sejak musim hujan kemarin",
    "beberapa hari ini",
    "hampir setahun",
)
_MONTH_COUNTS = ("dua", "tiga", "empat", "lima", "enam")
_AMOUNTS = ("Rp50.000", "Rp100.000", "Rp150.000", "Rp250.000", "Rp500.000", "Rp1.000.000")

_NOTES: dict[Action, tuple[str, ...]] = {
    Action.VERIFY: ("", "", "Laporan lengkap dan dapat ditindaklanjuti.", "Kategori disesuaikan."),
    Action.DISPOSE: (
        "Mohon ditindaklanjuti sesuai kewenangan.",
        "Mohon segera ditinjau ke lapangan dan dilaporkan hasilnya.",
        "Mohon ditindaklanjuti paling lambat 10 hari kerja.",
        "",
    ),
    Action.REDISPOSE: (
        "Disposisi dialihkan ke OPD yang berwenang.",
        "Salah disposisi; dialihkan.",
    ),
    Action.HOLD: (
        "Mohon pelapor melengkapi alamat lokasi yang jelas.",
        "Mohon pelapor melampirkan foto kondisi di lapangan.",
        "Isi laporan kurang jelas; pelapor dihubungi untuk melengkapi.",
    ),
    Action.RESUME: ("Pelapor telah melengkapi informasi.", "Informasi tambahan diterima."),
    Action.ARCHIVE: (
        "Laporan ganda dengan laporan sebelumnya.",
        "Bukan pengaduan: ucapan terima kasih.",
        "Pelapor tidak melengkapi informasi dalam batas waktu.",
        "Laporan bukan kewenangan Pemerintah Kabupaten Kampar; pelapor diarahkan ke instansi "
        "vertikal terkait.",
    ),
    Action.START: ("", "Tim ditugaskan meninjau lokasi.", "Sedang dikoordinasikan dengan UPT."),
    Action.FOLLOWUP_NOTE: (
        "Tim telah meninjau lokasi dan mendokumentasikan kondisi.",
        "Sedang dikoordinasikan dengan pemerintah desa.",
        "Menunggu ketersediaan anggaran pemeliharaan.",
        "Pelapor telah dihubungi melalui telepon untuk klarifikasi.",
        "Rapat koordinasi dengan instansi terkait telah dilaksanakan.",
    ),
    Action.RETURN_ANSWER: (
        "Lengkapi jawaban dengan jadwal pelaksanaan.",
        "Jawaban terlalu umum; sebutkan hasil peninjauan lapangan.",
        "Perbaiki bahasa dan lampirkan dokumentasi.",
    ),
    Action.REPORTER_RESPONSE: (
        "Pelapor menyatakan perbaikan belum dilakukan di lapangan.",
        "Pelapor tidak puas dengan jawaban dan meminta peninjauan ulang.",
        "Pelapor menyampaikan masalah yang sama terulang kembali.",
    ),
    Action.ACCEPT: ("", "Pelapor menyampaikan terima kasih.", "Pelapor menerima jawaban."),
    Action.CLOSE: ("Laporan selesai ditindaklanjuti.",),
    Action.NOTE: (
        "Pelapor menelepon menanyakan perkembangan laporan.",
        "Koordinasi via telepon dengan admin penghubung OPD.",
        "Perlu dipantau: laporan serupa pernah masuk.",
    ),
}
_NOT_OURS_NOTE = "Bukan kewenangan kami; merupakan kewenangan {opd}."
_AUTO_CLOSE_NOTE = "Ditutup otomatis: tidak ada tanggapan pelapor dalam masa tanggapan."
_ESCALATE_NOTE = "Melewati batas waktu penyelesaian; diteruskan ke Ombudsman sesuai SOP."

_MALE = (
    "Ahmad",
    "Muhammad",
    "Rahmat",
    "Syafrizal",
    "Zulkifli",
    "Hendra",
    "Irwan",
    "Junaidi",
    "Safri",
    "Darmawan",
    "Fauzi",
    "Rizky",
    "Andi",
    "Budi",
    "Yusri",
    "Herman",
    "Ridwan",
    "Taufik",
    "Nasrul",
    "Azwar",
    "Erwin",
    "Firdaus",
    "Iskandar",
    "Khairul",
    "Mulyadi",
    "Nofrizal",
    "Rahmadi",
    "Syahrial",
    "Usman",
    "Wahyudi",
    "Zainal",
    "Arif",
)
_FEMALE = (
    "Siti",
    "Nurhayati",
    "Rosmawati",
    "Yusnidar",
    "Fitri",
    "Rina",
    "Dewi",
    "Sri",
    "Yulia",
    "Rahmawati",
    "Erni",
    "Lisa",
    "Nurul",
    "Sari",
    "Elvi",
    "Desi",
    "Yanti",
    "Rosnani",
    "Asmah",
    "Zuraida",
    "Hasnah",
    "Mardiana",
    "Novita",
    "Ratna",
    "Yusnita",
    "Aisyah",
    "Fatimah",
    "Indah",
)
_FAMILY = (
    "",
    "",
    "",
    "Saputra",
    "Hidayat",
    "Rahman",
    "Yusuf",
    "Ilyas",
    "Hamid",
    "Kadir",
    "Arifin",
    "Effendi",
    "Syam",
    "Nasution",
    "Lubis",
    "Harahap",
    "Siregar",
    "Hasibuan",
    "Malik",
    "Aziz",
    "Ismail",
    "Amri",
)
_OPERATORS = ("0811", "0812", "0813", "0821", "0822", "0852", "0853", "0877", "0878", "0895")

_CHANNELS = (
    ("lapor", 0.33),
    ("walk-in", 0.2),
    ("sms", 0.1),
    ("social-media", 0.12),
    ("phone", 0.08),
    ("letter", 0.07),
    ("email", 0.1),
)
# Arrive in office hours and are logged by the front desk; the rest by the regency admin.
_OFFICE_CHANNELS = frozenset({"walk-in", "phone", "letter"})


# ---------------------------------------------------------------- reference data


@dataclass(frozen=True)
class _Office:
    id: str
    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class _Person:
    id: str
    office_id: str
    role: Role


@dataclass
class _Refs:
    regency: _Office
    opds: list[_Office]
    opd_by_code: dict[str, _Office]
    categories: frozenset[str]
    rule_sets: list[tuple[date, str, DomainRuleSet]]  # (effective_from, id hex, rules)
    kecamatan: list[reference.Region]
    desa: dict[str, tuple[reference.Region, ...]]


@dataclass
class _Staff:
    desk: list[_Person]
    admin: list[_Person]
    opd_admin: dict[str, _Person]  # office code -> person
    opd_head: dict[str, _Person]
    names: list[str]
    created: list[str]


# ---------------------------------------------------------------- the generator


@dataclass
class _Plan:
    received: datetime
    channel: str
    template: int
    kec: int  # index into kecamatan
    opd: str  # the competent OPD's code
    stop_at: Status | None = None  # forced: the case stops once it reaches this status
    plain: bool = False  # forced: no hold/archive/stuck/misroute before disposition
    fast: bool = False  # forced: short delays


@dataclass
class _Case:
    """Mutable state of one case while its history is simulated."""

    plan: _Plan
    cid: str
    t: datetime  # the time of the last action
    status: Status = Status.DITERIMA
    opd: _Office | None = None
    disposed_at: datetime | None = None
    answered_at: datetime | None = None
    closed_at: datetime | None = None
    escalated_at: datetime | None = None
    answered_once: bool = False
    reopen: int = 0
    answer: str = ""
    category: str | None = None
    pauses: list[tuple[date, date]] = field(default_factory=list)
    esc_at: datetime | None = None  # when the engine flags it (cached; reset by a pause)
    hold_at: datetime | None = None
    stuck: Status | None = None
    done: bool = False
    acts: list[tuple[Any, ...]] = field(default_factory=list)
    history: list[tuple[str, str, datetime]] = field(default_factory=list)


_SYSTEM = _Person("", "", Role.SYSTEM)
# Where the deadlines engine flags escalations (it skips DIJAWAB; TERTUNDA is paused anyway).
_ESCALATABLE = OPEN_STATUSES - {Status.TERTUNDA}
_STUCK_STAGES = (
    Status.DITERIMA,
    Status.TERVERIFIKASI,
    Status.TERDISPOSISI,
    Status.TERDISPOSISI,
    Status.DIPROSES,
    Status.DIPROSES,
    Status.DIPROSES,
    Status.MENUNGGU_PERSETUJUAN,
)


_MINUTES = tuple(timedelta(minutes=m) for m in range(481))
_EPOCH = datetime(1970, 1, 1)
_MILLISECOND = timedelta(milliseconds=1)
_VARIANT = 0b10 << 62  # RFC 9562 variant bits


def _ts(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(" ")


def _ds(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


class _Generator:
    def __init__(self, ctx: Ctx, refs: _Refs, staff: _Staff, seed: int, id_seed: str) -> None:
        self.refs = refs
        self.staff = staff
        self.rng = random.Random(seed)
        self._ids = random.Random(id_seed)
        self.now = ctx.clock.now().replace(microsecond=0)
        self.today = self.now.date()
        self.cal: WorkCalendar = deadlines.calendar()
        self.letters: list[tuple[str, datetime, str, str]] = []  # office id, at, case, user
        self._soon: dict[date, date] = {}
        self._channel_names = [c for c, _ in _CHANNELS]
        self._channel_cum = list(itertools.accumulate(w for _, w in _CHANNELS))
        self._template_ids = list(range(len(TEMPLATES)))
        self._template_cum = list(itertools.accumulate(t.weight for t in TEMPLATES))
        self._kec_offices = {
            k.code: refs.opd_by_code.get(f"KEC-{k.code[-2:]}") for k in refs.kecamatan
        }
        self._random = self.rng.random
        # The working days around the demo period as a table (the calendar's day-by-day
        # loops are too slow for millions of steps): `_next_wd[d - first]` is the index in
        # `_workdays` of the first working day on or after d.
        first = self.today - timedelta(days=PERIOD_DAYS + 30)
        last = self.today + timedelta(days=500)
        self._day0 = first.toordinal()
        self._day_last = last.toordinal()
        self._workdays: list[date] = [
            d
            for i in range((last - first).days + 60)
            if self.cal.is_working_day(d := first + timedelta(days=i))
        ]
        self._next_wd: list[int] = []
        j = 0
        for i in range((last - first).days + 1):
            d = first + timedelta(days=i)
            while self._workdays[j] < d:
                j += 1
            self._next_wd.append(j)
        self._day_starts = [datetime(d.year, d.month, d.day, 7, 30) for d in self._workdays]

    # -- fast deterministic draws (random.randint/choice cost several calls each)

    def ri(self, lo: int, hi: int) -> int:
        return lo + int(self._random() * (hi - lo + 1))

    def pick(self, seq: Sequence[Any]) -> Any:
        return seq[int(self._random() * len(seq))]

    # -- ids and times

    def new_id(self, at: datetime, seq: int = 0) -> str:
        """A time-ordered UUID (version 7 layout, RFC 9562) for a row made at `at`.

        Random (version 4) keys land all over the primary-key B-trees and make a bulk load
        several times slower; these ones arrive in key order. `seq` orders the rows of one
        case (its actions) after its own id.
        """
        ms = (at - _EPOCH) // _MILLISECOND
        return f"{ms:012x}7{seq & 0xFFF:03x}{self._ids.getrandbits(62) | _VARIANT:016x}"

    def next_working_day(self, d: date) -> date:
        o = d.toordinal()
        if self._day0 <= o <= self._day_last:
            return self._workdays[self._next_wd[o - self._day0]]
        return self.cal.next_working_day(d)

    def add_working_days(self, d: date, n: int) -> date:
        o = d.toordinal() + 1
        if n > 0 and self._day0 <= o <= self._day_last:
            i = self._next_wd[o - self._day0] + n - 1
            if i < len(self._workdays):
                return self._workdays[i]
        return self.cal.add_working_days(d, n)

    def office_time(self, d: date) -> datetime:
        """A time in office hours (07:30–15:30) on the first working day from `d`."""
        o = d.toordinal()
        minutes = _MINUTES[int(self._random() * 481)]
        if self._day0 <= o <= self._day_last:
            return self._day_starts[self._next_wd[o - self._day0]] + minutes
        d = self.cal.next_working_day(d)
        return datetime(d.year, d.month, d.day, 7, 30) + minutes

    def after(self, t: datetime, lo: int, hi: int) -> datetime:
        """`lo`..`hi` working days after `t` (0: later the same working day if there is time)."""
        n = self.ri(lo, hi)
        day = t.date()
        if n == 0:
            later = t + timedelta(minutes=self.ri(10, 150))
            if later.hour < 16 and later.date() == day and self.next_working_day(day) == day:
                return later
            n = 1
        return self.office_time(self.add_working_days(day, n))

    # -- planning

    def plans(self, n: int) -> list[_Plan]:
        rng = self.rng
        ri, pick, rnd = self.ri, self.pick, self._random
        refs = self.refs
        start = self.now - timedelta(days=PERIOD_DAYS)
        kec_count = len(refs.kecamatan)
        by_opd: dict[str, list[int]] = {}
        for i, t in enumerate(TEMPLATES):
            for code in t.opds:
                by_opd.setdefault(code, []).append(i)
        plans: list[_Plan] = []

        def plan_for(received: datetime, template: int | None, kec: int | None) -> _Plan:
            channel = rng.choices(self._channel_names, cum_weights=self._channel_cum)[0]
            if channel in _OFFICE_CHANNELS:  # walk-in, phone and letters: office hours
                received = self.office_time(received.date())
                if received > self.now:
                    received = self.now - timedelta(minutes=ri(1, 600))
                    if not self.cal.is_working_day(received.date()):
                        channel = "lapor"
            if template is None:
                template = rng.choices(self._template_ids, cum_weights=self._template_cum)[0]
            if kec is None:
                kec = rng.randrange(kec_count)
            t = TEMPLATES[template]
            code = t.opds[0] if rnd() < 0.7 else pick(t.opds)
            return _Plan(received, channel, template, kec, self._opd_code(code, kec))

        def days_ago(days: float) -> datetime:
            at = self.office_time((self.now - timedelta(days=days)).date())
            return min(at, self.now - timedelta(minutes=ri(30, 90)))

        # Coverage first (so a few hundred cases already show every status, OPD and
        # kecamatan): one case per OPD, then one case stopping at each status.
        for i, office in enumerate(refs.opds):
            if len(plans) >= n:
                break
            if office.code.startswith("KEC-"):
                kec = next(
                    (j for j, k in enumerate(refs.kecamatan) if k.code[-2:] == office.code[-2:]),
                    i % kec_count,
                )
                options = by_opd.get("KEC", [])
            else:
                kec = i % kec_count
                options = by_opd.get(office.code, [])
            template = pick(options) if options else None
            p = plan_for(days_ago(rng.uniform(30, PERIOD_DAYS - 5)), template, kec)
            p.opd, p.plain = office.code, True
            plans.append(p)
        forced = (
            (Status.DITERIMA, 1.0),
            (Status.TERTUNDA, 9.0),
            (Status.TERVERIFIKASI, 4.0),
            (Status.TERDISPOSISI, 7.0),
            (Status.DIPROSES, 15.0),
            (Status.DIPROSES, 120.0),  # stuck: overdue and escalated
            (Status.MENUNGGU_PERSETUJUAN, 16.0),
            (Status.DIJAWAB, 9.0),
            (Status.SELESAI, 45.0),
            (Status.ARSIP, 12.0),
        )
        for status, ago in forced:
            if len(plans) >= n:
                break
            p = plan_for(days_ago(ago), None, None)
            p.stop_at, p.fast, p.plain = status, True, status not in (Status.TERTUNDA, Status.ARSIP)
            plans.append(p)
        span = (self.now - start).total_seconds()
        while len(plans) < n:
            received = start + timedelta(seconds=int(rnd() * span))
            plans.append(plan_for(received, None, None))
        plans.sort(key=lambda p: p.received)
        return plans

    def _opd_code(self, code: str, kec: int) -> str:
        if code == "KEC":
            office = self._kec_offices.get(self.refs.kecamatan[kec].code)
            if office is not None:
                return office.code
            code = "SETDA"
        if code in self.refs.opd_by_code:
            return code
        return self.pick(self.refs.opds).code

    # -- one case

    def slots(self, plan: _Plan) -> dict[str, str]:
        ri, pick = self.ri, self.pick
        kec = self.refs.kecamatan[plan.kec]
        desas = self.refs.desa.get(kec.code) or (reference.Region(kec.code + "2001", kec.name),)
        d = pick(desas)
        kind = "Kelurahan" if d.code[6:7] == "1" else "Desa"
        n_school = ri(1, 40)
        school = pick(
            (
                f"SD Negeri {n_school:03d} {d.name}",
                f"SMP Negeri {ri(1, 4)} {kec.name}",
                f"SD Negeri {n_school:03d} {kec.name}",
            )
        )
        received = plan.received.date()
        return {
            "desa": f"{kind} {d.name}",
            "desa_code": d.code,
            "kec": kec.name,
            "jalan": pick(_STREETS),
            "landmark": pick(_LANDMARKS),
            "sungai": pick(_RIVERS),
            "pasar": pick((*_MARKETS, f"pasar {kec.name}")),
            "puskesmas": f"Puskesmas {pick((kec.name, d.name))}",
            "sekolah": school,
            "waktu": pick(_WHEN),
            "bulan": pick(_MONTH_COUNTS),
            "nominal": pick(_AMOUNTS),
            "jumlah": str(ri(3, 15)),
            "panjang": str(ri(2, 30) * 50),
            "rt": f"RT {ri(1, 9):03d}/RW {ri(1, 5):03d}",
            "tanggal": long_date(received - timedelta(days=ri(7, 120))),
            "tahun_mulai": str(received.year - ri(3, 15)),
            "bulan_depan": f"{MONTHS[received.month % 12]} {received.year + received.month // 12}",
            "tanggal_jawab": long_date(received + timedelta(days=ri(5, 20))),
        }

    def emit(
        self,
        c: _Case,
        action: Action,
        to: Status,
        at: datetime,
        who: _Person,
        *,
        note: str = "",
        opd: _Office | None = None,
        for_reporter: bool = False,
    ) -> None:
        seq = len(c.acts) + 1
        # (StrEnum members are str: they go into the rows as their values.)
        c.acts.append(
            (
                f"{c.cid[:13]}{seq:03x}{self._ids.getrandbits(62) | _VARIANT:016x}",
                c.cid,
                seq,
                action,
                c.status if seq > 1 else None,
                to,
                who.id or None,
                who.role,
                who.office_id or None,
                opd.id if opd else None,
                note,
                int(for_reporter),
                _ts(at),
            )
        )
        c.history.append((action, to, at))
        c.status = to
        c.t = at

    def note(self, action: Action) -> str:
        return self.pick(_NOTES[action])

    def escalation_check(self, c: _Case, until: datetime) -> None:
        """What `deadlines --apply` would have done before `until`: flag once, if past due."""
        if c.escalated_at is not None or c.answered_once:
            return
        at = c.esc_at
        if at is None:
            limit = self.rules_for(c.plan.received).escalation
            due = sla.due_date(c.plan.received.date(), limit, self.cal)
            for a, b in c.pauses:  # (the pause rule of domain/sla.py, for early holds)
                if a <= due:
                    days = (
                        self.cal.working_days_between(a, b)
                        if limit.kind is DayKind.WORKING
                        else (b - a).days
                    )
                    due = sla.due_date(due, Limit(days, limit.kind), self.cal)
            at = c.esc_at = self.office_time(due + timedelta(days=1))
        if at >= until or at > self.now or c.status not in _ESCALATABLE:
            return
        if at <= c.t:  # was not escalatable then (on hold): flag it right after
            at = c.t + timedelta(minutes=self.ri(5, 60))
        if at < until and at <= self.now:
            admin = self._random() < 0.2  # now and then the admin flags it by hand
            who = self.pick(self.staff.admin) if admin else _SYSTEM
            self.emit(c, Action.ESCALATE, c.status, at, who, note=_ESCALATE_NOTE)
            c.escalated_at = at

    def wait(self, c: _Case, lo: int, hi: int, slow: float = 0.0) -> datetime | None:
        """The time of the next step, or None when it would be after now (the case stops)."""
        if c.done:
            return None
        rnd = self._random
        if c.plan.fast:
            lo, hi = 0, 1
        elif c.stuck is c.status:
            lo, hi = 40, 260
        elif slow and rnd() < slow:
            lo, hi = hi + 1, hi * 3 + 2
        at = self.after(c.t, lo, hi)
        if at > self.now or c.status is c.plan.stop_at:
            self.escalation_check(c, self.now + timedelta(seconds=1))
            c.done = True
            return None
        self.escalation_check(c, at)
        return at

    def simulate(self, c: _Case, tpl: _Template, slots: dict[str, str], channel: str) -> None:
        ri, pick, rnd = self.ri, self.pick, self._random
        staff = self.staff
        plan = c.plan
        right = self.refs.opd_by_code[plan.opd]
        intake_by = pick(staff.desk if channel in _OFFICE_CHANNELS else staff.admin)
        self.emit(c, Action.INTAKE, Status.DITERIMA, plan.received, intake_by)
        if not plan.plain and not plan.stop_at and rnd() < 0.07:
            c.stuck = pick(_STUCK_STAGES)
        # DITERIMA: hold for more information, archive, or verify.
        r = rnd()
        force = plan.stop_at
        if force is Status.TERTUNDA or (not plan.plain and force is None and r < 0.05):
            at = self.wait(c, 0, 2)
            if at is None:
                return
            admin = pick(staff.admin)
            self.emit(c, Action.HOLD, Status.TERTUNDA, at, admin, note=self.note(Action.HOLD))
            c.hold_at = at
            r2 = rnd()
            if force is Status.TERTUNDA or r2 < 0.12:
                c.done = True  # the reporter never answered; still waiting
                return
            if r2 < 0.35:
                at = self.wait(c, 8, 20)
                if at is None:
                    return
                self.emit(
                    c, Action.ARCHIVE, Status.ARSIP, at, admin, note=self.note(Action.ARCHIVE)
                )
                c.closed_at = at
                return
            at = self.wait(c, 2, 10)
            if at is None:
                return
            self.emit(c, Action.RESUME, Status.DITERIMA, at, admin, note=self.note(Action.RESUME))
            c.pauses.append((c.hold_at.date(), at.date()))
            c.esc_at = None
            c.hold_at = None
        if force is Status.ARSIP or (not plan.plain and force is None and r > 0.955):
            at = self.wait(c, 0, 3)
            if at is None:
                return
            who = pick(staff.admin)
            self.emit(c, Action.ARCHIVE, Status.ARSIP, at, who, note=self.note(Action.ARCHIVE))
            c.closed_at = at
            return
        at = self.wait(c, 0, 3, slow=0.12)
        if at is None:
            return
        admin = pick(staff.admin)
        c.category = tpl.category if tpl.category in self.refs.categories else None
        self.emit(c, Action.VERIFY, Status.TERVERIFIKASI, at, admin, note=self.note(Action.VERIFY))
        if rnd() < 0.05:
            at2 = at + timedelta(minutes=ri(5, 90))
            self.emit(c, Action.NOTE, c.status, at2, admin, note=self.note(Action.NOTE))
        # Disposition, possibly to the wrong OPD first.
        misroute = not plan.plain and rnd() < 0.08 and len(self.refs.opds) > 1
        target = right
        if misroute:
            while target is right:
                target = pick(self.refs.opds)
        if not self.dispose(c, Action.DISPOSE, target, slots):
            return
        if misroute:
            if rnd() < 0.5:
                at = self.wait(c, 0, 3)
                if at is None:
                    return
                admin = pick(staff.admin)
                note = self.note(Action.REDISPOSE)
                self.emit(c, Action.REDISPOSE, Status.TERDISPOSISI, at, admin, note=note, opd=right)
                c.opd, c.disposed_at = right, at
            else:
                at = self.wait(c, 1, 5)
                if at is None:
                    return
                assert c.opd is not None
                who = staff.opd_admin[c.opd.code]
                note = _NOT_OURS_NOTE.format(opd=right.name)
                self.emit(c, Action.NOT_OURS, Status.TERVERIFIKASI, at, who, note=note, opd=right)
                c.opd = None
                if not self.dispose(c, Action.DISPOSE, right, slots):
                    return
        self.follow_up(c, tpl, slots)

    def dispose(self, c: _Case, action: Action, target: _Office, slots: dict[str, str]) -> bool:
        at = self.wait(c, 0, 2, slow=0.1)
        if at is None:
            return False
        admin = self.pick(self.staff.admin)
        note = self.note(Action.DISPOSE)
        self.emit(c, action, Status.TERDISPOSISI, at, admin, note=note, opd=target)
        c.opd, c.disposed_at = target, at
        return True

    def follow_up(self, c: _Case, tpl: _Template, slots: dict[str, str]) -> None:
        pick, rnd = self.pick, self._random
        assert c.opd is not None
        opd_admin = self.staff.opd_admin[c.opd.code]
        head = self.staff.opd_head[c.opd.code]
        at = self.wait(c, 0, 3, slow=0.12)
        if at is None:
            return
        self.emit(c, Action.START, Status.DIPROSES, at, opd_admin, note=self.note(Action.START))
        while True:  # DIPROSES (again after a returned answer or a reporter's response)
            for _ in range(0 if c.plan.fast else pick((0, 0, 1, 1, 1, 2, 3))):
                at = self.wait(c, 1, 4)
                if at is None:
                    return
                who = head if rnd() < 0.1 else opd_admin
                note = self.note(Action.FOLLOWUP_NOTE)
                fr = rnd() < 0.3
                self.emit(c, Action.FOLLOWUP_NOTE, c.status, at, who, note=note, for_reporter=fr)
            at = self.wait(c, 1, 6, slow=0.15)
            if at is None:
                return
            answer = (
                "Terima kasih atas laporan Saudara. "
                + pick(tpl.answers).format_map(slots)
                + " Demikian kami sampaikan."
            )
            self.emit(
                c, Action.SUBMIT_ANSWER, Status.MENUNGGU_PERSETUJUAN, at, opd_admin, note=answer
            )
            c.answer = answer
            at = self.wait(c, 0, 2, slow=0.08)
            if at is None:
                return
            if rnd() < 0.1:
                note = self.note(Action.RETURN_ANSWER)
                self.emit(c, Action.RETURN_ANSWER, Status.DIPROSES, at, head, note=note)
                continue
            self.emit(c, Action.APPROVE, Status.DIJAWAB, at, head)
            self.letters.append((c.opd.id, at, c.cid, head.id))
            c.answered_at, c.answered_once = at, True
            # DIJAWAB: the reporter responds (reopens), accepts, the admin closes, or the
            # reply window passes and the deadlines engine closes it.
            r = rnd()
            desk = pick(self.staff.desk + self.staff.admin)
            if r < 0.07 and c.reopen < 2 and c.plan.stop_at is None:
                at = self.wait(c, 1, 8)
                if at is None:
                    return
                note = self.note(Action.REPORTER_RESPONSE)
                self.emit(c, Action.REPORTER_RESPONSE, Status.DIPROSES, at, desk, note=note)
                c.reopen += 1
                c.answered_at = None
                continue
            if r < 0.4:
                at = self.wait(c, 0, 8)
                if at is None:
                    return
                self.emit(c, Action.ACCEPT, Status.SELESAI, at, desk, note=self.note(Action.ACCEPT))
            elif r < 0.45:
                at = self.wait(c, 2, 9)
                if at is None:
                    return
                admin = pick(self.staff.admin)
                self.emit(c, Action.CLOSE, Status.SELESAI, at, admin, note=self.note(Action.CLOSE))
            else:
                reply = self.rules_for(c.plan.received).reply
                due = (
                    self.add_working_days(c.t.date(), reply.days)
                    if reply.kind is DayKind.WORKING
                    else c.t.date() + timedelta(days=reply.days)
                )
                at = self.office_time(due + timedelta(days=1))
                if c.done or at > self.now or c.plan.stop_at is Status.DIJAWAB:
                    return
                self.emit(c, Action.AUTO_CLOSE, Status.SELESAI, at, _SYSTEM, note=_AUTO_CLOSE_NOTE)
            c.closed_at = at
            return

    # -- deadlines, as the engine stores them (deadlines.refresh_due)

    def due_columns(
        self, c: _Case
    ) -> tuple[str | None, date | None, date | None, date | None, bool]:
        status = c.status
        clock = deadlines.STAGE_CLOCK.get(status)
        if clock is None and status is not Status.TERTUNDA:
            return None, None, None, None, False  # final: nothing runs
        rules = self.rules_for(c.plan.received)
        clocks = deadlines.clocks_for(
            c.plan.received, deadlines.ActionTimes(tuple(c.history)), rules, self.now
        )
        stage = clocks.get(clock) if clock else None
        due_clock = due = soon = None
        if stage is not None and stage.due is not None and stage.done_at is None:
            due_clock, due = stage.clock.value, stage.due
            soon = self._soon.get(due)
            if soon is None:
                soon = self._soon[due] = deadlines._soon_from(due)
        esc = clocks[Clock.ESCALATION]
        escalatable = status in deadlines._ESCALATABLE
        esc_due = esc.due if escalatable and esc.done_at is None else None
        overdue = due is not None and due < self.today
        return due_clock, due, soon, esc_due, overdue

    def rules_for(self, received: datetime) -> DomainRuleSet:
        chosen = self.refs.rule_sets[0][2]
        for effective, _id, rules in self.refs.rule_sets:
            if effective <= received.date():
                chosen = rules
        return chosen

    def rule_id_for(self, received: datetime) -> str:
        chosen = self.refs.rule_sets[0][1]
        for effective, rid, _rules in self.refs.rule_sets:
            if effective <= received.date():
                chosen = rid
        return chosen


# ---------------------------------------------------------------- database side

_TRIGGER_NAME = re.compile(r'CREATE TRIGGER "(\w+)"')
FTS_TRIGGERS: tuple[tuple[str, str], ...] = tuple(
    (m.group(1), sql) for sql in m0001_initial.FTS if (m := _TRIGGER_NAME.search(sql))
)

_COMPLAINT_COLUMNS = (
    "id",
    "num",
    "ticket",
    "tracking_id",
    "reporter_id",
    "channel",
    "klasifikasi",
    "title",
    "body",
    "location_kecamatan",
    "location_desa",
    "location_text",
    "incident_date",
    "received_at",
    "anonim",
    "rahasia",
    "category_id",
    "status",
    "opd_id",
    "rule_set_id",
    "intake_office_id",
    "created_by_id",
    "disposed_at",
    "answered_at",
    "closed_at",
    "escalated_at",
    "reopen_count",
    "answer_text",
    "created_at",
    "row_version",
    "due_clock",
    "due_date",
    "due_soon_from",
    "escalation_due",
    "opd_code",  # filled here, so the insert trigger of m0005 has nothing to do
)
_ACTION_COLUMNS = (
    "id",
    "complaint_id",
    "seq",
    "action",
    "from_status",
    "to_status",
    "user_id",
    "role",
    "office_id",
    "opd_id",
    "note",
    "for_reporter",
    "at",
)
_REPORTER_COLUMNS = (
    "id",
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
    "registered_by_id",
    "created_at",
    "row_version",
)
_LETTER_COLUMNS = (
    "id",
    "office_id",
    "year",
    "number",
    "full_number",
    "kind",
    "complaint_id",
    "reserved_by_id",
    "reserved_at",
)
_USER_COLUMNS = (
    "id",
    "username",
    "full_name",
    "nip",
    "role",
    "office_id",
    "password_hash",
    "active",
    "failed_attempts",
    "locked_until",
    "must_change_password",
    "created_at",
)


def _insert_sql(table: str, columns: Sequence[str], rows: int = 1) -> str:
    cols = ", ".join(f'"{c}"' for c in columns)
    one = f"({', '.join('?' for _ in columns)})"
    return f'INSERT INTO "{table}" ({cols}) VALUES {", ".join([one] * rows)}'


_STATEMENT_PARAMS = 16_000  # bound values per statement (SQLite allows 32,766)
_STATEMENT_ROWS = 500


def _insert_rows(
    cursor: Any, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert `rows` with multi-row INSERT statements, a few hundred rows each.

    Cheaper than `executemany` (one statement step per few hundred rows instead of one
    per row), and sqlite3 holds the GIL only while binding: the step that inserts runs
    without it, so the writer thread really overlaps with generation. With executemany it
    gave the GIL up and waited to get it back for every single row.
    """
    per = max(1, min(_STATEMENT_ROWS, _STATEMENT_PARAMS // len(columns)))
    full = len(rows) - len(rows) % per
    if full:
        sql = _insert_sql(table, columns, per)
        for start in range(0, full, per):
            cursor.execute(sql, list(itertools.chain.from_iterable(rows[start : start + per])))
    if rest := rows[full:]:
        sql = _insert_sql(table, columns, len(rest))
        cursor.execute(sql, list(itertools.chain.from_iterable(rest)))


def _rows(sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
    cursor = database_proxy.execute_sql(sql, tuple(params))
    return list(cursor.fetchall())


def _load_refs() -> _Refs:
    offices = [
        _Office(str(i), str(c), str(n), str(k))
        for i, c, n, k in _rows(
            'SELECT id, code, name, kind FROM "office" WHERE active = 1 ORDER BY code'
        )
    ]
    regency = next((o for o in offices if o.kind == "kabupaten"), None)
    opds = [o for o in offices if o.kind == "opd"]
    if regency is None or not opds:
        raise ServiceError(
            "Basis data belum berisi kantor admin kabupaten dan OPD; jalankan 'init' dahulu."
        )
    rule_rows = _rows(
        "SELECT id, effective_from, verification_days, verification_kind, follow_up_days, "
        "follow_up_kind, escalation_days, escalation_kind, reply_days, reply_kind "
        'FROM "rule_set" ORDER BY effective_from'
    )
    if not rule_rows:
        raise ServiceError("Basis data belum berisi aturan tenggat; jalankan 'init' dahulu.")
    rule_sets = []
    for rid, eff, *_ in rule_rows:
        rules = deadlines.rules_of(uuid.UUID(str(rid)))
        effective = eff if isinstance(eff, date) else date.fromisoformat(str(eff)[:10])
        rule_sets.append((effective, str(rid), rules))
    categories = frozenset(str(r[0]) for r in _rows('SELECT code FROM "category" WHERE active = 1'))
    kecamatan = list(reference.kampar_kecamatan())
    return _Refs(
        regency=regency,
        opds=opds,
        opd_by_code={o.code: o for o in opds},
        categories=categories,
        rule_sets=rule_sets,
        kecamatan=kecamatan,
        desa={k.code: reference.kampar_desa(k.code) for k in kecamatan},
    )


def _nip(rng: random.Random, now: datetime) -> str:
    born = date(rng.randint(1966, 1995), rng.randint(1, 12), rng.randint(1, 28))
    tmt = f"{born.year + rng.randint(22, 30)}{rng.randint(1, 12):02d}"
    return f"{born:%Y%m%d}{tmt}{rng.randint(1, 2)}{rng.randint(1, 20):03d}"


def _ensure_staff(refs: _Refs, gen: _Generator) -> _Staff:
    """Demo accounts for every role; existing ones are reused (they must fit their role)."""
    rng = random.Random(f"staff:{gen.rng.random()}")
    wanted: list[tuple[str, Role, _Office, str]] = []
    for i in (1, 2):
        wanted.append((f"loket{i}", Role.FRONT_DESK, refs.regency, f"Petugas Loket {i}"))
    for i in (1, 2):
        wanted.append((f"admin{i}", Role.ADMIN_KABUPATEN, refs.regency, f"Admin Koordinator {i}"))
    auditor_office = refs.opd_by_code.get("INSPEKTORAT", refs.regency)
    wanted.append(("inspektur1", Role.AUDITOR, auditor_office, "Auditor Inspektorat"))
    for o in refs.opds:
        short = o.code.lower()
        wanted.append((f"{short}.admin", Role.OPD_ADMIN, o, f"Admin Penghubung {o.code}"))
        wanted.append((f"{short}.kepala", Role.OPD_HEAD, o, f"Kepala {o.name}"))
    existing = {
        str(u): (str(i), str(r), str(o))
        for i, u, r, o in _rows('SELECT id, username, role, office_id FROM "user"')
    }
    now = gen.now
    pw_hash: str | None = None
    rows: list[tuple[Any, ...]] = []
    staff = _Staff([], [], {}, {}, [], [])
    for username, role, office, full_name in wanted:
        found = existing.get(username)
        if found is not None:
            uid, urole, uoffice = found
            if urole != role.value or uoffice != office.id:
                raise ServiceError(
                    f"Pengguna '{username}' sudah ada dengan peran atau kantor lain; "
                    "data demo tidak dibuat."
                )
        else:
            if pw_hash is None:
                pw_hash = hash_password(DEMO_PASSWORD)  # one hash: argon2 is slow on purpose
            uid = gen.new_id(now)
            nip = "" if role is Role.FRONT_DESK and rng.random() < 0.5 else _nip(rng, now)
            row: tuple[Any, ...] = (uid, username, full_name, nip, role.value, office.id)
            # password_hash, active, failed_attempts, locked_until, must_change, created_at
            rows.append((*row, pw_hash, 1, 0, None, 0, _ts(now)))
            staff.created.append(username)
        person = _Person(uid, office.id, role)
        staff.names.append(username)
        if role is Role.FRONT_DESK:
            staff.desk.append(person)
        elif role is Role.ADMIN_KABUPATEN:
            staff.admin.append(person)
        elif role is Role.OPD_ADMIN:
            staff.opd_admin[office.code] = person
        elif role is Role.OPD_HEAD:
            staff.opd_head[office.code] = person
    if rows:
        _insert_rows(database_proxy.cursor(), "user", _USER_COLUMNS, rows)
    return staff


def _make_reporters(
    gen: _Generator, count: int, registered_by: list[_Person]
) -> list[tuple[Any, ...]]:
    """Reporter rows with valid Kampar NIKs (kecamatan code, birth date +40 for women)."""

    ri, pick, rnd = gen.ri, gen.pick, gen._random
    refs = gen.refs
    taken = {str(r[0]) for r in _rows('SELECT nik FROM "reporter"')}
    today = gen.today
    rows: list[tuple[Any, ...]] = []
    for i in range(count):
        kec = refs.kecamatan[i % len(refs.kecamatan)] if i < 21 else pick(refs.kecamatan)
        female = rnd() < 0.45
        first = pick(_FEMALE if female else _MALE)
        family = pick(_FAMILY)
        if female and family == "Saputra":
            family = "Saputri"
        name = f"{first} {family}".strip()
        if rnd() < 0.25:
            name = f"{first} {pick(_FEMALE if female else _MALE)} {family}".strip()
        while True:
            born = today - timedelta(days=ri(18 * 366, 75 * 365))
            day = born.day + (40 if female else 0)
            serial = ri(1, 9999) if rnd() < 0.2 else ri(1, 400)
            nik = f"{kec.code}{day:02d}{born:%m%y}{serial:04d}"
            if nik not in taken:
                taken.add(nik)
                break
        desas = refs.desa.get(kec.code) or ()
        desa = pick(desas) if desas else None
        place = f"{'Kelurahan' if desa.code[6:7] == '1' else 'Desa'} {desa.name}" if desa else ""
        address = (
            f"{pick(_STREETS)} No. {ri(1, 150)}, RT {ri(1, 9):03d}/"
            f"RW {ri(1, 5):03d}, {place}, Kecamatan {kec.name}"
        )
        phone = f"{pick(_OPERATORS)}{ri(1000000, 99999999)}"
        email = ""
        if rnd() < 0.35:
            email = f"{name.split()[0].lower()}{ri(1, 999)}@gmail.com"
        # Registered over the 400 days before the demo period, in pool order.
        registered = gen.now - timedelta(days=PERIOD_DAYS + 400 - 400 * i / count, hours=3)
        rows.append(
            (
                gen.new_id(registered),
                nik,
                name,
                "P" if female else "L",
                _ds(born),
                address,
                kec.code,
                desa.code if desa else "",
                phone,
                email,
                "ktp_seen" if rnd() < 0.55 else "none",
                pick(registered_by).id,
                _ts(registered.replace(microsecond=0)),
                1,
            )
        )
    return rows


def _check_database() -> int:
    """Refuse a database with real complaints; return how many demo complaints it holds."""
    real = _rows(
        'SELECT COUNT(*) FROM "complaint" WHERE ticket NOT LIKE ?', (f"%-{DEMO_DEVICE}-%",)
    )[0][0]
    if real:
        raise ServiceError(
            f"Basis data ini sudah berisi {real} laporan sungguhan. Data demo hanya dapat "
            "dibuat pada basis data kosong atau yang hanya berisi data demo; gunakan folder "
            "data terpisah (--data-dir) untuk demo."
        )
    return int(_rows('SELECT COUNT(*) FROM "complaint"')[0][0])


def generate(
    ctx: Ctx,
    cases: int,
    seed: int = 1,
    progress: ProgressFn | None = None,
    *,
    process_threshold: int | None = None,
) -> DemoResult:
    """Add `cases` demo complaints (with reporters, histories, letters and demo users).

    Runs in one transaction: on any error nothing is added. See the module docstring for
    what is generated and when a database is refused. `process_threshold`: from how many
    cases the generation runs in a second process (default `PROCESS_THRESHOLD`; tests
    lower it to exercise that path with a small load).
    """
    if not 1 <= cases <= MAX_CASES:
        raise ValidationError(f"Jumlah laporan demo harus 1 sampai {MAX_CASES:,}.", "cases")
    started = time.perf_counter()
    # A big page cache for the load: with SQLite's default (2 MB) the dirty index pages of a
    # large transaction spill and are re-read (and, with SQLCipher, re-encrypted) endlessly.
    # Foreign keys are not checked row by row during the load (every id comes from the
    # database or from this load; tests run PRAGMA foreign_key_check on the result). The
    # pragma only takes effect outside a transaction, so inside a caller's transaction the
    # checks simply stay on.
    cache_size = _rows("PRAGMA cache_size")[0][0]
    foreign_keys = _rows("PRAGMA foreign_keys")[0][0]
    database_proxy.execute_sql(f"PRAGMA cache_size = {_CACHE_KIB}")
    database_proxy.execute_sql("PRAGMA foreign_keys = OFF")
    journal = _rollback_journal() if cases >= BULK_INDEX_THRESHOLD else None
    try:
        threshold = PROCESS_THRESHOLD if process_threshold is None else process_threshold
        return _generate(ctx, cases, seed, progress, started, threshold)
    finally:
        if journal is not None:
            _set_journal_mode(journal)  # if refused, the next open sets WAL (db.database)
        database_proxy.execute_sql(f"PRAGMA foreign_keys = {int(foreign_keys)}")
        database_proxy.execute_sql(f"PRAGMA cache_size = {int(cache_size)}")


def _set_journal_mode(mode: str) -> bool:
    try:
        return str(_rows(f"PRAGMA journal_mode = {mode}")[0][0]).lower() == mode.lower()
    except OperationalError:  # another connection is open, or we are inside a transaction
        return False


def _rollback_journal() -> str | None:
    """Switch a big load from WAL to a rollback journal; returns the mode to restore.

    In WAL mode every page of the load is written twice: into the WAL, then by the
    checkpoint into the database (8.6 s of a 100k-case load). With a rollback journal the
    pages the load appends past the end of the file are written once, and only the few
    existing pages it changes are copied to the journal first: just as safe (a crash rolls
    back from the journal). Only possible while no other connection has the file open; if
    the switch is refused the load simply runs in WAL mode.
    """
    if database_proxy.in_transaction():
        return None
    mode = str(_rows("PRAGMA journal_mode")[0][0]).lower()
    if mode != "wal":
        return None
    # Asked once, without waiting: an open connection elsewhere would otherwise hold the
    # load up for the whole busy timeout before it runs in WAL mode anyway.
    timeout = _rows("PRAGMA busy_timeout")[0][0]
    database_proxy.execute_sql("PRAGMA busy_timeout = 0")
    try:
        switched = _set_journal_mode("delete")
    finally:
        database_proxy.execute_sql(f"PRAGMA busy_timeout = {int(timeout)}")
    return mode if switched else None


BULK_INDEX_THRESHOLD = 10_000
# Only the history's: 8 actions per case make its indexes cheaper to build once, sorted,
# than to keep up row by row. The cases' ones are kept up during the load — rebuilding
# each of them scanned the whole (wide, encrypted) table again, ~0.5 s apiece at 100k.
_BULK_TABLES = ("case_action",)


def _secondary_indexes() -> list[tuple[str, str]]:
    """Explicit, non-unique indexes of the bulk-loaded tables (name, CREATE statement)."""
    rows = _rows(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' for _ in _BULK_TABLES)})",
        _BULK_TABLES,
    )
    return [(str(n), str(q)) for n, q in rows if "UNIQUE" not in str(q).upper()]


def _generate(
    ctx: Ctx,
    cases: int,
    seed: int,
    progress: ProgressFn | None,
    started: float,
    process_threshold: int,
) -> DemoResult:
    with database_proxy.atomic("IMMEDIATE"):
        _check_database()
        refs = _load_refs()
        device = _rows('SELECT value FROM "setting" WHERE key = ?', ("device_code",))
        first_num = int(_rows('SELECT COALESCE(MAX(num), 0) FROM "complaint"')[0][0]) + 1
        id_seed = f"{seed}:{device[0][0] if device else ''}:{first_num}"
        gen = _Generator(ctx, refs, _Staff([], [], {}, {}, [], []), seed, id_seed)
        staff = gen.staff = _ensure_staff(refs, gen)
        reporter_rows = _make_reporters(gen, max(30, min(cases // 3, 60_000)), staff.desk)
        _insert_rows(database_proxy.cursor(), "reporter", _REPORTER_COLUMNS, reporter_rows)
        reporter_ids = [r[0] for r in reporter_rows]
        plans = gen.plans(cases)

        saved = {
            str(name): str(sql)
            for name, sql in _rows(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                f"({', '.join('?' for _ in FTS_TRIGGERS)})",
                [name for name, _ in FTS_TRIGGERS],
            )
        }
        for name, _sql in FTS_TRIGGERS:
            database_proxy.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"')

        last_seq = {
            str(prefix): int(str(top).rsplit("-", 1)[1])
            for prefix, top in _rows(
                'SELECT substr(ticket, 1, 10), MAX(ticket) FROM "complaint" GROUP BY 1'
            )
        }
        # A big load builds the history's secondary indexes once, sorted, afterwards (the
        # load is one transaction, so a failure leaves the old indexes in place).
        indexes = _secondary_indexes() if cases >= BULK_INDEX_THRESHOLD else []
        for name, _sql in indexes:
            database_proxy.execute_sql(f'DROP INDEX "{name}"')
        work = _Work(
            gen,
            plans,
            reporter_ids,
            first_num,
            last_seq,
            [sql for _name, sql in indexes],
            _last_letter_numbers(),  # read now: the writer will own the connection
        )
        if cases >= process_threshold:
            result, letters = _produce_in_process(work, progress)
        else:
            writer = _Writer()
            try:
                result, letters = _produce(work, progress, writer)
            finally:
                writer.close()
        for name, sql in FTS_TRIGGERS:
            database_proxy.execute_sql(saved.get(name, sql))
        if indexes:
            # Fresh statistics for the rebuilt indexes (sampled: ~2 s for 100k cases); with
            # those of the empty database the planner misses the covering count indexes.
            database_proxy.execute_sql("PRAGMA analysis_limit = 1000")
            database_proxy.execute_sql("ANALYZE")
            database_proxy.execute_sql("PRAGMA analysis_limit = 0")
        audit(
            ctx,
            "data_demo",
            "complaint",
            "",
            f"{cases} laporan demo (seed {seed}), {len(reporter_rows)} pelapor, "
            f"{len(staff.created)} pengguna demo",
        )
    by_status, actions, overdue, escalated, first_ticket, last_ticket = result
    return DemoResult(
        cases=cases,
        reporters=len(reporter_rows),
        actions=actions,
        letters=letters,
        by_status=by_status,
        overdue=overdue,
        escalated=escalated,
        first_ticket=first_ticket,
        last_ticket=last_ticket,
        users_created=tuple(staff.created),
        demo_users=tuple(staff.names),
        password=DEMO_PASSWORD,
        seconds=time.perf_counter() - started,
    )


_CaseTotals = tuple[dict[str, int], int, int, int, str, str]


class _Sink(Protocol):
    """Where the load's statements go, in order: the writer thread, or the pipe from the
    generating process to the one that writes."""

    def put(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None: ...

    def execute(self, sql: str, params: tuple[Any, ...]) -> None: ...


@dataclass
class _Work:
    """Everything the generation of the cases needs once the database was read: picklable,
    so that a second process can do it."""

    gen: _Generator
    plans: list[_Plan]
    reporter_ids: list[str]
    first_num: int
    last_seq: dict[str, int]
    index_sql: list[str]  # the history's secondary indexes, built after its rows
    letter_numbers: dict[tuple[str, int], int]  # the last answer-letter numbers used


def _produce(work: _Work, progress: ProgressFn | None, sink: _Sink) -> tuple[_CaseTotals, int]:
    """The cases, their histories, index builds and letters, as statements for `sink`."""
    totals = _generate_cases(
        work.gen, work.plans, work.reporter_ids, work.first_num, work.last_seq, progress, sink
    )
    # The index builds run on the writer (without the GIL) while the letters are numbered.
    for sql in work.index_sql:
        sink.execute(sql, ())
    return totals, _insert_letters(work.gen, sink, work.letter_numbers)


# Loads this big are generated in a second process while this one writes: the Python that
# makes the texts and histories (~28 s of CPU per 100k cases) and SQLite (~20 s) then run on
# two cores instead of sharing one GIL. Smaller loads do not repay the process start.
PROCESS_THRESHOLD = 20_000


def _produce_in_process(work: _Work, progress: ProgressFn | None) -> tuple[_CaseTotals, int]:
    """`_produce` in a spawned process (spawn, not fork: the caller may have threads, a
    GUI among them; a frozen build re-enters through multiprocessing.freeze_support in
    __main__); its statements are executed here, on the caller's connection and inside
    its transaction. A failure on either side stops both and raises here."""
    mp = multiprocessing.get_context("spawn")
    pipe: Any = mp.Queue(maxsize=4)  # a few batches in flight: bounded memory
    child = mp.Process(
        target=_produce_in_child, args=(pipe, work), name="lapor-demo-generator", daemon=True
    )
    child.start()
    cursor = database_proxy.cursor()
    finished = False
    try:
        while True:
            try:
                message = pipe.get(timeout=0.5)
            except queue.Empty:
                if not child.is_alive():
                    raise RuntimeError(
                        f"demo generator process ended without a result (exit {child.exitcode})"
                    ) from None
                continue
            kind = message[0]
            if kind == "rows":
                _insert_rows(cursor, message[1], message[2], message[3])
            elif kind == "sql":
                cursor.execute(message[1], message[2])
            elif kind == "progress":
                if progress is not None:
                    progress(message[1], message[2])
            elif kind == "done":
                finished = True
                return message[1], message[2]
            else:
                raise RuntimeError(f"demo generator process failed:\n{message[1]}")
    finally:
        cursor.close()
        if not finished:
            child.terminate()
        child.join()
        pipe.close()


class _PipeSink:
    def __init__(self, pipe: Any) -> None:
        self._pipe = pipe

    def put(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        self._pipe.put(("rows", table, tuple(columns), rows))

    def execute(self, sql: str, params: tuple[Any, ...]) -> None:
        self._pipe.put(("sql", sql, params))


def _end_with_parent() -> None:
    """End this (generating) process as soon as the process that started it is gone.

    A parent killed outright (SIGKILL, a crash, Task Manager) runs no cleanup, so the
    `daemon` flag never fires; without this the generator would run on, then block on a
    full queue forever. multiprocessing gives a spawned child a sentinel of its parent (a
    pipe end that reaches EOF on POSIX, the process handle on Windows): a daemon thread
    waits on it and exits the process. Where there is no sentinel, poll the parent's pid."""
    parent = multiprocessing.parent_process()
    ppid = os.getppid()

    def watch() -> None:
        if parent is not None:
            parent.join()  # returns when the parent process has ended
        else:
            while os.getppid() == ppid:
                time.sleep(0.5)
        os._exit(3)

    threading.Thread(target=watch, name="demo-parent-watch", daemon=True).start()


def _produce_in_child(pipe: Any, work: _Work) -> None:
    """The generating process: statements, progress and the totals go through `pipe`."""
    _end_with_parent()
    try:
        deadlines.use_calendar(work.gen.cal)  # this process has no database to read it from
        totals, letters = _produce(
            work, lambda done, total: pipe.put(("progress", done, total)), _PipeSink(pipe)
        )
        pipe.put(("done", totals, letters))
    except BaseException:
        pipe.put(("error", traceback.format_exc()))


def _generate_cases(
    gen: _Generator,
    plans: list[_Plan],
    reporter_ids: list[str],
    first_num: int,
    last_seq: dict[str, int],
    progress: ProgressFn | None,
    writer: _Sink,
) -> _CaseTotals:
    ri, pick, rnd = gen.ri, gen.pick, gen._random
    refs = gen.refs
    by_status: dict[str, int] = {}
    n_actions = overdue = escalated = 0
    pool = len(reporter_ids)
    total = len(plans)
    first_ticket = last_ticket = ""
    for start in range(0, total, _BATCH):
        complaint_rows: list[tuple[Any, ...]] = []
        action_rows: list[tuple[Any, ...]] = []
        for i, plan in enumerate(plans[start : start + _BATCH], start):
            tpl = TEMPLATES[plan.template]
            slots = gen.slots(plan)
            channel = plan.channel
            c = _Case(plan, gen.new_id(plan.received), plan.received)
            gen.simulate(c, tpl, slots, channel)
            prefix = f"{plan.received:%y%m}-{DEMO_DEVICE}-"
            seq = last_seq.get(prefix, 0) + 1
            last_seq[prefix] = seq
            ticket = f"{prefix}{seq:05d}"
            first_ticket = first_ticket or ticket
            last_ticket = ticket
            title, core = gen.pick(tpl.pairs)
            title = title.format_map(slots)
            body = (gen.pick(_OPENINGS) + core + " " + pick(_EXTRAS) + pick(_CLOSINGS)).format_map(
                slots
            )
            location = f"{slots['jalan']}, {slots['desa']}, Kecamatan {slots['kec']}"
            if rnd() < 0.3:
                location = f"Dekat {slots['landmark']}, {location}"
            anonim = rnd() < tpl.anonim
            rahasia = rnd() < tpl.rahasia
            incident = None
            if rnd() < 0.6:
                incident = plan.received.date() - timedelta(days=ri(0, 30))
            # A few frequent reporters, many who complain once.
            reporter = reporter_ids[min(pool - 1, int(pool * rnd() ** 1.6))]
            category = c.category
            if category is None and rnd() < 0.3 and tpl.category in refs.categories:
                category = tpl.category  # the front desk already picked it at intake
            due_clock, due, soon, esc_due, late = gen.due_columns(c)
            intake_user = c.acts[0][6]
            kec_code = refs.kecamatan[plan.kec].code
            complaint_rows.append(
                (
                    c.cid,
                    first_num + i,
                    ticket,
                    str(ri(2_000_000, 9_999_999)) if channel == "lapor" else "",
                    reporter,
                    channel,
                    tpl.klasifikasi,
                    title,
                    body,
                    kec_code,
                    slots["desa_code"],
                    location,
                    _ds(incident),
                    _ts(plan.received),
                    int(anonim),
                    int(rahasia),
                    category,
                    c.status.value,
                    c.opd.id if c.opd else None,
                    gen.rule_id_for(plan.received),
                    refs.regency.id,
                    intake_user,
                    _ts(c.disposed_at),
                    _ts(c.answered_at),
                    _ts(c.closed_at),
                    _ts(c.escalated_at),
                    c.reopen,
                    c.answer,
                    _ts(plan.received),
                    len(c.acts),  # 1 at intake, +1 per later action (casework._transition)
                    due_clock,
                    _ds(due),
                    _ds(soon),
                    _ds(esc_due),
                    c.opd.code if c.opd else None,
                )
            )
            action_rows.extend(c.acts)
            by_status[c.status.value] = by_status.get(c.status.value, 0) + 1
            overdue += late
            escalated += c.escalated_at is not None
        writer.put("complaint", _COMPLAINT_COLUMNS, complaint_rows)
        writer.put("case_action", _ACTION_COLUMNS, action_rows)
        # The batch's full-text entries, by the writer too (its triggers are off for the
        # load): one statement, so it runs without the GIL while the next batch is made.
        writer.execute(_FTS_FILL, (first_num + start, first_num + start + len(complaint_rows)))
        n_actions += len(action_rows)
        if progress is not None:
            progress(min(start + _BATCH, total), total)
    return by_status, n_actions, overdue, escalated, first_ticket, last_ticket


_FTS_FILL = (
    "INSERT INTO complaint_fts(rowid, title, body, location, ticket, tracking_id) "
    "SELECT num, title, body, location_text, ticket, tracking_id FROM complaint "
    "WHERE num >= ? AND num < ?"
)


class _Writer:
    """Runs the load's statements (batch inserts, FTS fills, index builds) on a second
    thread, in order, while this one generates the next batch.

    sqlite3 releases the GIL while SQLite works, so inserting (B-trees, SQLCipher page
    encryption) overlaps with generating in Python (see `_insert_rows`). The thread uses
    the caller's own connection, inside the caller's transaction; nothing else touches the
    connection until `close()` has joined the thread.
    """

    def __init__(self) -> None:
        self._conn = database_proxy.connection()
        self._queue: queue.Queue[Callable[[Any], object] | None] = queue.Queue(3)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="demo-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        cursor = self._conn.cursor()
        while (item := self._queue.get()) is not None:
            if self._error is None:
                try:
                    item(cursor)
                except BaseException as exc:  # handed to the caller's thread
                    self._error = exc
        cursor.close()

    def put(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(lambda cursor: _insert_rows(cursor, table, columns, rows))

    def execute(self, sql: str, params: tuple[Any, ...]) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(lambda cursor: cursor.execute(sql, params))

    def close(self) -> None:
        """Wait for every queued insert; re-raise the first failure."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error


def _last_letter_numbers() -> dict[tuple[str, int], int]:
    return {
        (str(o), int(y)): int(n)
        for o, y, n in _rows('SELECT office_id, year, MAX(number) FROM "letter" GROUP BY 1, 2')
    }


def _insert_letters(gen: _Generator, writer: _Sink, last: dict[tuple[str, int], int]) -> int:
    """Answer letters of every approval: gapless per office and year, in approval order.

    `last`: the numbers already used, read before the writer started (this thread does
    not touch the connection while the writer works).
    """
    codes = {o.id: o.code for o in gen.refs.opds}
    rows: list[tuple[Any, ...]] = []
    for office_id, at, case_id, user_id in sorted(gen.letters, key=lambda x: (x[1], x[2])):
        key = (office_id, at.year)
        number = last.get(key, 0) + 1
        last[key] = number
        full = letters_register.format_number("answer", number, codes[office_id], at.year)
        rows.append(
            (gen.new_id(at), office_id, at.year, number, full, "answer", case_id, user_id, _ts(at))
        )
    writer.put("letter", _LETTER_COLUMNS, rows)
    return len(rows)
