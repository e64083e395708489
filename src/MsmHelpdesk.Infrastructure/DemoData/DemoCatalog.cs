using MsmHelpdesk.Domain.Clients;

namespace MsmHelpdesk.Infrastructure.DemoData;

/// <summary>Why a demo ticket happened: drives its description's clues and its resolution (DOMAIN.md).</summary>
internal enum DemoCause
{
    Expired,
    Corrupt,
    Passphrase,
    Network,
    Outage,
    SerialNumbers,
    Activation,
    Coretax,
    Unknown,
}

/// <summary>One way clients report an error, with what they were doing and the likely causes.</summary>
internal sealed record DemoErrorVariant(int Weight, string Text, string[] Activities, DemoCause[] Causes);

/// <summary>Words and texts for demo data: Indonesian companies, people, KPPs, and the errors clients report.</summary>
internal static class DemoCatalog
{
    public static readonly string[] NameFirstWords =
    [
        "Sinar", "Mitra", "Karya", "Bumi", "Cahaya", "Maju", "Putra", "Sumber", "Anugerah", "Duta", "Graha", "Tunas",
        "Bintang", "Berkah", "Surya", "Mega", "Prima", "Citra", "Eka", "Dwi", "Tri", "Sentral", "Intan", "Harapan",
        "Kencana", "Samudra", "Nusa", "Wahana", "Adhi", "Indo", "Gemilang", "Arta", "Setia", "Sarana", "Lautan",
    ];

    public static readonly string[] NameSecondWords =
    [
        "Jaya", "Abadi", "Makmur", "Sejahtera", "Mandiri", "Sentosa", "Utama", "Baru", "Gemilang", "Lestari", "Perkasa",
        "Agung", "Logistik", "Teknik", "Pangan", "Farma", "Tekstil", "Kimia", "Elektrik", "Konstruksi", "Niaga",
        "Digital", "Sarana", "Properti", "Motor", "Plastik", "Kemasan", "Energi", "Agro", "Medika", "Trans",
    ];

    public static readonly string[] NameThirdWords =
    [
        "Indonesia", "Sejahtera", "Abadi", "Mandiri", "Nusantara", "Perkasa", "Utama", "Jaya", "Makmur", "Sentosa",
        "Lestari", "Global", "Persada", "Internasional", "Raya", "Sakti",
    ];

    public static readonly string[] Cities =
    [
        "Jakarta", "Surabaya", "Bandung", "Semarang", "Medan", "Makassar", "Denpasar", "Tangerang", "Bekasi", "Batam",
        "Palembang", "Balikpapan", "Pekanbaru", "Malang", "Solo", "Yogyakarta",
    ];

    public static readonly string[] FirstNames =
    [
        "Budi", "Siti", "Agus", "Dewi", "Rina", "Hendra", "Wahyu", "Sri", "Andi", "Yuni", "Eko", "Fitri", "Dian", "Joko",
        "Ratna", "Bambang", "Lina", "Rudi", "Maya", "Teguh", "Indah", "Arif", "Nur", "Ahmad", "Putri", "Irwan", "Wulan",
        "Fajar", "Ayu", "Hadi", "Mega", "Ivan", "Sari", "Dodi", "Lestari", "Yohanes", "Lukas", "Ketut", "Made", "Wayan",
        "Hartono", "Susanti", "Chandra", "Novi", "Rizky", "Anton", "Yanti", "Slamet", "Melati", "Taufik",
    ];

    public static readonly string[] LastNames =
    [
        "Santoso", "Wijaya", "Saputra", "Pratama", "Hidayat", "Kusuma", "Lestari", "Setiawan", "Gunawan", "Halim",
        "Nugroho", "Siregar", "Nasution", "Simanjuntak", "Tanjung", "Harahap", "Wibowo", "Susilo", "Purnomo", "Hartanto",
        "Tan", "Salim", "Sitompul", "Rahman", "Hakim", "Permana", "Syahputra", "Suryadi", "Kurniawan", "Utomo",
    ];

    public static readonly string[] OfficerPositions = ["Direktur Utama", "Direktur", "Direktur Keuangan", "Komisaris Utama"];

