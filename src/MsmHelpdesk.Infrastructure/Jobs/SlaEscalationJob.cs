using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Features.Sla;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Every 15 minutes: escalates at-risk and breached SLA clocks to the Managers. Only sends the command, as the operator.</summary>
public sealed class SlaEscalationJob(IServiceScopeFactory scopes, ILogger<SlaEscalationJob> logger)
{
    public const string Id = "sla-escalation";

    [AutomaticRetry(Attempts = 1)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, Id, new EscalateSlaCommand(), outcome => outcome.Describe(), cancellationToken);

    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<SlaEscalationJob>(Id, job => job.RunAsync(CancellationToken.None), "*/15 * * * *");
}
