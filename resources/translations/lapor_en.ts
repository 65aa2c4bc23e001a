<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../lapor_desktop/gui/action_dialog.py" line="86"/>
        <source>— pilih kategori —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/action_dialog.py" line="93"/>
        <source>Kategori:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/action_dialog.py" line="101"/>
        <source>Klasifikasi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/action_dialog.py" line="109"/>
        <source>OPD yang disarankan (opsional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/action_dialog.py" line="111"/>
        <source>OPD tujuan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/action_dialog.py" line="115"/>
        <source>Jawaban untuk pelapor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/action_dialog.py" line="117"/>
        <source>Catatan/alasan (wajib):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/action_dialog.py" line="119"/>
        <source>Catatan (opsional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/action_dialog.py" line="129"/>
        <source>Dapat disampaikan kepada pelapor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/action_dialog.py" line="130"/>
        <source>Untuk pelapor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/action_dialog.py" line="144"/>
        <source>Bagian ini wajib diisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/action_dialog.py" line="148"/>
        <source>Kategori wajib dipilih.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/action_dialog.py" line="152"/>
        <source>OPD tujuan wajib dipilih.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="93"/>
        <source>Cari nomor tiket, judul, isi, lokasi… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="95"/>
        <source>Cari laporan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="100"/>
        <source>Atur ulang filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="105"/>
        <source>Semua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="107"/>
        <location filename="../../lapor_desktop/gui/case_list.py" line="143"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="111"/>
        <location filename="../../lapor_desktop/gui/case_list.py" line="144"/>
        <source>OPD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="114"/>
        <location filename="../../lapor_desktop/gui/case_list.py" line="145"/>
        <source>Kategori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="118"/>
        <location filename="../../lapor_desktop/gui/case_list.py" line="146"/>
        <source>Klasifikasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="121"/>
        <location filename="../../lapor_desktop/gui/case_list.py" line="147"/>
        <source>Saluran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="124"/>
        <source>Status tenggat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="125"/>
        <source>Perlu perhatian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="137"/>
        <source>Eskalasi Ombudsman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="138"/>
        <source>Ya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="138"/>
        <source>Tidak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="140"/>
        <source>Diterima dari tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="141"/>
        <source>Diterima sampai tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="148"/>
        <source>Tenggat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="149"/>
        <source>Eskalasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="150"/>
        <source>Dari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="151"/>
        <source>Sampai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="167"/>
        <source>Daftar laporan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="203"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_list.py" line="233"/>
        <source>{0} laporan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../lapor_desktop/gui/case_model.py" line="56"/>
        <source>Nomor tiket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_model.py" line="57"/>
        <source>Diterima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_model.py" line="58"/>
        <source>Judul</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_model.py" line="59"/>
        <source>Pelapor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_model.py" line="60"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_model.py" line="61"/>
        <source>OPD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_model.py" line="62"/>
        <source>Tenggat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_model.py" line="63"/>
        <source>Status tenggat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_model.py" line="167"/>
        <source> · Ombudsman</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseViewPage</name>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="69"/>
        <source>← Kembali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="89"/>
        <source>Laporan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="92"/>
        <source>Pelapor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="95"/>
        <source>Tenggat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="102"/>
        <location filename="../../lapor_desktop/gui/case_view.py" line="103"/>
        <source>Isi laporan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="105"/>
        <location filename="../../lapor_desktop/gui/case_view.py" line="106"/>
        <source>Jawaban</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="114"/>
        <source>Lampiran (klik dua kali untuk membuka)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="117"/>
        <source>Lampiran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="123"/>
        <location filename="../../lapor_desktop/gui/case_view.py" line="138"/>
        <source>Riwayat tindakan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="127"/>
        <source>Waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="128"/>
        <source>Tindakan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="129"/>
        <source>Oleh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="130"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="131"/>
        <source>Catatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="178"/>
        <source> · dieskalasi ke Ombudsman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="180"/>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="181"/>
        <source>Diterima:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="182"/>
        <source>Saluran:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="183"/>
        <source>Klasifikasi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="184"/>
        <source>Kategori:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="184"/>
        <location filename="../../lapor_desktop/gui/case_view.py" line="185"/>
        <location filename="../../lapor_desktop/gui/case_view.py" line="186"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="185"/>
        <source>OPD:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="186"/>
        <source>Lokasi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="189"/>
        <source>Tracking LAPOR!:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="191"/>
        <source>Anonim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="191"/>
        <source>Rahasia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="194"/>
        <source>Sifat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="196"/>
        <source>Dibuka kembali:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="196"/>
        <source>{0} kali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="204"/>
        <source>Nama:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="208"/>
        <source>NIK:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="210"/>
        <source>Tampilkan NIK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="212"/>
        <source>Setiap penampilan NIK dicatat di log audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="217"/>
        <source>Alamat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="218"/>
        <source>Telepon:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="219"/>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/case_view.py" line="246"/>
        <source>belum berjalan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../lapor_desktop/gui/sign_in.py" line="84"/>
        <source>Ganti kata sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/sign_in.py" line="88"/>
        <source>Kata sandi Anda telah diatur ulang. Buat kata sandi baru untuk lanjut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/sign_in.py" line="101"/>
        <source>Kata sandi lama:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/sign_in.py" line="102"/>
        <source>Kata sandi baru:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/sign_in.py" line="103"/>
        <source>Ulangi kata sandi baru:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/sign_in.py" line="116"/>
        <source>Kedua kata sandi baru tidak sama.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../lapor_desktop/gui/dashboard.py" line="94"/>
        <source>{0} — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/dashboard.py" line="98"/>
        <source>Semua laporan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/dashboard.py" line="99"/>
        <source>Masuk bulan ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/dashboard.py" line="100"/>
        <source>Masih terbuka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/dashboard.py" line="101"/>
        <source>Terlambat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/dashboard.py" line="102"/>
        <source>Dieskalasi ke Ombudsman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/dashboard.py" line="113"/>
        <source>Laporan menurut status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/dashboard.py" line="119"/>
        <source>Laporan terlambat menurut OPD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/dashboard.py" line="121"/>
        <source>Tidak ada laporan terlambat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/dashboard.py" line="139"/>
        <source>Beranda — {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuePage</name>
    <message>
        <location filename="../../lapor_desktop/gui/due_page.py" line="69"/>
        <source>Muat ulang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/due_page.py" line="76"/>
        <source>Daftar jatuh tempo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/due_page.py" line="98"/>
        <source>Tidak ada laporan yang mendekati atau melewati tenggat.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../lapor_desktop/gui/first_run.py" line="85"/>
        <source>Penyiapan awal LAPOR Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/first_run.py" line="90"/>
        <source>Belum ada basis data di folder berikut. Aplikasi akan membuat basis data terenkripsi beserta data referensi (OPD, kategori, aturan tenggat), lalu akun administrator sistem pertama.

{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/first_run.py" line="102"/>
        <source>Nama pengguna admin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/first_run.py" line="103"/>
        <source>Administrator Sistem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/first_run.py" line="104"/>
        <source>Nama lengkap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/first_run.py" line="107"/>
        <source>Kata sandi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/first_run.py" line="110"/>
        <source>Ulangi kata sandi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/first_run.py" line="111"/>
        <source>Isi dengan data contoh (untuk pelatihan/demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/first_run.py" line="112"/>
        <source>Data contoh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/first_run.py" line="116"/>
        <source>Jumlah laporan contoh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/first_run.py" line="119"/>
        <source>Jumlah laporan contoh:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/first_run.py" line="127"/>
        <source>Buat basis data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/first_run.py" line="137"/>
        <source>Kedua kata sandi tidak sama.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/first_run.py" line="141"/>
        <source>Kata sandi minimal {0} karakter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/first_run.py" line="151"/>
        <source>Membuat basis data…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="79"/>
        <source>1. Pelapor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="83"/>
        <source>16 digit NIK dari KTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="84"/>
        <source>NIK:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="90"/>
        <source>Nama lengkap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="92"/>
        <source>Telepon:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="94"/>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="96"/>
        <source>Alamat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="98"/>
        <source>Kecamatan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="100"/>
        <source>Desa/kelurahan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="104"/>
        <source>KTP asli sudah dilihat petugas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="105"/>
        <source>KTP dilihat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="110"/>
        <source>2. Laporan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="115"/>
        <source>Saluran:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="119"/>
        <source>Klasifikasi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="122"/>
        <source>Judul laporan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="125"/>
        <source>Isi laporan (Ctrl+Enter untuk menyimpan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="127"/>
        <source>Isi laporan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="130"/>
        <source>Lokasi — kecamatan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="133"/>
        <source>Lokasi — desa/kelurahan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="138"/>
        <source>Lokasi — keterangan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="143"/>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="240"/>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="247"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="146"/>
        <source>Tanggal kejadian:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="148"/>
        <source>Anonim (identitas disembunyikan dari OPD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="149"/>
        <source>Anonim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="151"/>
        <source>Rahasia (isi tidak dipublikasikan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="152"/>
        <source>Rahasia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="156"/>
        <source>Nomor tracking LAPOR!:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="161"/>
        <source>Lampiran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="163"/>
        <source>Tambah lampiran…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="166"/>
        <source>Lampiran:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="173"/>
        <source>Nomor tiket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="176"/>
        <source>Simpan (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="178"/>
        <source>Laporan baru (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="179"/>
        <source>Buka laporan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="272"/>
        <source>Pilih lampiran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="292"/>
        <source>NIK hanya berisi angka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="295"/>
        <source>{0} dari 16 digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="315"/>
        <source>Pelapor terdaftar: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="317"/>
        <source>perempuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="317"/>
        <source>laki-laki</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="318"/>
        <source>NIK belum terdaftar — isi data pelapor. Lahir {0}, {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="350"/>
        <source>NIK wajib diisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="372"/>
        <source>Tersimpan. Nomor tiket: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/intake_page.py" line="374"/>
        <source>Lampiran ditolak: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../lapor_desktop/gui/main_window.py" line="59"/>
        <source>LAPOR Desktop — Kabupaten Kampar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/main_window.py" line="70"/>
        <source>Navigasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/main_window.py" line="96"/>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/main_window.py" line="99"/>
        <source>Basis data: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/main_window.py" line="101"/>
        <source>Sinkronisasi: belum dikonfigurasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/main_window.py" line="105"/>
        <source>Sedang bekerja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/main_window.py" line="113"/>
        <source>&amp;Berkas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/main_window.py" line="114"/>
        <source>Ganti kata sandi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/main_window.py" line="117"/>
        <source>Muat ulang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/main_window.py" line="121"/>
        <source>Keluar dari akun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/main_window.py" line="124"/>
        <source>Tutup aplikasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/main_window.py" line="129"/>
        <source>Laporan baru</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficePicker</name>
    <message>
        <location filename="../../lapor_desktop/gui/action_dialog.py" line="39"/>
        <source>Ketik kode atau nama OPD…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <location filename="../../lapor_desktop/gui/ops.py" line="141"/>
        <source>Terjadi kesalahan tak terduga: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../lapor_desktop/gui/passphrase_dialog.py" line="23"/>
        <source>Frasa sandi basis data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/passphrase_dialog.py" line="27"/>
        <source>Penyimpanan kunci sistem operasi (keyring) tidak tersedia. Buat frasa sandi untuk mengenkripsi basis data, dan simpan baik-baik: tanpa frasa sandi ini data tidak dapat dibuka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/passphrase_dialog.py" line="32"/>
        <source>Masukkan frasa sandi basis data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/passphrase_dialog.py" line="42"/>
        <source>Frasa sandi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/passphrase_dialog.py" line="46"/>
        <source>Ulangi frasa sandi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/passphrase_dialog.py" line="63"/>
        <source>Frasa sandi minimal {0} karakter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/passphrase_dialog.py" line="67"/>
        <source>Kedua frasa sandi tidak sama.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/passphrase_dialog.py" line="70"/>
        <source>Frasa sandi wajib diisi.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="43"/>
        <source>Ya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="43"/>
        <source>Tidak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="49"/>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="85"/>
        <source>Kode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="50"/>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="86"/>
        <source>Nama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="51"/>
        <source>Jenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="52"/>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="71"/>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="87"/>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="102"/>
        <source>Aktif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="56"/>
        <source>Daftar kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="59"/>
        <source>Simpan kantor/OPD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="64"/>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="99"/>
        <source>Kode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="66"/>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="101"/>
        <source>Nama:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="68"/>
        <source>OPD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="69"/>
        <source>Admin kabupaten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="70"/>
        <source>Jenis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="75"/>
        <source>Simpan kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="91"/>
        <source>Daftar kategori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="94"/>
        <location filename="../../lapor_desktop/gui/admin_reference.py" line="106"/>
        <source>Simpan kategori</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderWatch</name>
    <message>
        <location filename="../../lapor_desktop/gui/reminder_watch.py" line="53"/>
        <source>LAPOR Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/reminder_watch.py" line="85"/>
        <source>… dan {0} lainnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/reminder_watch.py" line="86"/>
        <source>{0} laporan perlu perhatian</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="72"/>
        <source>Nama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="73"/>
        <source>Berlaku mulai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="74"/>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="99"/>
        <source>Verifikasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="75"/>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="100"/>
        <source>Tindak lanjut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="76"/>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="101"/>
        <source>Eskalasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="77"/>
        <source>Tanggapan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="83"/>
        <source>Aturan tenggat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="87"/>
        <source>Aturan tenggat baru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="92"/>
        <source>Nama/dasar:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="97"/>
        <source>Berlaku mulai:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="102"/>
        <source>Masa tanggapan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="103"/>
        <source>Verifikasi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="104"/>
        <source>Tindak lanjut:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="105"/>
        <source>Eskalasi Ombudsman:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="106"/>
        <source>Masa tanggapan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="108"/>
        <source>Tambah aturan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="117"/>
        <source>Tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="119"/>
        <source>Jenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="120"/>
        <source>Libur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="120"/>
        <source>Masuk kerja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="122"/>
        <source>Dasar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="128"/>
        <source>Pengecualian hari libur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="135"/>
        <source>Pengecualian hari libur (lokal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="142"/>
        <source>Tanggal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="144"/>
        <source>Tambah hari libur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="145"/>
        <source>Batalkan hari libur (masuk kerja)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="146"/>
        <source>Jenis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="149"/>
        <source>Dasar (nomor keputusan):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="153"/>
        <source>Simpan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="155"/>
        <source>Hapus yang dipilih</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="206"/>
        <source>Pilih tanggal yang akan dihapus.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../lapor_desktop/gui/sign_in.py" line="27"/>
        <source>Masuk — LAPOR Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/sign_in.py" line="30"/>
        <source>&lt;b&gt;LAPOR Desktop&lt;/b&gt;&lt;br&gt;Pengelolaan Pengaduan Kabupaten Kampar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/sign_in.py" line="37"/>
        <source>Nama pengguna:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/sign_in.py" line="40"/>
        <source>Kata sandi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/sign_in.py" line="45"/>
        <source>Masuk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/sign_in.py" line="55"/>
        <source>Isi nama pengguna dan kata sandi.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="35"/>
        <source>Nama pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="36"/>
        <source>Nama lengkap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="37"/>
        <source>Peran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="38"/>
        <source>Kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="40"/>
        <source>Keadaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="41"/>
        <source>Aktif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="41"/>
        <source>Nonaktif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="49"/>
        <source>Daftar pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="56"/>
        <source>Nonaktifkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="57"/>
        <source>Aktifkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="59"/>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="60"/>
        <source>Kata sandi sementara</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="61"/>
        <source>Atur ulang kata sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="70"/>
        <source>Tambah pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="75"/>
        <source>Nama pengguna:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="77"/>
        <source>Nama lengkap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="79"/>
        <source>NIP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="83"/>
        <source>Peran:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="87"/>
        <source>Kantor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="90"/>
        <source>Kata sandi awal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="92"/>
        <source>Tambah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="114"/>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="126"/>
        <source>Pilih pengguna dahulu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_users.py" line="136"/>
        <source>Kata sandi {0} diatur ulang; wajib diganti saat masuk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_LimitEdit</name>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="46"/>
        <source>hari kerja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/admin_rules.py" line="47"/>
        <source>hari kalender</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../lapor_desktop/gui/messages.py" line="9"/>
        <source>LAPOR Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/messages.py" line="26"/>
        <source>Ya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/messages.py" line="27"/>
        <source>Tidak</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>navigation</name>
    <message>
        <location filename="../../lapor_desktop/gui/navigation.py" line="45"/>
        <source>Beranda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/navigation.py" line="46"/>
        <source>Loket pengaduan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/navigation.py" line="47"/>
        <source>Perlu verifikasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/navigation.py" line="48"/>
        <source>Persetujuan jawaban</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/navigation.py" line="49"/>
        <source>Jatuh tempo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/navigation.py" line="50"/>
        <source>Semua laporan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/navigation.py" line="51"/>
        <source>Pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/navigation.py" line="52"/>
        <source>OPD &amp; kategori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lapor_desktop/gui/navigation.py" line="53"/>
        <source>Aturan tenggat &amp; hari libur</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
