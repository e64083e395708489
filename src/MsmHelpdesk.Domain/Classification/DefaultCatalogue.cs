namespace MsmHelpdesk.Domain.Classification;

/// <summary>
/// The built-in catalogue, from DOMAIN.md: the ETAX-40001/40002 family with a playbook per cause, the look-alike
/// codes, the Coretax messages, and the phrases (Indonesian first, English second) that point to a scenario or a
/// cause. The database catalogue starts as a copy of this one.
/// </summary>
public static partial class DefaultCatalogue
{
    public const int Version = 1;

    public static Catalogue Create() => new(Version, WithCoretaxEra(Codes()), Phrases());

    private static readonly Playbook Corrupt = new(Cause.CorruptCertificate,
    [
        "Masuk ke e-Nofa (efaktur.pajak.go.id) dengan NPWP dan password e-Nofa (menunya ada di e-Nofa, bukan di web-efaktur).",
        "Buka menu Download Sertifikat Digital, klik Unduh, lalu masukkan passphrase.",
        "Impor sertifikat di e-Faktur desktop: Referensi > Administrasi Sertifikat.",
        "Jalankan ulang uploader, lalu uji kirim.",
        "Pencegahan: pasang antivirus dan jangan memindahkan file sertifikat lewat flashdisk.",
    ]);

    // Action steps a consultant ticks off: renewal is an in-person visit to the KPP where the PKP is registered
    // (PER-04/PJ/2020 art. 40-44; since Aug 2023 only in person and in writing, e-Nofa has no renewal menu).
    private const string ScheduleVisit = "Jadwalkan kunjungan ke KPP tempat PKP terdaftar; pengurus yang tercantum dalam akta harus datang sendiri (tidak bisa dikuasakan). Perpanjangan hanya tatap muka dan tertulis sejak Agustus 2023; e-Nofa tidak punya menu perpanjangan.";
    private const string VisitHeld = "Kunjungan KPP selesai: sertifikat baru terbit (biasanya dalam satu hari kerja; sebagian KPP memeriksa tunggakan pajak lebih dulu).";
    private const string UpdateClientCertificate = "Perbarui tanggal terbit dan kedaluwarsa sertifikat di data klien.";

    private static readonly Playbook Expired = new(Cause.ExpiredCertificate,
    [
        "Pastikan tanggal kedaluwarsa sertifikat (Referensi > Administrasi Sertifikat, atau cek file .p12 di halaman klien).",
        "Kumpulkan dokumen perpanjangan: formulir permintaan (bermeterai, ditandatangani, cap perusahaan), akta, KTP dan NPWP pengurus, swafoto memegang KTP; klien menyiapkan passphrase baru (jangan dicatat di helpdesk).",
        ScheduleVisit,
        VisitHeld,
        "Impor sertifikat baru di e-Faktur: Referensi > Administrasi Sertifikat (aplikasi tidak perlu registrasi ulang).",
        "Uji kirim (upload) satu faktur.",
        UpdateClientCertificate,
    ])
    {
        Facts =
        [
            new(ScheduleVisit, Tickets.StepFact.VisitScheduled),
            new(VisitHeld, Tickets.StepFact.CertificateIssued),
            new(UpdateClientCertificate, Tickets.StepFact.ClientCertificateUpdated),
        ],
    };

    private static readonly Playbook WrongPassphrase = new(Cause.WrongPassphrase,
    [
        "Masukkan ulang passphrase: huruf besar dan kecil dibedakan.",
        "Passphrase yang lupa tidak bisa direset DJP: sertifikat dicabut dan diminta sertifikat baru di KPP (kunjungan yang sama dengan perpanjangan).",
        "Jangan tertukar dengan password e-Nofa (yang bisa direset lewat e-mail).",
        "Jangan simpan passphrase di helpdesk: catat hanya siapa yang memegangnya.",
    ]);

    private static readonly Playbook Network = new(Cause.Network,
    [
        "Atur proxy di Referensi > Setting Aplikasi, atau pakai koneksi langsung.",
        "Izinkan svc.efaktur.pajak.go.id di firewall dan antivirus.",
        "Betulkan jam dan tanggal komputer.",
    ]);

    private static readonly Playbook Outage = new(Cause.DjpOutage,
    [
        "Pastikan dengan klien lain atau pengumuman DJP.",
        "Coba lagi nanti.",
        "Kabari klien yang sedang menunggu.",
    ]);