    public static readonly string[] MailProviders = ["gmail.com", "yahoo.co.id", "yahoo.com", "outlook.com"];

    /// <summary>Mobile prefixes after the leading 0 (Telkomsel, Indosat, XL, Tri, Smartfren).</summary>
    public static readonly string[] MobilePrefixes =
        ["811", "812", "813", "821", "822", "852", "853", "814", "815", "816", "855", "856", "857", "858", "817", "818", "819", "859", "877", "878", "895", "896", "897", "898", "899", "881", "882"];

    /// <summary>KPP names with the three-digit office code that NPWPs registered there carry (demo codes).</summary>
    public static readonly (string Name, string Code)[] Kpps =
    [
        ("KPP Pratama Jakarta Setiabudi Satu", "018"), ("KPP Pratama Jakarta Setiabudi Dua", "062"),
        ("KPP Pratama Jakarta Setiabudi Tiga", "063"), ("KPP Pratama Jakarta Tanah Abang Satu", "071"),
        ("KPP Pratama Jakarta Tanah Abang Dua", "072"), ("KPP Pratama Jakarta Kebayoran Baru Satu", "012"),
        ("KPP Pratama Jakarta Menteng Dua", "029"), ("KPP Pratama Jakarta Penjaringan", "047"),
        ("KPP Pratama Jakarta Cengkareng", "085"), ("KPP Pratama Jakarta Kelapa Gading", "043"),
        ("KPP Pratama Jakarta Pulogadung", "003"), ("KPP Pratama Jakarta Cilandak", "016"),
        ("KPP Pratama Tangerang Barat", "402"), ("KPP Pratama Tangerang Timur", "403"), ("KPP Pratama Serpong", "411"),
        ("KPP Pratama Bekasi Utara", "432"), ("KPP Pratama Cikarang Selatan", "414"), ("KPP Pratama Depok Cimanggis", "448"),
        ("KPP Pratama Bogor", "404"), ("KPP Pratama Bandung Karees", "441"), ("KPP Pratama Bandung Cibeunying", "423"),
        ("KPP Pratama Semarang Candisari", "508"), ("KPP Pratama Surabaya Rungkut", "615"), ("KPP Pratama Surabaya Genteng", "606"),
        ("KPP Pratama Sidoarjo Utara", "643"), ("KPP Pratama Medan Belawan", "112"), ("KPP Pratama Medan Polonia", "121"),
        ("KPP Pratama Denpasar Timur", "901"), ("KPP Pratama Makassar Selatan", "801"), ("KPP Madya Jakarta Pusat", "073"),
        ("KPP Madya Jakarta Selatan I", "056"), ("KPP Madya Tangerang", "415"), ("KPP Madya Bekasi", "431"),
        ("KPP Madya Surabaya", "631"), ("KPP Wajib Pajak Besar Empat", "093"),
    ];

    public static readonly (EFakturChannel Channel, int Weight)[] ClientChannels =
    [
        (EFakturChannel.Desktop4, 40), (EFakturChannel.Coretax, 28), (EFakturChannel.Desktop3, 10), (EFakturChannel.Web, 10),
        (EFakturChannel.Pjap, 6), (EFakturChannel.Unknown, 6),
    ];

    public static readonly string[] SystemVersions =
        ["e-Faktur Desktop 3.2", "e-Faktur Desktop 4.0", "e-Faktur Desktop 4.1", "e-Faktur Desktop 4.2", "e-Faktur Desktop 4.0 (Windows 7)", "Web e-Faktur"];

    private static readonly string[] Upload = ["Upload faktur (Start Uploader)", "Management Upload", "Upload faktur"];
    private static readonly string[] Registration = ["Registrasi e-Faktur", "Aktivasi e-Faktur di PC baru"];
    private static readonly string[] Invoices = ["Pembuatan faktur", "Pembatalan faktur", "Pembatan faktur", "Rekam faktur keluaran"];
    private static readonly string[] Sync = ["Sinkronisasi profil", "Sinkronisasi profil PKP setelah pindah KPP"];
    private static readonly string[] UploadOrInvoices = [.. Upload, .. Invoices, .. Sync, .. Registration];

