using System.Text.RegularExpressions;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Domain.Clients;

public enum CertificateCheckOutcome
{
    Corrupt,
    WrongPassphrase,
    Expired,
    Valid,
    NpwpMismatch,
}

public enum CertificateReadStatus
{
    /// <summary>Not a PKCS#12 file, or a damaged one.</summary>
    Corrupt,

    /// <summary>A well-formed PKCS#12 file whose integrity check fails with the passphrase given.</summary>
    WrongPassphrase,

    Read,
}

/// <summary>
/// What opening a client's .p12 with its passphrase showed: the certificate's validity and the numbers
/// of 15 or 16 digits found in its subject and alternative names. Holds nothing of the file or the passphrase.
/// </summary>
public sealed record CertificateReading(
    CertificateReadStatus Status,
    DateTimeOffset? NotBefore,
    DateTimeOffset? NotAfter,
    IReadOnlyList<string> SubjectNumbers)
{
    public static CertificateReading Corrupt { get; } = new(CertificateReadStatus.Corrupt, null, null, []);

    public static CertificateReading WrongPassphrase { get; } = new(CertificateReadStatus.WrongPassphrase, null, null, []);
}

/// <summary>
/// The last check of a client's certificate file: its outcome, the certificate's validity as WIB dates,
/// the NPWP its subject carries (16 digits) and who checked. Never the file, never the passphrase.
/// </summary>
public sealed partial record CertificateCheck(
    CertificateCheckOutcome Outcome,
    DateTimeOffset CheckedAt,
    DateOnly? NotBefore,
    DateOnly? NotAfter,
    string? SubjectNpwp,
    string CheckedById,
    string CheckedByName)
{
    /// <summary>
    /// The outcome of a reading for a client. A certificate of another taxpayer, or one that names none
    /// (DJP certificates always carry the NPWP), is a mismatch before anything else: its dates say nothing
    /// about this client. Otherwise it is expired when its last day (WIB) is before today (WIB).
    /// </summary>
    public static CertificateCheck Decide(CertificateReading reading, string clientNpwp, Actor checkedBy, DateTimeOffset now)
    {
        if (reading.Status != CertificateReadStatus.Read)
        {
            var outcome = reading.Status == CertificateReadStatus.Corrupt ? CertificateCheckOutcome.Corrupt : CertificateCheckOutcome.WrongPassphrase;
            return new(outcome, now, null, null, null, checkedBy.Id, checkedBy.Name);
        }

        var numbers = reading.SubjectNumbers.Select(NormalizeNpwp).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var matching = numbers.Contains(clientNpwp, StringComparer.Ordinal);
        var notBefore = reading.NotBefore is { } from ? WibDate(from) : (DateOnly?)null;
        var notAfter = reading.NotAfter is { } until ? WibDate(until) : (DateOnly?)null;
        var result = !matching ? CertificateCheckOutcome.NpwpMismatch
            : notAfter is { } last && last < WibDate(now) ? CertificateCheckOutcome.Expired
            : CertificateCheckOutcome.Valid;
        return new(result, now, notBefore, notAfter, matching ? clientNpwp : numbers.FirstOrDefault(), checkedBy.Id, checkedBy.Name);
    }

    /// <summary>Numbers of 15 or 16 digits in a text, dots and hyphens between digits allowed ("01.234.567.8-901.000").</summary>
    public static IEnumerable<string> FindNumbers(string text) =>
        NumberPattern().Matches(text).Select(match => new string(match.Value.Where(char.IsAsciiDigit).ToArray()));

    /// <summary>The 16-digit form: a 15-digit NPWP compares as "0" + its digits.</summary>
    public static string? NormalizeNpwp(string digits) => digits.Length switch
    {
        15 when digits.All(char.IsAsciiDigit) => "0" + digits,
        16 when digits.All(char.IsAsciiDigit) => digits,
        _ => null,
    };

    private static DateOnly WibDate(DateTimeOffset instant) => DateOnly.FromDateTime(Wib.ToWib(instant).DateTime);

    [GeneratedRegex(@"(?<![0-9])[0-9](?:[.\-]?[0-9]){14,15}(?![0-9])")]
    private static partial Regex NumberPattern();
}
