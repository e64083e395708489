using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Tests.Domain.Tickets;

/// <summary>
/// The detector's table (issue 16): ways people write a passphrase into a ticket, each of which must be caught and
/// redacted, and sentences about passphrases that must pass. The first 21 rows are the probe's variants.
/// </summary>
public sealed class SecretGuardTableTests
{
    public static TheoryData<string, string> Secrets() => new()
    {
        // The probe's variants: no separator, -nya, a qualifier, Indonesian words, "pass:", full-width colon, line break.
        { "passphrase Rahasia123", "Rahasia123" },
        { "passphrasenya: Rahasia123", "Rahasia123" },
        { "passphrasenya Rahasia123", "Rahasia123" },
        { "passphrase-nya: Rahasia123", "Rahasia123" },
        { "passphrase sertel klien: Rahasia123", "Rahasia123" },
        { "passphrase sertifikat elektronik klien = Rahasia123", "Rahasia123" },
        { "sandinya: Jakarta2024", "Jakarta2024" },
        { "sandinya Jakarta2024", "Jakarta2024" },
        { "kata sandi Jakarta2024", "Jakarta2024" },
        { "kata sandi: Jakarta2024", "Jakarta2024" },
        { "kata-sandi: Jakarta2024", "Jakarta2024" },
        { "katasandi Jakarta2024", "Jakarta2024" },
        { "pass: Rahasia123", "Rahasia123" },
        { "pass Rahasia123", "Rahasia123" },
        { "passphrase：Rahasia123", "Rahasia123" },
        { "kata sandi e-nofa：qwerty99!", "qwerty99!" },
        { "passphrase:\nRahasia123", "Rahasia123" },
        { "passphrase\nRahasia123", "Rahasia123" },
        { "passphrase sertel klien:\r\n  Rahasia123", "Rahasia123" },
        { "PASSPHRASE RAHASIA123", "RAHASIA123" },
        { "Passphrase adalah Rahasia123", "Rahasia123" },

        // English and the other words for it.
        { "password: Hunter2024", "Hunter2024" },
        { "password is hunter22", "hunter22" },
        { "my password is S3cret!", "S3cret!" },
        { "the password for e-Faktur = abc12345", "abc12345" },
        { "passwd=abc12345", "abc12345" },
        { "pwd: abc12345", "abc12345" },
        { "pwd abc12345", "abc12345" },
        { "pass phrase: Rahasia123", "Rahasia123" },
        { "pass-phrase Rahasia123", "Rahasia123" },
        { "pass word: Rahasia123", "Rahasia123" },
        { "passwordnya Rahasia123", "Rahasia123" },
        { "password-nya: Rahasia123", "Rahasia123" },
        { "PIN 482913", "482913" },
        { "PIN-nya 482913", "482913" },
        { "pin: 4829", "4829" },
        { "sandi: Merdeka45", "Merdeka45" },
        { "sandi e-Nofa baru = Merdeka45", "Merdeka45" },
        { "kata sandi akun DJP: Merdeka#45", "Merdeka#45" },

        // Values that are words, behind an unmistakable separator.
        { "passphrase: Rahasia", "Rahasia" },
        { "sandi: kucingku", "kucingku" },
        { "password = jakartaselatan", "jakartaselatan" },

        // Quotes, dashes, other separators and surroundings.
        { "passphrase \"Rahasia123\" katanya", "Rahasia123" },
        { "passphrase 'Rahasia123'", "Rahasia123" },
        { "passphrase - Rahasia123", "Rahasia123" },
        { "passphrase -> Rahasia123", "Rahasia123" },
        { "passphrase yaitu Rahasia123", "Rahasia123" },
        { "passphrase ialah Rahasia123.", "Rahasia123" },
        { "Klien kirim passphrase: Rahasia2024 lewat WA", "Rahasia2024" },
        { "Sudah dicoba, passphrase sertel = P@ssw0rd tetap gagal", "P@ssw0rd" },
        { "Catatan: passphrase yang dikirim Pak Budi: Rahasia123", "Rahasia123" },
        { "passphrase RahasiaKu", "RahasiaKu" },
        { "berpassword Rahasia123", "Rahasia123" },
        { "passphrase untuk sertel PT Maju: Maju2024!", "Maju2024!" },
        { "password\tRahasia123", "Rahasia123" },
        { "Passphrase sertifikat: 12345678", "12345678" },
    };

