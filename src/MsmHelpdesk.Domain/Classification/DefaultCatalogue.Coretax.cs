namespace MsmHelpdesk.Domain.Classification;

/// <summary>
/// The codes and messages of DOMAIN-2026 §2 with their system, validity and source, and the provenance of the
/// entries the catalogue already had. Kept apart from the classifier's recognition work in DefaultCatalogue.cs.
/// </summary>
public static partial class DefaultCatalogue
{
    private static readonly DateOnly CoretaxLive = new(2025, 1, 1);
    private static readonly DateOnly DesktopLimited = new(2025, 2, 13);
    private static readonly DateOnly ReplacementRefused = new(2025, 11, 8);

    private static readonly CatalogueSource Peng13 = new("PENG-13/PJ.09/2025", new(2025, 2, 13),
        "https://news.ddtc.co.id/berita/nasional/1808828/e-faktur-cuma-untuk-buat-dan-ganti-fp-lapor-spt-masa-tetap-coretax");
    private static readonly CatalogueSource DesktopReplacementAnnouncement = new("Pengumuman DJP 8 Nov 2025 (dikutip Ortax)", new(2025, 11, 8),
        "https://ortax.org/ingat-penggantian-dan-pembatalan-faktur-pajak-tak-bisa-lagi-lewat-aplikasi-desktop");
    private static readonly CatalogueSource Per04 = new("PER-04/PJ/2020", null,
        "https://news.ddtc.co.id/berita/nasional/1808873/buat-faktur-pakai-e-faktur-pkp-perlu-pakai-sertel-per-04pj2020");
    private static readonly CatalogueSource Per07 = new("PER-7/PJ/2025", null,
        "https://news.ddtc.co.id/berita/nasional/1812592/ingat-sertifikat-elektronik-coretax-ada-masa-kedaluwarsa");
    private static readonly CatalogueSource Per11 = new("PER-11/PJ/2025", new(2025, 5, 22), "https://mul-co.com/?p=933");

    private static readonly Playbook CoretaxReplacement = new(Cause.RuleChange,
    [
        "Jangan upload ulang faktur pengganti dari e-Faktur desktop: sejak 8 November 2025 ditolak (ETAX-API-10056).",
        "Buat penggantian di Coretax: e-Faktur > Pajak Keluaran, pilih faktur asal, klik Amend (ubah), perbaiki datanya.",
        "Tandatangani dengan Kode Otorisasi atau sertifikat elektronik penandatangan, lalu pastikan statusnya Approved.",
        "Jika pengganti sudah dibuat di desktop, periksa di Coretax: faktur asal masih Approved; ganti atau batalkan di Coretax saja.",
        "Minta lawan transaksi mengonfirmasi bila statusnya Waiting For Amendment / Waiting For Cancelation.",
    ]);

    private static readonly Playbook CoretaxCancellation = new(Cause.RuleChange,
    [
        "Pembatalan dan retur hanya lewat Coretax (sejak 13 Februari 2025); jangan batalkan di e-Faktur desktop.",
        "Di Coretax: e-Faktur > Pajak Keluaran, pilih faktur, batalkan atau ganti, lalu tandatangani.",
        "Minta lawan transaksi mengonfirmasi (Waiting For Cancelation / Waiting For Amendment).",
    ]);

    private static readonly Playbook XmlValidation = new(Cause.DataValidation,
    [
        "Buat XML dengan converter DJP (Excel ke XML) versi terbaru; jangan menyunting XML dengan tangan.",
        "Nomor baris pada pesan error adalah baris XML, bukan baris Excel: buka XML di Notepad++ dan Ctrl+G ke baris itu.",
        "Periksa NITKU pembeli (22 digit) dan NPWP16, tanggal berformat YYYY-MM-DD, baris kosong dan karakter tersembunyi di Excel sumber.",
        "Maksimal 1.000 faktur per file XML; pecah file yang lebih besar.",
        "Impor ulang XML dan pantau Monitoring XML sampai semua baris valid.",
    ]);

