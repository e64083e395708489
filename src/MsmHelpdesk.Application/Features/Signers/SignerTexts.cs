using System.Globalization;
using MsmHelpdesk.Domain.Clients;

namespace MsmHelpdesk.Application.Features.Signers;

/// <summary>How signers and credentials are named in tickets, notifications and the audit trail.</summary>
public static class SignerTexts
{
    public const string AuditArea = "signers";
    public const int CoretaxRolesMaxLength = 200;
    public const int ProviderMaxLength = 60;

    /// <summary>The licensed providers (PSrE) named in DOMAIN-2026 §3C; others may be typed.</summary>
    public static IReadOnlyList<string> KnownProviders { get; } = ["Privy", "VIDA", "Vinotek", "Xignature", "BSrE", "Peruri", "TekenAja"];

    public static string Kind(CredentialKind kind, string? provider) => kind switch
    {
        CredentialKind.KodeOtorisasi => AppText.CredentialKindKodeOtorisasi,
        CredentialKind.SertifikatDjp => AppText.CredentialKindSertifikatDjp,
        _ => AppText.CredentialKindSertifikatPsre(provider ?? "PSrE"),
    };

    public static string Role(SignerRole role) => role switch
    {
        SignerRole.Pengurus => AppText.SignerRolePengurus,
        SignerRole.PenanggungJawab => AppText.SignerRolePenanggungJawab,
        _ => AppText.SignerRoleConsultant,
    };

    /// <summary>Neutral words for the audit trail, e.g. "Budi (Pengurus) · KodeOtorisasi 2025-01-02..2027-01-02".</summary>
    public static string Describe(CredentialDetails credential) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{credential.Kind}{(credential.Provider is { } provider ? " " + provider : "")} {credential.IssuedOn:yyyy-MM-dd}..{credential.ExpiresOn:yyyy-MM-dd}");

    public static string Describe(SignerDetails signer) =>
        $"{signer.Name.Trim()} ({signer.Role}{(string.IsNullOrWhiteSpace(signer.CoretaxRoles) ? "" : "; roles " + signer.CoretaxRoles.Trim())})";
}
