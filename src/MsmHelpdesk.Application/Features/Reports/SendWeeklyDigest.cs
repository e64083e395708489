using System.Globalization;
using System.Text;
using Mediator;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Reports;

/// <summary>
/// The weekly digest to every active Manager: the resolution report over the last complete ISO week (Monday to
/// Sunday, WIB), built by the same sections as the dashboard. The notice key names the ISO week, so a second
/// run in the same week (a retry, a restart, the CLI) notifies nobody again.
/// </summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record SendWeeklyDigestCommand : ICommand<Result<WeeklyDigestOutcome>>;

public sealed record WeeklyDigestOutcome(string Week, int Managers, int Notified)
{
    public string Describe() => $"weekly digest {Week}: {Notified} of {Managers} managers notified";
}

public sealed class SendWeeklyDigestHandler(IAppDbContextFactory databases, INotifier notifier, TimeProvider clock)
    : ICommandHandler<SendWeeklyDigestCommand, Result<WeeklyDigestOutcome>>
{
    /// <summary>The sections the digest carries, in this order.</summary>
    public static readonly string[] Sections = ["weekly", "backlog", "resolution-times", "workload", "certificates"];

    public async ValueTask<Result<WeeklyDigestOutcome>> Handle(SendWeeklyDigestCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (monday, sunday) = LastCompleteWeek(DateOnly.FromDateTime(Wib.ToWib(now).DateTime));
        var week = IsoWeekName(monday);
        var report = await GetReportHandler.BuildAsync(databases, new ReportFilter { From = monday, To = sunday }, Sections, now, cancellationToken);
        var managers = await notifier.ActiveUsersInRoleAsync(Roles.Manager, cancellationToken);
        var notice = new Notice
        {
            Kind = "weekly-digest",
            Key = $"weekly-digest:{week}",
            Title = string.Format(CultureInfo.CurrentCulture, AppText.Get("DigestTitle"), week),
            Body = Body(report),
            Link = string.Create(CultureInfo.InvariantCulture, $"/reports?from={monday:yyyy-MM-dd}&to={sunday:yyyy-MM-dd}"),
        };
        var notified = managers.Count == 0 ? 0 : await notifier.NotifyAsync(managers, notice, cancellationToken);
        return new WeeklyDigestOutcome(week, managers.Count, notified);
    }

    /// <summary>The Monday and Sunday of the last ISO week that has ended by <paramref name="today"/>.</summary>
    public static (DateOnly Monday, DateOnly Sunday) LastCompleteWeek(DateOnly today)
    {
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return (thisMonday.AddDays(-7), thisMonday.AddDays(-1));
    }

    public static string IsoWeekName(DateOnly monday)
    {
        var date = monday.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }

    /// <summary>Each table as plain text: its title, then one line per row of "column: value" pairs.</summary>
    public static string Body(ReportResult report)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Format(CultureInfo.CurrentCulture, AppText.Get("DigestRange"), ReportTable.Text(report.From), ReportTable.Text(report.To)));
        foreach (var table in report.Tables)
        {
            text.AppendLine().AppendLine(table.Title);
            if (table.Rows.Count == 0)
            {
                text.AppendLine("  " + AppText.Get("ReportEmpty"));
            }

            foreach (var row in table.Rows)
            {
                text.AppendLine("  " + string.Join("; ", table.Columns.Select((column, i) => $"{column.Header}: {ReportTable.Text(row[i])}")));
            }
        }

        return text.ToString();
    }
}