    private static readonly Playbook ReturnXml = new(Cause.RuleChange,
    [
        "Retur PPN masukan ini tidak bisa direkam manual: pakai template Excel retur dari DJP.",
        "Konversi dengan converter (v1.5 atau lebih baru) lalu impor XML-nya di Coretax.",
        "Periksa Monitoring XML sampai retur berstatus valid.",
    ]);

    private static readonly Playbook GrantRole = new(Cause.MissingRole,
    [
        "Minta PIC (Penanggung Jawab) klien membuka Coretax > Pihak Terkait dan memberi peran yang kurang: 96 faktur keluaran, 225 faktur masukan.",
        "Kode 99 berarti otorisasi belum tersinkron: minta PIC menyimpan ulang peran kuasa.",
        "Keluar dari Coretax, masuk lagi, lalu impersonate akun klien.",
        "Catat peran yang diberikan di data penandatangan klien.",
    ]);

    private static readonly Playbook FirstCompanyLogin = new(Cause.CredentialNotActivated,
    [
        "Minta PIC masuk sekali ke akun badan di Coretax (Profil menunjukkan Tanggal Login Terakhir).",
        "Bersihkan cache, coba mode incognito atau perangkat lain, lalu impersonate lagi.",
        "Catat di data klien bahwa akun badan sudah pernah masuk.",
    ]);

    private static readonly Playbook GenerateCredential = new(Cause.CredentialNotActivated,
    [
        "Buka Portal Saya > Profil Saya > Nomor Identitas Eksternal > Digital Certificate.",
        "Geser slider, klik Periksa Status, lalu Menghasilkan; status harus menjadi valid.",
        "Jika tetap invalid, ajukan ulang Kode Otorisasi lewat Portal Saya > Permintaan Kode Otorisasi/Sertifikat Elektronik.",
    ]);

    private static readonly Playbook ContactDataCorrection = new(Cause.AccountDataMismatch,
    [
        "Tanda silang berarti e-mail atau nomor HP berbeda dengan data DJP: jangan ulangi aktivasi berkali-kali.",
        "Perbarui data kontak lewat Kring Pajak 1500200 (verifikasi identitas) atau pemutakhiran data di KPP/KP2KP.",
        "Setelah data diperbarui, ulangi aktivasi akun dan permintaan Kode Otorisasi.",
    ]);

    private static readonly Playbook CoretaxSelfService = new(Cause.ExpiredCertificate,
    [
        "Kode Otorisasi/sertifikat elektronik Coretax berlaku 2 tahun; perpanjangan mandiri di Coretax, tanpa ke KPP.",
        "Portal Saya > Permintaan Kode Otorisasi/Sertifikat Elektronik: pilih jenisnya, buat passphrase (min. 8 karakter, huruf besar, kecil, angka, simbol selain / ' +).",
        "Lakukan verifikasi wajah sesuai foto e-KTP (tanpa kacamata).",
        "Periksa Status lalu Menghasilkan di Digital Certificate sampai valid; catat tanggal berakhir yang baru.",
    ]);

    private static readonly Playbook FreshLink = new(Cause.Other,
    [
        "Tautan aktivasi atau reset sudah kedaluwarsa: minta tautan baru.",
        "Buka tautan itu segera, di peramban yang sama.",
    ]);

    private static readonly Playbook AccountRecovery = new(Cause.Other,
    [
        "Pakai Lupa Kata Sandi (lewat e-mail atau HP) untuk membuka akun yang terkunci.",
        "Jika e-mail/HP tidak lagi dipakai, lakukan pemutakhiran data lewat Kring Pajak atau KPP.",
    ]);

