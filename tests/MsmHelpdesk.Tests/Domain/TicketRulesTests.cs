using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Sla;
using System.Text;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Tests.Domain;

public sealed class TicketWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);
    private static readonly Actor Sri = new("u1", "Sri");

    private static Ticket NewTicket() => Ticket.Open("MSM-2026-000001", Guid.NewGuid(),
        new TicketFields(null, TicketChannel.Phone, "ETAX-40002: Error di Service", "upload", "e-Faktur 4.0", null, TicketPriority.Normal, Now), Sri, Now, SlaRules.Default);

    [Fact]
    public void ShouldWalkTheWholeLifecycleAndRecordEveryMove()
    {
        var ticket = NewTicket();

        Assert.Null(ticket.MoveTo(TicketStatus.Triaged, null, Sri, Now, SlaRules.Default));
        Assert.Null(ticket.MoveTo(TicketStatus.InProgress, null, Sri, Now, SlaRules.Default));
        Assert.Null(ticket.MoveTo(TicketStatus.WaitingOnKpp, null, Sri, Now, SlaRules.Default));
        Assert.Null(ticket.MoveTo(TicketStatus.Resolved, "Sertifikat baru diimpor", Sri, Now, SlaRules.Default));
        Assert.Null(ticket.MoveTo(TicketStatus.Closed, null, Sri, Now, SlaRules.Default));
        Assert.Null(ticket.MoveTo(TicketStatus.InProgress, null, Sri, Now, SlaRules.Default));

        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Null(ticket.ClosedAt);
        Assert.Equal(7, ticket.Timeline.Count);
        Assert.Equal(6, ticket.Version);
    }

    [Theory]
    [InlineData(TicketStatus.Resolved)]
    [InlineData(TicketStatus.Closed)]
    [InlineData(TicketStatus.InProgress)]
    [InlineData(TicketStatus.New)]
    public void ShouldRefuseAnIllegalMoveFromNew(TicketStatus to)
    {
        var ticket = NewTicket();

        var refused = ticket.MoveTo(to, "ringkasan", Sri, Now, SlaRules.Default);

        Assert.Equal(DomainErrorCode.TicketIllegalMove, refused!.Code);
        Assert.Equal([TicketStatus.New, to], refused.Arguments);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Single(ticket.Timeline);
    }

    [Fact]
    public void ShouldNeedASummaryToResolve()
    {
        var ticket = NewTicket();
        ticket.MoveTo(TicketStatus.Triaged, null, Sri, Now, SlaRules.Default);
        ticket.MoveTo(TicketStatus.InProgress, null, Sri, Now, SlaRules.Default);

        Assert.Equal(DomainErrorCode.TicketResolutionRequired, ticket.MoveTo(TicketStatus.Resolved, "   ", Sri, Now, SlaRules.Default)!.Code);
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
    }

    [Fact]
    public void ShouldRecordOnlyTheFieldsThatChanged()
    {
        var ticket = NewTicket();

        ticket.Edit(new TicketFields(null, TicketChannel.WhatsApp, "ETAX-40002: Error di Service", "upload", "e-Faktur 4.0", "PC baru", TicketPriority.High, Now), Sri, Now, SlaRules.Default);

        var changes = ticket.Timeline.Where(e => e.Kind == TimelineKind.FieldChanged).Select(e => (e.Field, e.OldValue, e.NewValue)).ToArray();
        Assert.Equal([("Channel", "Phone", "WhatsApp"), ("Description", null, "PC baru"), ("Priority", "Normal", "High")], changes);
    }
}

public sealed class ErrorCodeTests
{
    [Theory]
    [InlineData("ETAX-40002: Error di Service", "ETAX-40002")]
    [InlineData("muncul etaxservice-40002 User tidak ditemukan", "ETAXSERVICE-40002")]
    [InlineData("ETAX 40001 Tidak dapat menghubungi E-TaxInvoice Server", "ETAX-40001")]
    [InlineData("REG-KODJP-00024", "REG-KODJP-00024")]
    [InlineData("error 40002 waktu upload", null)]
    [InlineData("", null)]
    public void ShouldKeepThePrefixThatDecidesTheError(string text, string? code) => Assert.Equal(code, ErrorCodes.Extract(text));
}

public sealed class SecretGuardTests
{
    [Theory]
    [InlineData("passphrase: Rahasia123", "passphrase: [disamarkan]")]
    [InlineData("Klien bilang Passphrase sertifikat = Abc12345 tapi gagal", "Klien bilang Passphrase sertifikat = [disamarkan] tapi gagal")]
    [InlineData("password e-nofa adalah qwerty99!", "password e-nofa adalah [disamarkan]")]
    [InlineData("kata sandi: Jakarta2024", "kata sandi: [disamarkan]")]
    public void ShouldFindAndRedactAPassphrase(string text, string redacted)
    {
        Assert.True(SecretGuard.ContainsSecret(text));
        Assert.Equal(redacted, SecretGuard.Redact(text));
        Assert.False(SecretGuard.ContainsSecret(SecretGuard.Redact(text)));
    }

    [Theory]
    [InlineData("Klien lupa passphrase, perlu sertifikat baru")]
    [InlineData("passphrase salah waktu upload")]
    [InlineData("Pemegang passphrase: Bu Ani")]
    [InlineData("ETAX-40002 Error di Service")]
    public void ShouldLeaveOrdinaryTextAlone(string text) => Assert.False(SecretGuard.ContainsSecret(text));
}

public sealed class FileSignatureTests
{
    [Fact]
    public void ShouldRecogniseAllowedTypesByContent()
    {
        Assert.Equal("image/png", FileSignature.AllowedContentType([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]));
        Assert.Null(FileSignature.AllowedContentType([0xC2, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
        Assert.Equal("image/jpeg", FileSignature.AllowedContentType([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal("application/pdf", FileSignature.AllowedContentType("%PDF-1.7"u8));
        Assert.Equal("text/plain", FileSignature.AllowedContentType(Encoding.UTF8.GetBytes("2026-11-25 ERROR ETAX-40002 koneksi gagal")));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("<!DOCTYPE html><html><script>alert(1)</script></html>")]
    [InlineData("  <html><body>hi</body></html>")]
    [InlineData("log line\n<script>alert(1)</script>")]
    public void ShouldRefuseHtmlAndSvgEvenNamedAsPictures(string content) =>
        Assert.Null(FileSignature.AllowedContentType(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void ShouldRefuseUnknownBinaryContent() => Assert.Null(FileSignature.AllowedContentType([0x4D, 0x5A, 0x90, 0x00, 0x03]));
}