    private static readonly DemoCause[] Service40002 =
        [DemoCause.Expired, DemoCause.Expired, DemoCause.Expired, DemoCause.Corrupt, DemoCause.Corrupt, DemoCause.Passphrase, DemoCause.Network, DemoCause.Unknown];

    /// <summary>ETAX-40002 dominates, in the many spellings clients type; look-alike codes and Coretax follow (DOMAIN.md).</summary>
    public static readonly DemoErrorVariant[] Errors =
    [
        new(180, "ETAX-40002: Error di Service", UploadOrInvoices, Service40002),
        new(70, "ETAX-40002 : Error di Service", UploadOrInvoices, Service40002),
        new(60, "ETAX-40002: Error di Service. Tidak dapat melakukan koneksi dengan service", UploadOrInvoices, Service40002),
        new(25, "ETAX-40002 : Error di Service. Tidak dapat melakukan koneksi dengan service", Upload, Service40002),
        new(25, "etax-40002 error di service", UploadOrInvoices, Service40002),
        new(20, "ETAX 40002 error di service pas upload", Upload, Service40002),
        new(15, "Error ETAX-40002: Error di Service (Start Uploader)", Upload, Service40002),
        new(10, "ETAX_40002: Error di Service", UploadOrInvoices, Service40002),
        new(12, "ETAX-40002: Error di Service. javax.crypto.BadPaddingException: Given final block not properly padded", Registration, [DemoCause.Passphrase]),
        new(8, "ETAX-40002: Error di Service. Failed PKCS12 Integrity Checking", UploadOrInvoices, [DemoCause.Passphrase, DemoCause.Corrupt]),
        new(8, "ETAX-40002: Error di Service. toDerInputStreamRejectType - Tidak dapat melakukan registrasi", Registration, [DemoCause.Corrupt]),
        new(25, "40002", UploadOrInvoices, [DemoCause.Expired, DemoCause.Corrupt, DemoCause.Activation, DemoCause.Unknown]),
        new(15, "error 40002", UploadOrInvoices, [DemoCause.Expired, DemoCause.Corrupt, DemoCause.Unknown]),
        new(10, "Muncul kode 40002 waktu registrasi", Registration, [DemoCause.Activation, DemoCause.Corrupt]),
        new(10, "error di service 40002", Upload, [DemoCause.Expired, DemoCause.Unknown]),
        new(35, "ETAXSERVICE-40002: User tidak ditemukan", Registration, [DemoCause.Activation]),
        new(10, "ETAXSERVICE-40002 User tidak ditemukan (registrasi ulang)", Registration, [DemoCause.Activation]),
        new(45, "ETAX-40001: Tidak dapat menghubungi E-TaxInvoice Server", UploadOrInvoices, [DemoCause.Network, DemoCause.Network, DemoCause.Expired]),
        new(20, "ETAX-40001 : Tidak dapat menghubungi E-TaxInvoice Server. Silahkan cek koneksi internet", Upload, [DemoCause.Network, DemoCause.Expired]),
        new(12, "ETAX-40004: Captcha, password atau passphrase salah", Registration, [DemoCause.Passphrase]),
        new(6, "ETAX-40005: Gagal registrasi, kode aktivasi sudah digunakan", Registration, [DemoCause.Activation, DemoCause.Passphrase]),
        new(40, "ETAX-20018: Range Nomor Faktur tidak tersedia", Invoices, [DemoCause.SerialNumbers]),
        new(10, "ETAX-20018 Range Nomor Faktur tidak tersedia, NSFP habis", Invoices, [DemoCause.SerialNumbers]),
        new(8, "ETAX-30022: File sertifikat elektronik belum di-set", UploadOrInvoices, [DemoCause.Corrupt]),
        new(6, "ETAX-30023: Sertifikat elektronik tidak dapat digunakan", UploadOrInvoices, [DemoCause.Expired, DemoCause.Corrupt]),
        new(12, "Coretax: Signing In Progress tidak selesai", ["Tanda tangan faktur Coretax"], [DemoCause.Coretax, DemoCause.Outage]),
        new(10, "Coretax: Saved Invalid saat tanda tangan faktur", ["Tanda tangan faktur Coretax"], [DemoCause.Coretax, DemoCause.Passphrase]),
        new(6, "Coretax: Format Pola Tidak Valid waktu buat passphrase", ["Pembuatan Kode Otorisasi DJP"], [DemoCause.Coretax]),
        new(5, "REG-KODJP-00003", ["Pembuatan Kode Otorisasi DJP"], [DemoCause.Coretax]),
        new(4, "REG-KODJP-00024", ["Pembuatan Kode Otorisasi DJP"], [DemoCause.Coretax]),
        new(4, "Coretax: validasi wajah gagal", ["Pembuatan Kode Otorisasi DJP"], [DemoCause.Coretax]),
    ];

