using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Tests.Domain.Clients;

public sealed class CertificateCheckRulesTests
{
    private const string ClientNpwp = "0012345674901000";
    private static readonly Actor Budi = new("user-1", "Budi");

    // 10 Jan 2025 23:00 WIB: the last day of the certificate in WIB.
    private static readonly DateTimeOffset LastInstant = new(2025, 1, 10, 16, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2025-01-10T16:59:00+00:00", CertificateCheckOutcome.Valid)]
    [InlineData("2025-01-10T17:00:00+00:00", CertificateCheckOutcome.Expired)]
    public void ShouldCountTheLastWibDayAsValidAndTheNextAsExpired(string now, CertificateCheckOutcome expected)
    {
        var check = CertificateCheck.Decide(Reading(LastInstant, ClientNpwp), ClientNpwp, Budi, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(new DateOnly(2025, 1, 10), check.NotAfter);
    }

    [Theory]
    [InlineData("012345674901000")]
    [InlineData("0012345674901000")]
    public void ShouldCompareAFifteenDigitNumberAsZeroAndItsFifteenDigits(string inCertificate)
    {
        var check = CertificateCheck.Decide(Reading(LastInstant, inCertificate), ClientNpwp, Budi, LastInstant.AddDays(-1));

        Assert.Equal(CertificateCheckOutcome.Valid, check.Outcome);
        Assert.Equal(ClientNpwp, check.SubjectNpwp);
    }

    [Theory]
    [InlineData("NIK 12345678901234 dan 123456789012345678", new string[0])]
    [InlineData("CN=01.234.567.4-901.000, SERIALNUMBER=0021234562011001", new[] { "012345674901000", "0021234562011001" })]
    public void ShouldFindOnlyNumbersOfFifteenOrSixteenDigits(string text, string[] expected) =>
        Assert.Equal(expected, CertificateCheck.FindNumbers(text).ToArray());

    [Fact]
    public void ShouldReportMismatchBeforeExpiryWhenTheCertificateIsAnotherTaxpayers()
    {
        var check = CertificateCheck.Decide(Reading(LastInstant, "0021234562011001"), ClientNpwp, Budi, LastInstant.AddYears(1));

        Assert.Equal(CertificateCheckOutcome.NpwpMismatch, check.Outcome);
        Assert.Equal("0021234562011001", check.SubjectNpwp);
    }

    [Fact]
    public void ShouldLeaveTheClientsDatesAloneUnlessTheCertificateIsTheClientsAndReadable()
    {
        var client = Client.Register("PT Maju Jaya", Npwp.Parse(ClientNpwp).Npwp!, LastInstant);
        var mismatch = CertificateCheck.Decide(Reading(LastInstant, "0021234562011001"), ClientNpwp, Budi, LastInstant);
        var wrongPassphrase = CertificateCheck.Decide(CertificateReading.WrongPassphrase, ClientNpwp, Budi, LastInstant);

        Assert.False(client.RecordCertificateCheck(mismatch, LastInstant));
        Assert.False(client.RecordCertificateCheck(wrongPassphrase, LastInstant));
        Assert.Null(client.CertificateExpiresOn);
        Assert.Equal(CertificateCheckOutcome.WrongPassphrase, client.LastCertificateCheck!.Outcome);
        Assert.True(client.RecordCertificateCheck(CertificateCheck.Decide(Reading(LastInstant, ClientNpwp), ClientNpwp, Budi, LastInstant), LastInstant));
        Assert.Equal(new DateOnly(2025, 1, 10), client.CertificateExpiresOn);
    }

    private static CertificateReading Reading(DateTimeOffset notAfter, string number) =>
        new(CertificateReadStatus.Read, notAfter.AddYears(-2), notAfter, [number]);
}