    private static readonly Playbook CoretaxOutage = new(Cause.DjpOutage,
    [
        "Pastikan gangguan dengan klien lain atau pengumuman DJP.",
        "Bersihkan cache, coba mode incognito, lalu coba lagi nanti.",
        "Kabari semua klien yang terdampak (insiden massal).",
    ]);

    private static readonly Playbook ComplianceReactivation = new(Cause.Other,
    [
        "Akses pembuatan faktur dinonaktifkan karena kepatuhan (PER-19/PJ/2025).",
        "Selesaikan kewajiban yang belum dipenuhi, lalu ajukan pengaktifan kembali ke KPP.",
    ]);

    private static readonly Playbook DesktopCorruptUpload = new(Cause.Other,
    [
        "Ketik ulang nama barang tanpa tanda hubung, garis bawah atau hasil salin-tempel.",
        "Periksa database e-Faktur dan versinya; coba upload lagi di luar jam sibuk.",
    ]);

    /// <summary>Entries of DOMAIN-2026 §2 the catalogue lacks, then system, validity and source set on every entry known here.</summary>
    private static IReadOnlyList<ErrorCodeEntry> WithCoretaxEra(IReadOnlyList<ErrorCodeEntry> codes)
    {
        var known = codes.Select(code => code.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return codes.Concat(CoretaxEraCodes().Where(code => !known.Contains(code.Code))).Select(WithProvenance).ToArray();
    }

    private static ErrorCodeEntry WithProvenance(ErrorCodeEntry entry)
    {
        if (entry.System is not null)
        {
            return entry;
        }

        return entry.Code.ToUpperInvariant() switch
        {
            "ETAX-40002" or "ETAX-40001" or "ETAX-40003" or "ETAX-40004" or "ETAX-40005" or "ETAXSERVICE-40002" or "ETAX-20018"
                or "ETAX-30022" or "ETAX-30023" or "ETAX-10000" or "ETAX-20000" or "ETAX-30000" or "ETAX-50000"
                => entry with { System = TaxSystem.EfakturDesktop, Source = Per04 },
            _ when entry.Code.StartsWith("CORETAX-", StringComparison.OrdinalIgnoreCase) || entry.Code.StartsWith("REG-KODJP-", StringComparison.OrdinalIgnoreCase)
                => entry with { System = TaxSystem.Coretax, ValidFrom = CoretaxLive, Source = Per07 },
            _ => entry,
        };
    }

    private static IEnumerable<ErrorCodeEntry> CoretaxEraCodes()
    {
        static CodeImplication[] Implies(params (string Points, double Weight)[] items) =>
            items.Select(item => new CodeImplication(item.Points, item.Weight)).ToArray();

        yield return new("ETAX-API-10056", "Upload faktur pengganti dari desktop ditolak",
            "Sejak 8 November 2025 e-Faktur desktop tidak lagi boleh mengunggah faktur pengganti: buat penggantian di Coretax.",
            [Cause.RuleChange], [CoretaxReplacement],
            ["ETAX-API-10056", "Upload faktur pajak keluaran pengganti tidak dapat dilakukan"])
        {
            System = TaxSystem.EfakturDesktop,
            ValidFrom = ReplacementRefused,
            Source = DesktopReplacementAnnouncement,
            Implies = Implies(("scenario:invoice", 1.5), ("cause:rule-change", 3.0)),
        };
        // The rule before 8 Nov 2025: the desktop could still replace its own invoices. Closed, not deleted, so
        // tickets of that time are still read against it.
        yield return new("EFAKTUR-DESKTOP-PENGGANTI", "Faktur pengganti dibuat di e-Faktur desktop",
            "Antara 13 Februari dan 7 November 2025 e-Faktur desktop boleh membuat dan mengganti faktur yang dibuatnya sendiri; sejak 8 November 2025 tidak lagi (ETAX-API-10056).",
            [Cause.Other], [new Playbook(Cause.Other, ["Buat faktur pengganti di e-Faktur desktop lalu upload; faktur masuk ke Coretax dalam 2 hari (H+2)."])], [])
        { System = TaxSystem.EfakturDesktop, ValidFrom = DesktopLimited, ValidUntil = ReplacementRefused.AddDays(-1), Source = Peng13 };
        yield return new("EFAKTUR-DESKTOP-PEMBATALAN", "Pembatalan faktur di e-Faktur desktop",
            "Sampai 12 Februari 2025 pembatalan boleh di e-Faktur desktop; sejak 13 Februari 2025 pembatalan, retur dan SPT Masa PPN hanya di Coretax.",
            [Cause.Other], [new Playbook(Cause.Other, ["Batalkan faktur di e-Faktur desktop lalu upload pembatalannya."])], [])
        { System = TaxSystem.EfakturDesktop, ValidUntil = DesktopLimited.AddDays(-1), Source = Peng13 };
        yield return new("CORETAX-PEMBATALAN", "Pembatalan faktur hanya di Coretax",
            "Sejak 13 Februari 2025 pembatalan, retur dan SPT Masa PPN hanya bisa di Coretax; butuh konfirmasi lawan transaksi.",
            [Cause.RuleChange], [CoretaxCancellation], [])
        { System = TaxSystem.Coretax, ValidFrom = DesktopLimited, Source = Peng13 };
        yield return new("CORETAX-STATUS-TIDAK-SINKRON", "Status faktur desktop dan Coretax berbeda",
            "Sejak 8 November 2025 penggantian dan pembatalan di desktop tidak dimigrasi: Coretax tetap menganggap faktur asal approved.",
            [Cause.RuleChange], [CoretaxReplacement], ["tidak dimigrasi ke Coretax"])
        {
            System = TaxSystem.Coretax,
            ValidFrom = ReplacementRefused,
            Source = DesktopReplacementAnnouncement,
            Implies = Implies(("scenario:coretax-invoice", 1.5), ("cause:rule-change", 2.0)),
        };
        yield return new("ETAX-API-10001", "Upload Faktur Corrupt, Lakukan Upload Ulang",
            "Karakter khusus di nama barang, database rusak atau beda versi, atau layanan DJP sibuk.",
            [Cause.Other, Cause.DjpOutage], [DesktopCorruptUpload], ["ETAX-API-10001", "Upload Faktur Corrupt"])
        {
            System = TaxSystem.EfakturDesktop,
            Source = new("pajak.go.id (KP2KP)", null, "https://pajak.go.id/id/berita/petugas-kp2kp-bantu-wajib-pajak-atasi-error-aplikasi-e-faktur"),
            Implies = Implies(("scenario:upload", 1.5)),
        };
        yield return new("CORETAX-INVOICES-HAVE-ERRORS", "Coretax: Invoices have errors! (impor XML)",
            "Impor XML faktur gagal validasi data, misalnya NITKU pembeli tidak valid; nomor baris = baris XML.",
            [Cause.DataValidation], [XmlValidation], ["Invoices have errors", "NITKU pembeli tidak valid"])
        {
            System = TaxSystem.Coretax,
            ValidFrom = CoretaxLive,
            Source = new("DDTCNews Konsultasi Coretax", new(2025, 2, 17), "https://news.ddtc.co.id/review/konsultasi-coretax/1808895/faktur-xml-cuma-15-baris-tapi-erornya-100-baris-lebih-apa-yang-salah"),
            Implies = Implies(("scenario:coretax-invoice", 2.0), ("cause:data-validation", 2.0)),
        };
        yield return new("CORETAX-MONITORING-XML", "Coretax: Monitoring XML error/tidak valid",
            "Baris XML tidak valid: baris kosong ikut terekspor, karakter tersembunyi, tanggal bukan YYYY-MM-DD.",
            [Cause.DataValidation], [XmlValidation], ["Monitoring XML"])
        {
            System = TaxSystem.Coretax,
            ValidFrom = CoretaxLive,
            Source = new("FAQ Coretax #95", null, "https://layanan-web-online.pages.dev/after/294"),
            Implies = Implies(("scenario:coretax-invoice", 1.5), ("cause:data-validation", 1.5)),
        };
        yield return new("CORETAX-RETUR-XML", "Coretax: Invoice should be returned on Coretax - XML Upload",
            "Retur PPN masukan ini tidak bisa direkam manual; hanya lewat impor XML.",
            [Cause.RuleChange], [ReturnXml], ["Invoice should be returned on Coretax"])
        {
            System = TaxSystem.Coretax,
            ValidFrom = CoretaxLive,
            Source = new("FAQ Coretax Telegram #116", null, "https://t.me/s/FAQcoretax?after=436"),
            Implies = Implies(("scenario:coretax-invoice", 2.0), ("cause:rule-change", 1.5)),
        };
        yield return new("CORETAX-PERMISSION", "Coretax: This method requires one of the following permissions",
            "Peran kurang: 96 = faktur keluaran, 225 = faktur masukan, 99 = otorisasi belum tersinkron.",
            [Cause.MissingRole], [GrantRole], ["This method requires one of the following permissions", "requires one of the following permissions"])
        {
            System = TaxSystem.Coretax,
            ValidFrom = CoretaxLive,
            Source = new("ISB Consultant", null, "https://isbconsultant.com/cara-atasi-error-permissions-96-99-225-di-coretax"),
            Implies = Implies(("scenario:coretax-access", 2.0), ("cause:missing-role", 2.5)),
        };
        yield return new("CORETAX-IMPERSONATE", "Coretax: gagal impersonate",
            "Tidak bisa bertindak untuk perusahaan: akun badan belum pernah login atau belum diaktivasi.",
            [Cause.CredentialNotActivated, Cause.MissingRole], [FirstCompanyLogin, GrantRole], ["gagal impersonate", "impersonate gagal"])
        {
            System = TaxSystem.Coretax,
            ValidFrom = CoretaxLive,
            Source = new("Pajakku", null, "https://artikel.pajakku.com/gagal-impersonate-akun-wajib-pajak-badan-di-coretax-ini-solusinya"),
            Implies = Implies(("scenario:coretax-access", 2.0)),
        };
        yield return new("CORETAX-KO-INVALID", "Coretax: status Kode Otorisasi/sertifikat invalid",
            "Kode Otorisasi baru dibuat dan belum dihasilkan: Periksa Status lalu Menghasilkan.",
            [Cause.CredentialNotActivated], [GenerateCredential], ["Periksa Status"])
        {
            System = TaxSystem.Coretax,
            ValidFrom = CoretaxLive,
            Source = new("DDTCNews (Podcast Cermati)", new(2025, 10, 31), "https://news.ddtc.co.id/berita/nasional/1814875/buat-kode-otorisasi-coretax-wp-perlu-siapkan-passphrase"),
            Implies = Implies(("scenario:coretax-activation", 1.5), ("cause:credential-not-activated", 2.0)),
        };
        yield return new("CORETAX-KO-EXPIRED", "Coretax: Kode Otorisasi/sertifikat elektronik kedaluwarsa",
            "Masa berlaku 2 tahun habis (Tanggal Berakhir); diperpanjang mandiri di Coretax, tanpa ke KPP.",
            [Cause.ExpiredCertificate], [CoretaxSelfService], ["Tanggal Berakhir"])
        {
            System = TaxSystem.Coretax,
            ValidFrom = CoretaxLive,
            Source = Per07,
            Implies = Implies(("scenario:coretax-activation", 1.5), ("cause:expired-certificate", 1.5)),
        };
        yield return new("CORETAX-UNAUTHORIZED-ACCESS-TOKEN", "Coretax: Unauthorized Access Token",
            "Tautan reset atau aktivasi kedaluwarsa atau tidak valid.",
            [Cause.Other], [FreshLink], ["Unauthorized Access Token"])
        {
            System = TaxSystem.Coretax,
            ValidFrom = CoretaxLive,
            Source = new("viv.co.id", null, "https://www.viv.co.id/read/89626/mengapa-muncul-pesan-unauthorized-access-token-di-coretax-ini-penyebab-dan-cara-mengatasinya-dengan-tepat"),
            Implies = Implies(("scenario:coretax-activation", 1.5), ("cause:other", 1.5)),
        };
        yield return new("CORETAX-DATA-KONTAK-BEDA", "Coretax: tanda silang pada HP/e-mail saat aktivasi",
            "Data kontak berbeda dengan data DJP; perlu pemutakhiran lewat Kring Pajak atau KPP.",
            [Cause.AccountDataMismatch], [ContactDataCorrection], ["tanda silang"])
        {
            System = TaxSystem.Coretax,
            ValidFrom = CoretaxLive,
            Source = new("pajak.go.id (Kanwil DJP Jatim III)", new(2025, 11, 12), "https://www.pajak.go.id/index.php/en/node/118631"),
            Implies = Implies(("scenario:coretax-activation", 1.5), ("cause:account-data-mismatch", 2.0)),
        };
        yield return new("CORETAX-AKUN-TERKUNCI", "Coretax: username atau kata sandi tidak valid / akun terkunci",
            "Kata sandi salah atau akun terkunci setelah beberapa kali gagal masuk.",
            [Cause.Other], [AccountRecovery], ["akun terkunci", "username atau kata sandi tidak valid"])
        {
            System = TaxSystem.Coretax,
            ValidFrom = CoretaxLive,
            Source = new("spadanews", null, "https://spadanews.id/atasi-akun-coretax-terkunci-solusi-username-kata-sandi-tidak-valid"),
            Implies = Implies(("scenario:coretax-access", 1.5), ("cause:other", 1.0)),
        };
        yield return new("CORETAX-AN-ERROR-OCCURRED", "Coretax: An Error Occurred",
            "Coretax tidak dapat diakses: gangguan DJP (misalnya 23 Mei 2025).",
            [Cause.DjpOutage], [CoretaxOutage], ["An Error Occurred"])
        {
            System = TaxSystem.Coretax,
            ValidFrom = CoretaxLive,
            Source = new("Poskota", new(2025, 5, 24), "https://www.poskota.co.id/2025/05/24/coretax-error-mei-2025-muncul-an-error-occurred-ini-penyebab-dan-penjelasan-resmi-ditjen-pajak/amp"),
            Implies = Implies(("cause:djp-outage", 2.0)),
        };
        yield return new("CORETAX-AKSES-FAKTUR-NONAKTIF", "Coretax: akses pembuatan faktur dinonaktifkan",
            "Akses faktur dinonaktifkan untuk PKP yang tidak patuh (PER-19/PJ/2025).",
            [Cause.Other], [ComplianceReactivation], ["akses faktur dinonaktifkan"])
        {
            System = TaxSystem.Coretax,
            ValidFrom = new(2025, 10, 22),
            Source = new("PER-19/PJ/2025", new(2025, 10, 22), null),
            Implies = Implies(("scenario:coretax-invoice", 1.5), ("cause:other", 1.5)),
        };
        yield return new("CORETAX-UPLOAD-TANGGAL-20", "Batas upload e-Faktur tanggal 20",
            "Sejak 22 Mei 2025 batas upload dan approval faktur adalah tanggal 20 bulan berikutnya (sebelumnya tanggal 15).",
            [Cause.RuleChange], [new Playbook(Cause.RuleChange, ["Upload dan approve faktur paling lambat tanggal 20 bulan berikutnya (PER-11/PJ/2025 Pasal 44)."])], [])
        { System = TaxSystem.Coretax, ValidFrom = new(2025, 5, 22), Source = Per11 };
    }
}