    private static IReadOnlyList<ErrorCodeEntry> Codes()
    {
        Cause[] family = [Cause.ExpiredCertificate, Cause.CorruptCertificate, Cause.WrongPassphrase, Cause.Network, Cause.DjpOutage];
        Playbook[] familyPlaybooks = [Expired, Corrupt, WrongPassphrase, Network, Outage];
        static CodeImplication[] Implies(params (string Points, double Weight)[] items) =>
            items.Select(item => new CodeImplication(item.Points, item.Weight)).ToArray();
        static Playbook Steps(Cause cause, params string[] steps) => new(cause, steps);

        return
        [
            new("ETAX-40002", "Error di Service",
                "Aplikasi e-Faktur desktop gagal menyelesaikan panggilan ke layanan DJP (\"Tidak dapat melakukan koneksi dengan service\").",
                family, familyPlaybooks, ["ETAX-40002", "Error di Service"]) { Family = "ETAX-4000x" },
            new("ETAX-40001", "Tidak dapat menghubungi E-TaxInvoice Server",
                "Jaringan, proxy, jam komputer, dan juga sertifikat kedaluwarsa atau dicabut; satu keluarga dengan ETAX-40002.",
                family, familyPlaybooks, ["ETAX-40001", "Tidak dapat menghubungi E-TaxInvoice Server"]) { Family = "ETAX-4000x" },
            new("ETAXSERVICE-40002", "User tidak ditemukan",
                "Kesalahan lain dari ETAX-40002: kode aktivasi salah saat registrasi.",
                [Cause.Other], [Steps(Cause.Other, "Periksa kode aktivasi (dari surat/e-mail DJP) dan ketik ulang dengan teliti.")],
                ["ETAXSERVICE-40002", "User tidak ditemukan", "user not found"])
            { Implies = Implies(("scenario:registration", 1.5), ("cause:other", 1.5)) },
            new("ETAX-40003", "Sesi layanan", "Masalah sesi layanan (service session).",
                [Cause.Other], [Steps(Cause.Other, "Tutup aplikasi, buka lagi, dan ulangi prosesnya.")], ["ETAX-40003"])
            { Implies = Implies(("cause:other", 1.2)) },
            new("ETAX-40004", "Captcha, password atau passphrase salah", "Captcha, password atau passphrase yang dimasukkan salah.",
                [Cause.WrongPassphrase, Cause.Other], [WrongPassphrase], ["ETAX-40004"]),
            new("ETAX-40005", "Kesalahan registrasi", "Gagal registrasi: kode aktivasi sudah dipakai, atau passphrase salah.",
                [Cause.WrongPassphrase, Cause.Other], [WrongPassphrase], ["ETAX-40005"])
            { Implies = Implies(("scenario:registration", 1.5)) },
            new("ETAX-20018", "Range Nomor Faktur tidak tersedia", "Nomor seri faktur (NSFP) sudah habis.",
                [Cause.Other], [Steps(Cause.Other, "Minta alokasi NSFP baru lewat e-Nofa, lalu rekam rentangnya di aplikasi.")],
                ["ETAX-20018", "Range Nomor Faktur tidak tersedia"])
            { Implies = Implies(("scenario:invoice", 1.5), ("cause:other", 1.5)) },
            new("ETAX-30022", "File sertifikat belum diatur", "File sertifikat belum diatur atau tidak dapat dipakai.",
                [Cause.Other, Cause.CorruptCertificate], [Corrupt], ["ETAX-30022"]),
            new("ETAX-30023", "File sertifikat tidak dapat dipakai", "File sertifikat belum diatur atau tidak dapat dipakai.",
                [Cause.Other, Cause.CorruptCertificate], [Corrupt], ["ETAX-30023"]),
            new("ETAX-10000", "Awalan: database lokal", "ETAX-1xxxx: kesalahan database lokal.", [Cause.Other], [], [])
            { IsPrefix = true, Implies = Implies(("cause:other", 1.0)) },
            new("ETAX-20000", "Awalan: validasi data", "ETAX-2xxxx: kesalahan validasi data.", [Cause.Other], [], [])
            { IsPrefix = true, Implies = Implies(("cause:other", 1.0)) },
            new("ETAX-30000", "Awalan: internal aplikasi", "ETAX-3xxxx: kesalahan internal aplikasi.", [Cause.Other], [], [])
            { IsPrefix = true, Implies = Implies(("cause:other", 0.6)) },
            new("ETAX-50000", "Awalan: SPT", "ETAX-5xxxx: kesalahan SPT.", [], [], [])
            { IsPrefix = true, Implies = Implies(("scenario:other", 1.5)) },
            new("CORETAX-SIGNING-IN-PROGRESS", "Coretax: Signing In Progress", "Penandatanganan di Coretax tertahan.",
                [Cause.Other, Cause.DjpOutage], [], ["Signing In Progress"])
            { Implies = Implies(("scenario:other", 1.5), ("cause:other", 1.0)) },
            new("CORETAX-SAVED-INVALID", "Coretax: Saved Invalid", "Dokumen tersimpan tidak valid, termasuk karena passphrase salah.",
                [Cause.Other, Cause.WrongPassphrase], [WrongPassphrase], ["Saved Invalid"])
            { Implies = Implies(("scenario:other", 1.5), ("cause:other", 1.0)) },
            new("CORETAX-FORMAT-POLA-TIDAK-VALID", "Coretax: Format Pola Tidak Valid", "Passphrase tidak memenuhi aturan pola Coretax.",
                [Cause.Other], [Steps(Cause.Other, "Buat passphrase yang memenuhi aturan pola Coretax (panjang, huruf besar/kecil, angka, simbol).")],
                ["Format Pola Tidak Valid"])
            { Implies = Implies(("scenario:other", 1.5), ("cause:other", 1.5)) },
            new("REG-KODJP-00003", "Coretax: REG-KODJP-00003", "Kesalahan permintaan Kode Otorisasi DJP di Coretax.", [Cause.Other], [], ["REG-KODJP-00003"])
            { Implies = Implies(("scenario:other", 1.5), ("cause:other", 1.5)) },
            new("REG-KODJP-00024", "Coretax: REG-KODJP-00024", "Kesalahan permintaan Kode Otorisasi DJP di Coretax.", [Cause.Other], [], ["REG-KODJP-00024"])
            { Implies = Implies(("scenario:other", 1.5), ("cause:other", 1.5)) },
            new("CORETAX-FACE-VALIDATION", "Coretax: validasi wajah", "Validasi wajah gagal di Coretax.", [Cause.Other], [],
                ["validasi wajah", "verifikasi wajah", "face validation", "face verification"])
            { Implies = Implies(("scenario:other", 1.5), ("cause:other", 1.5)) },
        ];
    }

