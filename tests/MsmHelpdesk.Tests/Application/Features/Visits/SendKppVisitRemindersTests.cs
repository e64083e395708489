using System.Globalization;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Cli;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Visits;

public sealed class SendKppVisitRemindersTests
{
    public SendKppVisitRemindersTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private static ScheduleKppVisitCommand Visit(WorkFixture work, DateOnly date) => new()
    {
        TicketId = work.TicketId,
        Date = date,
        Time = new TimeOnly(9, 0),
        OfficerName = "Hendra Wijaya",
        Documents = KppDocuments.RequestForm | KppDocuments.CompanyDeed | KppDocuments.OfficerKtp | KppDocuments.OfficerNpwp | KppDocuments.NewPassphraseChosen,
    };

    private static Task<MsmHelpdesk.Application.Common.Results.Result<KppVisitReminders>> RunAsync(WorkFixture work) =>
        work.App.SendAsync(TestCurrentUser.Admin("job-operator"), new SendKppVisitRemindersCommand());

    [Fact]
    public async Task ShouldRemindTheConsultantOnceOfTomorrowsVisitWithTheMissingDocumentsAndTheOfficer()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 11, 27)));
        await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 12, 1)));

        var first = await RunAsync(work);
        var second = await RunAsync(work);

        Assert.Equal((1, 1), (first.Value.Visits, first.Value.Sent));
        Assert.Equal(0, second.Value.Sent);
        var (user, notice) = Assert.Single(work.Notifier.Sent);
        Assert.Equal(work.Budi.UserId, user);
        Assert.Equal("kpp-visit-reminder", notice.Kind);
        Assert.Contains("Hendra Wijaya", notice.Body, StringComparison.Ordinal);
        Assert.Contains("swafoto memegang KTP", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("akta perusahaan", notice.Body, StringComparison.Ordinal);
        Assert.Contains("27 Nov 2026 09.00 WIB", notice.Body, StringComparison.Ordinal);
        Assert.Equal($"/tickets/{work.TicketNumber}", notice.Link);
    }

    [Fact]
    public async Task ShouldRemindOnFridayOfVisitsUpToMonday()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 11, 30)));
        await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 12, 1)));

        var thursday = await RunAsync(work);
        work.Clock.Advance(TimeSpan.FromDays(1));
        var friday = await RunAsync(work);

        Assert.Equal((new DateOnly(2026, 11, 27), 0), (thursday.Value.Through, thursday.Value.Sent));
        Assert.Equal((new DateOnly(2026, 11, 30), 1), (friday.Value.Through, friday.Value.Sent));
    }

    [Fact]
    public async Task ShouldRemindAgainForTheNewDateOfARescheduledVisit()
    {
        await using var work = await WorkFixture.StartAsync();
        var id = (await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 11, 27)))).Value;
        await RunAsync(work);

        await work.App.SendAsync(work.Budi, new RecordKppVisitOutcomeCommand { VisitId = id, Outcome = KppVisitOutcome.Rescheduled, NewDate = new DateOnly(2026, 11, 30), NewTime = new TimeOnly(10, 0) });
        work.Clock.Advance(TimeSpan.FromDays(1));
        var friday = await RunAsync(work);
        var fridayAgain = await RunAsync(work);

        Assert.Equal((1, 0), (friday.Value.Sent, fridayAgain.Value.Sent));
        Assert.Equal(2, work.Notifier.Sent.Select(s => s.Notice.Key).Distinct().Count());
    }

    [Fact]
    public async Task ShouldNotRemindOfACancelledVisit()
    {
        await using var work = await WorkFixture.StartAsync();
        var id = (await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 11, 27)))).Value;
        await work.App.SendAsync(work.Budi, new RecordKppVisitOutcomeCommand { VisitId = id, Outcome = KppVisitOutcome.Cancelled, Reason = "Klien membatalkan" });

        var run = await RunAsync(work);

        Assert.Equal((0, 0), (run.Value.Visits, run.Value.Sent));
        Assert.Empty(work.Notifier.Sent);
    }

    [Fact]
    public async Task ShouldRemindAVisitWithNobodyAssignedOnceSomeoneIs()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.App.SendAsync(work.Budi, new MsmHelpdesk.Application.Features.Tickets.AssignTicketCommand { TicketId = work.TicketId, AssigneeId = null });
        var id = (await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 11, 27)))).Value;

        var unassigned = await RunAsync(work);
        await work.App.SendAsync(work.Budi, new PrepareKppVisitCommand { VisitId = id, OfficerName = "Hendra Wijaya", AssigneeId = work.Budi.UserId });
        var assigned = await RunAsync(work);

        Assert.Equal((1, 0), (unassigned.Value.Visits, unassigned.Value.Sent));
        Assert.Equal(1, assigned.Value.Sent);
        Assert.Equal(work.Budi.UserId, Assert.Single(work.Notifier.Sent).User);
    }

    [Fact]
    public async Task ShouldRunTheReminderJobFromTheCli()
    {
        var directory = TestPaths.NewTempDirectory();
        await using (await TestApp.StartAsync(directory))
        {
        }

        var settings = new Dictionary<string, string?> { [ConfigKeys.ConnectionString] = $"Data Source={Path.Combine(directory, "helpdesk.db")}" };
        var output = new StringWriter();
        var exit = await CliApp.RunAsync(["jobs", "run", "kpp-visit-reminders"], new StringReader(""), output, new StringWriter(), settings);
        var usage = new StringWriter();
        await CliApp.RunAsync(["jobs", "run", "coffee"], new StringReader(""), new StringWriter(), usage, settings);

        Assert.Equal(CliApp.Ok, exit);
        Assert.StartsWith("0 ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("kpp-visit-reminders", usage.ToString(), StringComparison.Ordinal);
    }
}
