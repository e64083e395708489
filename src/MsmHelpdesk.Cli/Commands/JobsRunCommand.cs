using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Certificates;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Notifications;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Application.Features.Sla;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Application.Features.Visits;

namespace MsmHelpdesk.Cli.Commands;

/// <summary>Runs a scheduled job now, in this process: sends the same command the job sends and prints the result.</summary>
public sealed class JobsRunCommand : ICliCommand
{
    /// <summary>Job name → what running it does, printed as one line (the same names as the Hangfire jobs).</summary>
    private static readonly IReadOnlyDictionary<string, Func<ISender, Task<(bool Ok, string Text)>>> Jobs =
        new Dictionary<string, Func<ISender, Task<(bool Ok, string Text)>>>(StringComparer.Ordinal)
        {
            ["certificate-expiry-scan"] = sender => Run(sender, new ScanCertificateExpiryCommand(), outcome => outcome.Describe()),
            ["kpp-visit-reminders"] = sender => Run(sender, new SendKppVisitRemindersCommand(), outcome => outcome.Describe()),
            ["sla-escalation"] = sender => Run(sender, new EscalateSlaCommand(), outcome => outcome.Describe()),
            ["classifier-retraining"] = sender => Run(sender, new RetrainClassifierCommand(), outcome => outcome.Describe()),
            ["waiting-on-client"] = sender => Run(sender, new RunWaitingOnClientCommand(), outcome => outcome.Describe()),
            ["mail-delivery"] = sender => Run(sender, new DeliverPendingMailCommand(), outcome => outcome.Describe()),
            ["weekly-digest"] = sender => Run(sender, new SendWeeklyDigestCommand(), outcome => outcome.Describe()),
            ["report-upkeep"] = sender => Run(sender, new CompactReportTalliesCommand(), outcome => outcome.Describe()),
        };

    public string Verb => "jobs run";

    public string Usage => $"""
        msmhelpdesk jobs run <job>
            Run a scheduled job now. Jobs: {string.Join(", ", Jobs.Keys)}.
        """;

    public async Task<int> RunAsync(CliContext context)
    {
        if (context.Arguments.Count != 1 || !Jobs.TryGetValue(context.Arguments[0], out var job))
        {
            await context.Error.WriteLineAsync($"usage: msmhelpdesk jobs run <job>; jobs: {string.Join(", ", Jobs.Keys)}");
            return CliApp.Usage;
        }

        await using var scope = context.Services.CreateAsyncScope();
        var (ok, text) = await job(scope.ServiceProvider.GetRequiredService<ISender>());
        await (ok ? context.Output : context.Error).WriteLineAsync(ok ? text : "error: " + text);
        return ok ? CliApp.Ok : CliApp.Failed;
    }

    private static async Task<(bool Ok, string Text)> Run<T>(ISender sender, ICommand<Result<T>> command, Func<T, string> describe)
    {
        var result = await sender.Send(command);
        return result.IsSuccess ? (true, describe(result.Value)) : (false, result.Error!.Message);
    }
}
