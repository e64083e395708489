using System.Globalization;

namespace MsmHelpdesk.Domain.Classification;

/// <summary>Recorded facts about the client's certificate: its dates and the last .p12 check.</summary>
public sealed partial class Classifier
{
    /// <summary>
    /// A consultant opened the client's .p12 with the client's passphrase: a corrupt file or a refused passphrase
    /// is a fact about this client's certificate, as strong as its dates. Expired and valid come in through the dates.
    /// </summary>
    private static Cause? FileCheckFacts(ClassificationInput input, Work work, List<Evidence> evidence)
    {
        if (input.CertificateCheck is not { } outcome || input.CertificateCheckedAt is not { } checkedAt
            || (input.ReportedAt is { } reported && (checkedAt - reported).Duration() > TimeSpan.FromDays(30)))
        {
            return null;
        }

        var (cause, weight, what) = outcome switch
        {
            Clients.CertificateCheckOutcome.Corrupt => (Cause.CorruptCertificate, ExpiredByDateWeight, "berkas .p12 rusak"),
            Clients.CertificateCheckOutcome.WrongPassphrase => (Cause.WrongPassphrase, ExpiredByDateWeight, "passphrase dari klien ditolak"),
            Clients.CertificateCheckOutcome.NpwpMismatch => (Cause.CorruptCertificate, ExpiredByDateWeight / 2, "berkas .p12 milik NPWP lain"),
            _ => (Cause.Unknown, 0.0, ""),
        };
        if (weight <= 0)
        {
            return null;
        }

        work.Scores[CauseDimension][(int)cause] += weight;
        evidence.Add(new Evidence(Wire.PointsOf(cause),
            string.Create(CultureInfo.InvariantCulture, $"pemeriksaan sertifikat {Time.Wib.ToWib(checkedAt):yyyy-MM-dd}: {what}"),
            EvidenceField.Certificate, -1, 0, weight, EvidenceSource.Structured));
        return cause;
    }

    private bool CertificateFacts(ClassificationInput input, Work work, List<Evidence> evidence)
    {
        var expires = Clients.Client.ExpiryOf(input.CertificateIssuedOn, input.CertificateExpiresOn);
        if (expires is not { } expiry || input.ReportedAt is not { } reported)
        {
            return false;
        }

        var ticketDay = DateOnly.FromDateTime(Time.Wib.ToWib(reported).DateTime);
        var issued = input.CertificateIssuedOn is { } on ? $"sertifikat terbit {Iso(on)}, " : "sertifikat ";
        var how = input.CertificateExpiresOn is null ? "berlaku 2 tahun sampai" : "kedaluwarsa";
        if (expiry < ticketDay)
        {
            work.Scores[CauseDimension][(int)Cause.ExpiredCertificate] += ExpiredByDateWeight;
            evidence.Add(new Evidence(Wire.PointsOf(Cause.ExpiredCertificate),
                $"{issued}{how} {Iso(expiry)} (sebelum tanggal tiket {Iso(ticketDay)})",
                EvidenceField.Certificate, -1, 0, ExpiredByDateWeight, EvidenceSource.Structured));
            return true;
        }

        work.Scores[CauseDimension][(int)Cause.ExpiredCertificate] += ValidByDateWeight;
        evidence.Add(new Evidence(Wire.PointsOf(Cause.ExpiredCertificate),
            $"{issued}masih berlaku sampai {Iso(expiry)} (tanggal tiket {Iso(ticketDay)})",
            EvidenceField.Certificate, -1, 0, ValidByDateWeight, EvidenceSource.Structured));
        return false;

        static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