    public static TheoryData<string> OrdinarySentences() =>
    [
        "passphrase-nya salah",
        "lupa passphrase",
        "passphrase sudah diganti kemarin",
        "minta klien ketik ulang sandinya",
        "Klien lupa passphrase, perlu sertifikat baru",
        "passphrase salah waktu upload",
        "Pemegang passphrase: Bu Ani",
        "Pemegang passphrase: Bapak Joko Santoso",
        "ETAX-40002 Error di Service",
        "Passphrase sertel klien sudah expired sejak 2024",
        "password e-Faktur 3 kali salah, akun terkunci",
        "Pesan error: passphrase salah (ETAX-40002)",
        "Klien tanya: apakah passphrase bisa direset?",
        "Passphrase: lupa, minta buat baru",
        "Passphrase: Tidak diketahui",
        "Sandi e-Nofa: belum dibuat",
        "Passphrase: sudah dicoba 3x",
        "Pak Sandi dari PT Maju minta dihubungi di 0812-3456-7890",
        "the password is incorrect",
        "Password expired, client must renew the certificate",
        "passphrase: diganti kemarin oleh klien",
        "PIN: dikirim lewat SMS ke klien",
        "Kata sandi DJP Online berbeda dengan passphrase sertel",
        "Klien mengetik passphrase dengan Caps Lock menyala",
        "Passphrase minimal 8 karakter",
        "Apakah passphrase case-sensitive?",
        "passphrase berkali-kali ditolak",
        "Sudah reset password DJP Online tahun 2025",
        "Kata kunci pencarian: ETAX",
        "Passphrase sertel 2026-12-01 kedaluwarsa",
        "Klien belum tahu passphrase-nya, akan tanya direktur",
        "Kirim ulang PIN ke email sandi@msm.co.id",
        "passphrase: [disamarkan]",
        "Passphrase tidak boleh disimpan di helpdesk",
        "Klien bilang passphrasenya hilang",
        "Masukkan ulang passphrase: huruf besar dan kecil dibedakan.",
        "Masuk dengan NPWP dan password e-Nofa (menunya ada di e-Nofa, bukan di e-Faktur)",
        "Passphrase lupa: sertel dicabut dan diminta baru di KPP",
        "Jangan simpan passphrase di helpdesk: catat hanya siapa yang memegangnya",
        "passphrase adalah rahasia klien",
    ];

    [Theory]
    [MemberData(nameof(Secrets))]
    public void ShouldCatchAndRedactEveryWayOfWritingAPassphrase(string text, string value)
    {
        Assert.True(SecretGuard.ContainsSecret(text), $"not caught: {text}");
        var redacted = SecretGuard.Redact(text);
        Assert.DoesNotContain(value.TrimEnd('!'), redacted, StringComparison.Ordinal);
        Assert.Contains(SecretGuard.Redacted, redacted, StringComparison.Ordinal);
        Assert.False(SecretGuard.ContainsSecret(redacted), $"still caught after redaction: {redacted}");
    }

    [Theory]
    [MemberData(nameof(OrdinarySentences))]
    public void ShouldLetSentencesAboutPassphrasesPass(string text) => Assert.False(SecretGuard.ContainsSecret(text), $"refused: {text}");

    [Fact]
    public void ShouldHoldAtLeastFiftySecretsAndThirtyOrdinarySentences()
    {
        Assert.True(Secrets().Count >= 50);
        Assert.True(OrdinarySentences().Count >= 30);
    }
}