    private static IReadOnlyList<RecognitionPhrase> Phrases()
    {
        var phrases = new List<RecognitionPhrase>();
        void Add(string points, double weight, string language, params string[] texts)
        {
            foreach (var text in texts)
            {
                phrases.Add(new RecognitionPhrase(text, points, weight, language));
            }
        }

        // Scenarios. Words are normalised first, so "registrasi" also covers "register", "pendaftaran".
        Add("scenario:registration", 1.0, "id", "registrasi", "aktivasi", "registrasi ulang");
        Add("scenario:registration", 1.0, "en", "register", "activation");
        Add("scenario:registration", 0.6, "id", "captcha", "kode aktivasi");
        Add("scenario:upload", 1.0, "id", "upload", "unggah", "kirim faktur");
        Add("scenario:upload", 1.2, "id", "start uploader", "management upload");
        Add("scenario:upload", 1.0, "en", "upload", "send invoice");
        Add("scenario:invoice", 1.2, "id", "pembuatan faktur", "pembatan faktur", "pembatalan faktur", "rekam faktur", "input faktur", "faktur pengganti");
        Add("scenario:invoice", 1.0, "id", "pembatan", "faktur baru", "nsfp", "nomor seri faktur", "batal");
        Add("scenario:invoice", 0.6, "id", "faktur keluaran", "faktur masukan");
        Add("scenario:invoice", 1.2, "en", "create invoice", "cancel invoice", "invoice creation", "invoice cancellation");
        Add("scenario:profile-sync", 1.5, "id", "sinkronisasi profil", "sinkron profil", "update profil");
        Add("scenario:profile-sync", 1.5, "en", "profile sync", "sync profile", "company profile");
        Add("scenario:profile-sync", 0.8, "id", "sinkronisasi", "profil pkp", "pindah kpp");
        Add("scenario:profile-sync", 0.6, "id", "ganti alamat", "perubahan alamat", "profil");
        Add("scenario:other", 1.2, "id", "posting spt", "lapor spt");
        Add("scenario:other", 0.8, "id", "spt", "coretax", "kode otorisasi");
        Add("scenario:other", 0.9, "id", "update aplikasi", "update efaktur", "update e-faktur");
        Add("scenario:other", 0.6, "id", "versi terbaru", "perpanjang sertifikat", "tanda tangan", "signing");
        Add("scenario:other", 0.5, "id", "perpanjang");
        Add("scenario:other", 0.9, "en", "renew certificate", "update app");

        // Causes (DOMAIN.md "Strong evidence"). Exception strings from the DJP catalogue are rules in the classifier.
        Add("cause:corrupt-certificate", 1.2, "id", "rusak", "virus", "flashdisk", "flash disk", "komputer baru", "ganti komputer",
            "reinstall", "install ulang", "format ulang");
        Add("cause:corrupt-certificate", 1.5, "id", "sertifikat rusak", "file rusak");
        Add("cause:corrupt-certificate", 1.0, "id", "pindah komputer", "sertifikat dipindah", "sertifikat dicopy", "copy sertifikat");
        Add("cause:corrupt-certificate", 1.2, "en", "new laptop", "new computer", "flash drive", "usb stick", "file was moved");
        Add("cause:corrupt-certificate", 1.0, "en", "copied from", "copied around");
        Add("cause:expired-certificate", 1.5, "id", "kedaluwarsa", "habis masa berlaku", "masa berlaku habis", "sudah 2 tahun",
            "lebih dari 2 tahun", "lewat 2 tahun", "2 tahun lebih");
        Add("cause:expired-certificate", 1.0, "id", "sertifikat habis", "berlaku habis", "dicabut");
        Add("cause:expired-certificate", 0.6, "id", "perpanjang sertifikat", "perpanjang");
        Add("cause:expired-certificate", 1.5, "en", "expired", "validity ended", "validity is over", "more than 2 years");
        Add("cause:expired-certificate", 0.6, "en", "revoked");
        Add("cause:expired-certificate", -1.2, "id", "masih berlaku", "masih valid", "baru terbit");
        Add("cause:wrong-passphrase", 1.5, "id", "passphrase salah", "salah passphrase", "lupa passphrase", "passphrase lupa",
            "pass phrase salah", "passphrase tidak cocok");
        Add("cause:wrong-passphrase", 1.0, "id", "password sertifikat", "lupa password");
        Add("cause:wrong-passphrase", 0.8, "id", "password salah", "caps lock", "capslock");
        Add("cause:wrong-passphrase", 0.6, "id", "huruf besar", "case sensitive");
        Add("cause:wrong-passphrase", 1.5, "en", "wrong passphrase", "forgot passphrase", "forgot the passphrase");
        Add("cause:wrong-passphrase", -1.2, "id", "passphrase benar", "passphrase sudah benar");
        Add("cause:wrong-passphrase", -1.2, "en", "passphrase is correct");
        Add("cause:network", 1.5, "id", "proxy", "firewall", "antivirus blokir", "jam komputer salah", "jam salah",
            "tanggal komputer salah", "tanggal salah", "jam mundur");
        Add("cause:network", 1.2, "id", "jaringan kantor", "anti virus", "svc efaktur");
        Add("cause:network", 1.0, "id", "antivirus", "jam komputer", "tanggal komputer", "internet putus", "clock");
        Add("cause:network", 0.8, "id", "blokir", "koneksi internet", "internet lemot", "vpn");
        Add("cause:network", 0.6, "id", "timeout", "ssl");
        Add("cause:network", 1.2, "en", "office network", "pc clock", "pc date", "clock wrong", "date wrong");
        Add("cause:network", -1.0, "id", "internet lancar", "jam benar", "jam komputer benar");
        Add("cause:djp-outage", 1.5, "id", "djp down", "gangguan djp", "djp gangguan", "server djp down", "klien lain",
            "banyak klien", "semua klien");
        Add("cause:djp-outage", 1.2, "id", "server down", "serentak", "maintenance", "pengumuman djp", "nasional");
        Add("cause:djp-outage", 0.8, "id", "gangguan", "server pajak", "server djp", "down");
        Add("cause:djp-outage", 1.5, "en", "other clients", "several clients", "all our clients", "nationwide", "djp announced",
            "service disruption");
        Add("cause:other", 1.5, "id", "kode aktivasi salah", "captcha salah", "nsfp habis", "versi lama", "database lokal");
        Add("cause:other", 1.0, "id", "belum set", "tidak set", "versi aplikasi lama", "sesi");
        Add("cause:other", 0.8, "id", "kode aktivasi sudah dipakai", "kode aktivasi", "data tidak valid");
        Add("cause:other", 1.5, "en", "activation code mistyped", "not set", "old version");
        return phrases;
    }
}
