using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Reports;

namespace MsmHelpdesk.Cli.Commands;

/// <summary>Runs a scheduled job now, in this process: sends the same command the job sends and prints the result.</summary>
public sealed class JobsRunCommand : ICliCommand
{
    /// <summary>Job name → what running it does, printed as one line.</summary>
    private static readonly IReadOnlyDictionary<string, Func<ISender, Task<(bool Ok, string Text)>>> Jobs =
        new Dictionary<string, Func<ISender, Task<(bool Ok, string Text)>>>(StringComparer.Ordinal)
        {
            ["classifier-retraining"] = async sender =>
            {
                var result = await sender.Send(new RetrainClassifierCommand());
                return result.IsSuccess ? (true, result.Value.Describe()) : (false, result.Error!.Message);
            },
            ["weekly-digest"] = async sender =>
            {
                var result = await sender.Send(new SendWeeklyDigestCommand());
                return result.IsSuccess ? (true, result.Value.Describe()) : (false, result.Error!.Message);
            },
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
}
