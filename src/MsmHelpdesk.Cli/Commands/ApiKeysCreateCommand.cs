using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Features.ApiKeys;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Cli.Commands;

public sealed class ApiKeysCreateCommand : ICliCommand
{
    public string Verb => "apikeys create";

    public string Usage => """
        msmhelpdesk apikeys create --name N --role Consultant|Manager|Admin
            Create a key for an integration; prints the key once, alone on standard output.
        """;

    public async Task<int> RunAsync(CliContext context)
    {
        if (context.Option("name") is not { } name || context.Option("role") is not { } role)
        {
            await context.Error.WriteLineAsync("usage: " + Usage.Split('\n')[0].Trim());
            return CliApp.Usage;
        }

        var knownRole = Roles.All.FirstOrDefault(known => string.Equals(known, role, StringComparison.OrdinalIgnoreCase)) ?? role;
        await using var scope = context.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateApiKeyCommand { Name = name, Role = knownRole });
        if (!result.IsSuccess)
        {
            await CliApp.WriteErrorAsync(context.Error, result.Error, new Dictionary<string, string>
            {
                ["Name"] = "--name",
                ["Role"] = "--role",
            });
            return CliApp.Failed;
        }

        // Only the key on standard output, so `KEY=$(msmhelpdesk apikeys create ...)` captures it whole.
        await context.Output.WriteLineAsync(result.Value.Key);
        await context.Error.WriteLineAsync(
            $"API key \"{result.Value.Name}\" created with role {result.Value.Role} (prefix {result.Value.Prefix}). "
            + "Store it now: it is kept only as a hash and cannot be shown again.");
        return CliApp.Ok;
    }
}