    /// <summary>What a DJP outage looks like: many clients, one code, one hour.</summary>
    public static readonly DemoErrorVariant[] OutageErrors =
    [
        new(3, "ETAX-40002: Error di Service", Upload, [DemoCause.Outage]),
        new(1, "ETAX-40002: Error di Service. Tidak dapat melakukan koneksi dengan service", Upload, [DemoCause.Outage]),
        new(1, "40002", Upload, [DemoCause.Outage]),
    ];

    public static readonly string[] Openers =
    [
        "{0} telp,", "{0} WA,", "Klien WA pagi ini,", "Admin pajak klien lapor,", "Staf finance telp lagi,", "{0} kirim email,",
        "Dapat info dari {0},", "", "", "",
    ];

    public static readonly Dictionary<string, string[]> Symptoms = new(StringComparer.Ordinal)
    {
        ["upload"] =
        [
            "katanya dari pagi gak bisa upload faktur, muncul error di service terus.",
            "upload faktur nyangkut di Start Uploader, keluar error.",
            "Management Upload gagal semua, ada {1} faktur pending.",
            "faktur sudah direkam tapi pas upload gagal terus.",
            "uploader jalan sebentar lalu berhenti dengan error.",
        ],
        ["registration"] =
        [
            "baru instal ulang e-Faktur, pas registrasi keluar error.",
            "mau aktivasi e-Faktur di laptop baru, kode aktivasi sudah dimasukkan tapi gagal.",
            "registrasi ulang e-Faktur gagal terus sejak kemarin.",
        ],
        ["invoices"] =
        [
            "mau batalin faktur bulan lalu gak bisa.",
            "rekam faktur baru error terus.",
            "pembatan faktur gagal, statusnya tetap approval sukses.",
            "buat faktur pengganti gagal.",
        ],
        ["sync"] =
        [
            "habis pindah alamat, sinkronisasi profil gagal.",
            "sinkronisasi profil PKP muter terus lalu error.",
        ],
        ["coretax"] =
        [
            "di Coretax tanda tangan faktur gak selesai-selesai.",
            "Coretax error waktu tanda tangan, padahal kemarin normal.",
            "gak bisa buat Kode Otorisasi DJP di Coretax.",
        ],
    };

    public static readonly Dictionary<DemoCause, string[]> Clues = new()
    {
        [DemoCause.Expired] =
        [
            "Sertifikatnya kayaknya udah kadaluwarsa, terbit 2 tahun lalu.", "Katanya sertel habis masa berlaku.",
            "Sudah 2 tahun gak perpanjang sertel.", "Cek tanggal sertel, sepertinya expired bulan lalu.",
        ],
        [DemoCause.Corrupt] =
        [
            "Laptop baru ganti minggu lalu, file sertel dicopy pakai flashdisk.", "Abis kena virus, PC di-install ulang.",
            "File .p12 dipindah-pindah folder.", "PC lama rusak, e-Faktur dipindah ke komputer lain.",
        ],
        [DemoCause.Passphrase] =
        [
            "Lupa passphrase, yang pegang sudah resign.", "Passphrase salah katanya, padahal sudah coba berkali-kali.",
            "Kemungkinan salah huruf besar kecil di passphrase.",
        ],
        [DemoCause.Network] =
        [
            "Pakai jaringan kantor, ada proxy.", "Antivirus baru dipasang, mungkin ngeblok.",
            "Jam komputer ternyata salah tanggal.", "Internet kantor lagi lemot, pakai WiFi tamu.",
        ],
        [DemoCause.Outage] = ["Klien lain juga lapor error yang sama jam ini.", "DJP lagi maintenance?", "Semua PC di kantornya kena."],
        [DemoCause.SerialNumbers] = ["NSFP sepertinya sudah habis.", "Belum minta nomor seri faktur tahun ini."],
        [DemoCause.Activation] = ["Kode aktivasi dari surat KPP, mungkin salah ketik.", "Kode aktivasinya yang lama."],
        [DemoCause.Coretax] = ["Kode Otorisasi DJP-nya mungkin sudah habis.", "Baru pindah ke Coretax bulan ini."],
        [DemoCause.Unknown] = ["Belum tahu sebabnya.", "", ""],
    };

