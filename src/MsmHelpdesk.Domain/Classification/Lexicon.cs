namespace MsmHelpdesk.Domain.Classification;

/// <summary>
/// Informal Indonesian and English spellings folded onto one canonical word, plus the small word classes the
/// classifier reasons with (negations, modals, hedges). Keys are compared after lower-casing and collapsing
/// repeated letters, so "nggak" and "ngak", "kadaluarsa" and "kadaluarrsa" are the same key.
/// </summary>
internal static class Lexicon
{
    public static readonly (string Canonical, string[] Variants)[] Synonyms =
    [
        ("tidak", ["tidak", "gak", "ga", "nggak", "ngga", "enggak", "engga", "tdk", "tak", "gk", "g", "ndak", "kagak", "not", "no", "isn", "wasn", "aren", "weren", "doesn", "don", "didn", "hasn", "haven", "won"]),
        ("bukan", ["bukan", "bkn", "bukannya"]),
        ("belum", ["belum", "blm", "blom", "belom", "yet"]),
        ("tanpa", ["tanpa", "without"]),
        ("never", ["never"]),
        ("sudah", ["sudah", "udah", "sdh", "udh", "dah", "sudh", "already"]),
        ("bisa", ["bisa", "bs", "bsa", "dapat", "can", "could", "cannot", "cant", "mampu", "berhasil"]),
        ("kira", ["kira", "kirain", "thought", "assumed", "dikira", "mengira", "nyangka"]),
        ("ternyata", ["ternyata", "trnyata", "rupanya"]),
        ("kedaluwarsa", ["kedaluwarsa", "kadaluarsa", "kedaluarsa", "kadaluwarsa", "kadarluarsa", "kadaluarso", "daluwarsa", "expired", "expire", "expires", "expiry", "exp", "kdaluarsa", "kdluarsa"]),
        ("upload", ["upload", "unggah", "uploader", "uploading", "uploaded", "uplod", "aplod", "upld"]),
        ("sertifikat", ["sertifikat", "sertel", "sertifikt", "sertipikat", "sertif", "serti", "cert", "certificate", "certificates", "sertificate", "sertifikate"]),
        ("passphrase", ["passphrase", "passphrasenya", "pasphrase", "passprase", "pasprase", "passfrase", "pasfrase", "passphare", "paraphrase"]),
        ("password", ["password", "pasword", "passwd", "pwd", "sandi", "pw", "pass", "paswd"]),
        ("faktur", ["faktur", "invoice", "invoices", "fakturnya"]),
        ("buat", ["buat", "bikin", "create", "creating", "created", "creation", "make", "making", "pembuatan"]),
        ("batal", ["batal", "cancel", "cancelling", "canceling", "cancellation", "cancelled", "canceled", "pembatalan", "batalin", "void"]),
        ("registrasi", ["registrasi", "register", "registering", "registration", "registered", "regis", "pendaftaran"]),
        ("aktivasi", ["aktivasi", "aktifasi", "activation", "activate", "activating", "aktifkan", "aktivasikan"]),
        ("sinkron", ["sinkron", "sinkronisasi", "singkron", "singkronisasi", "sync", "syncing", "synchronize", "synchronise", "synchronization", "synchronisation", "synchronizing", "sinkronkan", "sinkronin"]),
        ("profil", ["profil", "profile", "profiles"]),
        ("komputer", ["komputer", "computer", "pc", "laptop", "notebook", "kompi", "desktop"]),
        ("baru", ["baru", "new", "newly"]),
        ("reinstall", ["reinstall", "reinstal", "reinstalled", "reinstalasi", "reformat", "reformatted"]),
        ("install", ["install", "instal", "installed", "instalasi", "installasi"]),
        ("ulang", ["ulang", "again", "kembali"]),
        ("flashdisk", ["flashdisk", "flashdrive", "fd", "usb", "thumbdrive"]),
        ("pindah", ["pindah", "move", "moved", "moving", "pindahkan", "dipindahkan", "transfer", "transferred"]),
        ("copy", ["copy", "copied", "kopi", "salin", "copas", "dicopas"]),
        ("virus", ["virus", "malware", "ransomware", "trojan"]),
        ("rusak", ["rusak", "corrupt", "corrupted", "korup", "korupt", "corup", "damaged", "broken"]),
        ("salah", ["salah", "wrong", "incorrect", "keliru", "mistyped", "typo"]),
        ("lupa", ["lupa", "forgot", "forget", "forgotten", "lupain"]),
        ("benar", ["benar", "bener", "betul", "correct", "right"]),
        ("cocok", ["cocok", "match", "matches", "sesuai"]),
        ("proxy", ["proxy", "proksi", "proxi", "proxies"]),
        ("antivirus", ["antivirus", "antivirusnya", "avast", "kaspersky", "defender", "smadav", "mcafee", "norton", "eset"]),
        ("blokir", ["blokir", "blok", "block", "blocks", "blocked", "blocking", "blockir", "ngeblok", "ngeblock"]),
        ("jaringan", ["jaringan", "network", "wifi", "lan", "networks"]),
        ("kantor", ["kantor", "office", "company"]),
        ("clock", ["clock"]),
        ("tanggal", ["tanggal", "tgl", "date"]),
        ("gangguan", ["gangguan", "outage", "disruption", "disturbance"]),
        ("maintenance", ["maintenance", "pemeliharaan", "maintenence"]),
        ("klien", ["klien", "client", "clients", "pelanggan", "customer", "customers", "wp"]),
        ("lain", ["lain", "other", "others", "lainnya"]),
        ("semua", ["semua", "all", "seluruh", "every"]),
        ("banyak", ["banyak", "many", "several", "beberapa", "multiple"]),
        ("tahun", ["tahun", "thn", "th", "year", "years"]),
        ("2", ["2", "dua", "two"]),
        ("habis", ["habis", "abis", "ended", "ends", "berakhir", "finished"]),
        ("berlaku", ["berlaku", "validity"]),
        ("masih", ["masih", "still", "msh"]),
        ("perpanjang", ["perpanjang", "renew", "renewal", "renewed", "renewing", "perpanjangan", "diperpanjang"]),
        ("update", ["update", "updated", "updating", "upgrade", "perbarui", "pembaruan", "pemutakhiran", "diupdate", "apdet"]),
        ("aplikasi", ["aplikasi", "app", "application", "apk", "apps", "aplikasinya"]),
        ("versi", ["versi", "version"]),
        ("lama", ["lama", "old", "outdated", "jadul"]),
        ("signing", ["signing", "sign", "penandatanganan", "ttd", "tandatangan"]),
        ("wajah", ["wajah", "face", "muka"]),
        ("validasi", ["validasi", "validation", "verifikasi", "verification"]),
        ("kode", ["kode", "code"]),
        ("sesi", ["sesi", "session"]),
        ("down", ["down", "mati", "tumbang"]),
        ("internet", ["internet", "inet"]),
        ("lancar", ["lancar", "normal", "stabil", "stable", "fine"]),
        ("terbit", ["terbit", "issued", "diterbitkan", "penerbitan"]),
        ("set", ["set", "setting", "diset", "atur", "diatur", "configured"]),
        ("ganti", ["ganti", "change", "changed", "replace", "replaced", "tukar"]),
        // Chat abbreviations: folded so the text model counts "sy" and "saya", "pw" and "password" as one word.
        ("saya", ["saya", "sy", "sya", "aku", "gw", "gue", "gua"]),
        ("yang", ["yang", "yg"]),
        ("karena", ["karena", "krn", "karna", "krna", "gara", "because", "coz"]),
        ("tapi", ["tapi", "tp", "tpi", "but"]),
        ("lagi", ["lagi", "lg", "lgi"]),
        ("dengan", ["dengan", "dgn", "dg", "with"]),
        ("efaktur", ["efaktur", "efaktr", "efakture"]),
    ];

