using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Infrastructure.Jobs;

namespace MsmHelpdesk.Cli.Commands;

/// <summary>Runs a scheduled job now, in this process: sends the same command the job sends and prints the result.</summary>
public sealed class JobsRunCommand : ICliCommand
{
    private static string Names => string.Join(", ", JobRegistry.All.Select(job => job.Name));

    public string Verb => "jobs run";

    public string Usage => $"""
        msmhelpdesk jobs run <job>
            Run a scheduled job now. Jobs: {Names}.
        """;

    public async Task<int> RunAsync(CliContext context)
    {
        if (context.Arguments.Count != 1 || JobRegistry.Find(context.Arguments[0]) is not { } job)
        {
            await context.Error.WriteLineAsync($"usage: msmhelpdesk jobs run <job>; jobs: {Names}");
            return CliApp.Usage;
        }

        await using var scope = context.Services.CreateAsyncScope();
        var result = await job.SendAsync(scope.ServiceProvider.GetRequiredService<ISender>(), CancellationToken.None);
        await (result.IsSuccess ? context.Output : context.Error).WriteLineAsync(result.IsSuccess ? result.Value : "error: " + result.Error.Message);
        return result.IsSuccess ? CliApp.Ok : CliApp.Failed;
    }
}