    public static readonly string[] Closers =
    [
        "Minta dibantu hari ini.", "Masa PPN mau habis, urgent.", "Sudah coba restart, tetap sama.", "Tolong ditelpon balik.",
        "", "", "",
    ];

    public static readonly Dictionary<DemoCause, string[]> Resolutions = new()
    {
        [DemoCause.Expired] =
        [
            "Sertifikat elektronik kedaluwarsa. Direktur datang ke {0} membawa surat permohonan, akta, KTP dan NPWP pengurus; sertel baru terbit hari itu dan diimpor di Referensi > Administrasi Sertifikat. Upload normal.",
            "Sertel habis masa berlaku (2 tahun). Permohonan sertel baru di {0}, diimpor ulang; aplikasi tidak perlu registrasi ulang. Berhasil upload.",
        ],
        [DemoCause.Corrupt] =
        [
            "Sertel korup (file dipindah lewat flashdisk). Unduh ulang lewat e-Nofa menu Download Sertifikat Digital, impor di Referensi > Administrasi Sertifikat, restart uploader. Berhasil.",
            "File sertifikat rusak setelah install ulang. Diunduh ulang dari e-Nofa dan diimpor; upload normal. Klien diingatkan tidak memindah file sertel.",
        ],
        [DemoCause.Passphrase] =
        [
            "Passphrase salah ketik (huruf besar/kecil). Setelah dimasukkan ulang dengan benar, upload berhasil.",
            "Passphrase lupa: sertel dicabut dan diminta baru di {0}. Sertel baru sudah diimpor.",
        ],
        [DemoCause.Network] =
        [
            "Proxy kantor memblokir svc.efaktur.pajak.go.id. Setting proxy di Referensi > Setting Aplikasi dan whitelist di firewall; upload normal.",
            "Jam komputer salah, dibetulkan; koneksi ke server DJP normal.",
            "Antivirus memblokir e-Faktur, dibuat pengecualian. Berhasil.",
        ],
        [DemoCause.Outage] = ["Gangguan layanan DJP; setelah layanan pulih upload berhasil. Klien lain sudah diinformasikan."],
        [DemoCause.SerialNumbers] = ["NSFP habis. Permintaan nomor seri faktur lewat e-Nofa, range baru diinput di Referensi > Nomor Seri Faktur."],
        [DemoCause.Activation] = ["Kode aktivasi salah; dipakai kode aktivasi yang benar dari surat KPP, registrasi berhasil."],
        [DemoCause.Coretax] = ["Kode Otorisasi DJP diperbarui lewat Coretax; tanda tangan faktur berhasil.", "Dibantu ulang proses di Coretax setelah antrean DJP selesai; status faktur sudah Approved."],
        [DemoCause.Unknown] = ["Dipandu remote: restart aplikasi dan uploader, upload berhasil.", "Masalah selesai setelah update e-Faktur ke versi terbaru."],
    };

    /// <summary>Which symptom list fits what the client was doing.</summary>
    public static string SymptomKey(string? activity) => activity switch
    {
        null => "upload",
        _ when activity.Contains("Coretax", StringComparison.Ordinal) || activity.Contains("Otorisasi", StringComparison.Ordinal) => "coretax",
        _ when activity.Contains("egistrasi", StringComparison.Ordinal) || activity.Contains("ktivasi", StringComparison.Ordinal) => "registration",
        _ when activity.Contains("inkronisasi", StringComparison.Ordinal) => "sync",
        _ when activity.Contains("aktur", StringComparison.Ordinal) && !activity.Contains("pload", StringComparison.Ordinal) => "invoices",
        _ => "upload",
    };
}
