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
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobContext>().User = new JobOperatorUser();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new EscalateSlaCommand(), cancellationToken);
        if (result.IsSuccess)
        {
            logger.LogInformation("SLA escalation: {Outcome}", result.Value.Describe());
        }
        else
        {
            logger.LogWarning("SLA escalation failed: {Error}", result.Error!.Message);
        }
    }

    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<SlaEscalationJob>(Id, job => job.RunAsync(CancellationToken.None), "*/15 * * * *");
}
