using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Domain.Clients;

/// <summary>The four ways a credential is renewed or made usable again (DOMAIN-2026 §3).</summary>
public enum RenewalRoute
{
    /// <summary>Legacy e-Faktur .p12 at the registered KPP, in person, by a pengurus (PER-04/PJ/2020): today's visit tracking.</summary>
    KppVisit,

    /// <summary>Coretax Kode Otorisasi / DJP sertifikat elektronik, self-service: face verification, passphrase, Periksa Status then generate.</summary>
    CoretaxSelfService,

    /// <summary>Activation fails because e-mail or phone differ from DJP's records: correction at the KPP or through Kring Pajak.</summary>
    ContactCorrection,

    /// <summary>A certified sertifikat elektronik from a licensed provider (PSrE), renewed under the provider's rules.</summary>
    LicensedProvider,
}

/// <summary>Which routes fit a ticket's credential and cause, and the steps each route puts on the ticket.</summary>
public static class RenewalRoutes
{
    /// <summary>The key steps of a route carry as their "cause", so choosing another route replaces untouched ones.</summary>
    public static string StepKey(RenewalRoute route) => route switch
    {
        RenewalRoute.KppVisit => "route:kpp-visit",
        RenewalRoute.CoretaxSelfService => "route:coretax-self-service",
        RenewalRoute.ContactCorrection => "route:contact-correction",
        _ => "route:licensed-provider",
    };

    /// <summary>
    /// The routes that fit, the best first. A known signer credential decides by its kind (a PSrE certificate goes to
    /// its provider, a Kode Otorisasi or DJP certificate is self-service); a data mismatch adds the correction route
    /// first; the legacy .p12 goes to the KPP, with Coretax self-service as the alternative DOMAIN-2026 §3A advises.
    /// Empty when the ticket is not about a credential.
    /// </summary>
    public static IReadOnlyList<RenewalRoute> Fitting(CredentialKind? signerCredential, bool legacyCertificate, TaxSystem system, string? scenario, string? cause)
    {
        var routes = new List<RenewalRoute>();
        if (Wire.ParseCause(cause ?? "") == Cause.AccountDataMismatch)
        {
            routes.Add(RenewalRoute.ContactCorrection);
        }

        if (signerCredential is { } kind)
        {
            routes.Add(kind == CredentialKind.SertifikatPsre ? RenewalRoute.LicensedProvider : RenewalRoute.CoretaxSelfService);
        }
        else if (legacyCertificate)
        {
            routes.Add(RenewalRoute.KppVisit);
            routes.Add(RenewalRoute.CoretaxSelfService);
        }
        else if (IsCredentialProblem(scenario, cause))
        {
            var coretax = system == TaxSystem.Coretax || (Wire.ParseScenario(scenario ?? "") is Scenario.CoretaxActivation or Scenario.CoretaxAccess or Scenario.CoretaxInvoice or Scenario.CoretaxReturn);
            routes.AddRange(coretax
                ? [RenewalRoute.CoretaxSelfService, RenewalRoute.LicensedProvider]
                : [RenewalRoute.KppVisit, RenewalRoute.CoretaxSelfService]);
        }

        return routes.Distinct().ToArray();
    }

    public static IReadOnlyList<string> Steps(RenewalRoute route) => route switch
    {
        RenewalRoute.KppVisit =>
        [
            "Timbang dulu: perpanjang .p12 di KPP, atau pindahkan klien ke faktur di Coretax (pembatalan, retur, SPT dan pengganti sudah wajib di Coretax).",
            "Kumpulkan dokumen: formulir permintaan, akta, KTP dan NPWP pengurus, pasfoto; klien menyiapkan passphrase baru (jangan dicatat di helpdesk).",
            "Jadwalkan kunjungan ke KPP tempat PKP terdaftar; pengurus dalam akta datang sendiri (PER-04/PJ/2020).",
            "Impor sertifikat baru di e-Faktur: Referensi > Administrasi Sertifikat, lalu uji upload satu faktur.",
            "Perbarui tanggal terbit dan kedaluwarsa sertifikat di data klien.",
        ],
        RenewalRoute.CoretaxSelfService =>
        [
            "Penandatangan masuk ke Coretax: Portal Saya > Permintaan Kode Otorisasi/Sertifikat Elektronik.",
            "Verifikasi wajah sesuai foto e-KTP (tanpa kacamata).",
            "Buat passphrase: min. 8 karakter dengan huruf besar, huruf kecil, angka dan simbol selain / ' + (jangan dicatat di helpdesk).",
            "Profil Saya > Nomor Identitas Eksternal > Digital Certificate: Periksa Status, lalu Menghasilkan sampai status valid.",
            "Catat tanggal terbit dan berakhir yang baru di data penandatangan klien.",
        ],
        RenewalRoute.ContactCorrection =>
        [
            "Pastikan e-mail dan nomor HP yang dipakai klien (tanda silang saat aktivasi = berbeda dengan data DJP).",
            "Perbarui data kontak lewat Kring Pajak 1500200 (verifikasi identitas) atau pemutakhiran data di KPP/KP2KP.",
            "Setelah data diperbarui, ulangi aktivasi akun dan permintaan Kode Otorisasi di Coretax.",
        ],
        _ =>
        [
            "Hubungi penyedia sertifikat (PSrE, mis. Privy, VIDA) dan ikuti aturan perpanjangannya; biasanya berbayar.",
            "Daftarkan sertifikat baru di Coretax dengan ID Penandatangan dari akun penyedia.",
            "Periksa status sertifikat di Coretax (Digital Certificate) sampai valid.",
            "Catat tanggal terbit dan berakhir yang baru di data penandatangan klien.",
        ],
    };

    private static bool IsCredentialProblem(string? scenario, string? cause) =>
        Wire.ParseCause(cause ?? "") is Cause.ExpiredCertificate or Cause.CorruptCertificate or Cause.WrongPassphrase or Cause.CredentialNotActivated
        || Wire.ParseScenario(scenario ?? "") == Scenario.CoretaxActivation;
}
