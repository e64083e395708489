using System.Globalization;
using MsmHelpdesk.Application;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Tests.Application;

public sealed class DomainErrorTextTests
{
    private static readonly DomainError[] EveryRefusal =
    [
        DomainError.TicketIllegalMove(TicketStatus.New, TicketStatus.Resolved),
        DomainError.TicketResolutionRequired,
        DomainError.TicketNotWaitingOnClient(TicketStatus.InProgress),
        DomainError.StepNotFound,
        DomainError.StepTicketNotOpen,
        DomainError.StepSkipReasonRequired,
        DomainError.StepDoneByFact(StepFact.CertificateIssued),
        DomainError.VisitClientMismatch,
        DomainError.VisitTicketNotOpen,
        DomainError.VisitOfficerNotPengurus("Andi"),
        DomainError.VisitClientHasNoOfficers,
        DomainError.VisitKppRequired,
        DomainError.VisitNotScheduled,
        DomainError.VisitIssuedInFuture,
        DomainError.VisitOutcomeInvalid,
        DomainError.VisitReasonRequired,
        DomainError.VisitSameTime,
        DomainError.TicketNotOpen("MSM-2026-000001"),
        DomainError.IncidentNotOpen,
        DomainError.TicketMergeSelf,
        DomainError.TicketAlreadyMerged("MSM-2026-000002"),
        DomainError.TicketMergeOtherClient,
    ];

    [Theory]
    [InlineData("id-ID")]
    [InlineData("en-US")]
    public void ShouldPutEveryDomainRefusalIntoWordsOfTheUsersLanguage(string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);

        Assert.Equal(Enum.GetValues<DomainErrorCode>(), EveryRefusal.Select(refused => refused.Code).Order());
        foreach (var refused in EveryRefusal)
        {
            var message = Words(refused.ToError());
            Assert.False(string.IsNullOrWhiteSpace(message), refused.Code.ToString());
            Assert.DoesNotContain("{0}", message, StringComparison.Ordinal);
            Assert.NotEqual(refused.Code.ToString(), message);
        }
    }

    [Fact]
    public void ShouldNameBothStatusesOfAnIllegalMoveInIndonesian()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

        var error = DomainError.TicketIllegalMove(TicketStatus.New, TicketStatus.Closed).ToError();

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(["Status tidak bisa diubah dari Baru ke Ditutup."], error.FieldErrors["To"]);
    }

    [Fact]
    public void ShouldTellTheUserTheClientHasNoOfficersRatherThanThatTheNameIsWrong()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

        var none = DomainError.VisitClientHasNoOfficers.ToError();
        var wrong = DomainError.VisitOfficerNotPengurus("Andi").ToError();

        Assert.StartsWith("Klien ini belum punya data pengurus.", none.FieldErrors["OfficerName"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("Andi bukan pengurus klien ini.", wrong.FieldErrors["OfficerName"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void ShouldReportAMissingStepAsNotFound()
    {
        var error = DomainError.StepNotFound.ToError();

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal("step-not-found", error.Code);
    }

    private static string Words(Error error) =>
        error.Kind == ErrorKind.Validation ? string.Join(" ", error.FieldErrors.Values.SelectMany(messages => messages)) : error.Message;
}