    public static readonly string[] Negations = ["tidak", "bukan", "belum", "tanpa", "never"];

    /// <summary>After a negation these mean "cannot": "tidak bisa upload karena proxy" still blames the proxy.</summary>
    public static readonly string[] Modals = ["bisa"];

    /// <summary>A belief proved wrong: "mengira sertifikat expired, ternyata proxy" weakens what follows.</summary>
    public static readonly string[] Hedges = ["kira"];

    /// <summary>"ternyata ..." introduces what was actually found: it strengthens what follows in the sentence.</summary>
    public static readonly string[] Findings = ["ternyata"];

    /// <summary>Common words one edit away from a key word ("tahu"/"tahun", "besar"/"benar"): never typo targets.</summary>
    public static readonly string[] NoTypoTargets =
        ["tidak", "bukan", "belum", "sudah", "tahun", "benar", "masih", "lebih", "lewat", "other", "never", "banyak", "semua", "valid", "waktu", "tanda", "baru", "lama", "lain", "dapat", "bisa", "ganti", "habis", "kira", "masukan", "keluaran", "input", "start", "after", "right"];

    /// <summary>Indonesian prefixes with the letter a nasal prefix replaced ("menyinkronkan" → "sinkron").</summary>
    public static readonly (string Prefix, string Restore)[] Prefixes =
    [
        ("di", ""), ("ter", ""), ("ber", ""), ("be", ""), ("ke", ""),
        ("me", ""), ("mem", ""), ("mem", "p"), ("men", ""), ("men", "t"), ("meng", ""), ("meng", "k"), ("meny", "s"),
        ("pe", ""), ("pem", ""), ("pem", "p"), ("pen", ""), ("pen", "t"), ("peng", ""), ("peng", "k"), ("peny", "s"),
        ("per", ""), ("nge", ""), ("ng", ""),
    ];

    /// <summary>Outer suffixes (particles) and inner suffixes; English inflections are inner.</summary>
    public static readonly string[] OuterSuffixes = ["nya", "lah", "pun"];

    public static readonly string[] InnerSuffixes = ["kan", "an", "in", "ing", "ed", "es", "s"];
}
