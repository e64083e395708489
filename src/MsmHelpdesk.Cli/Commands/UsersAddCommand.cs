using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Features.Users;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Cli.Commands;

public sealed class UsersAddCommand : ICliCommand
{
    public string Verb => "users add";

    public string Usage => """
        msmhelpdesk users add --email E --name N --role Consultant|Manager|Admin
            Create a user; the password is read from the first line of standard input.
        """;

    public async Task<int> RunAsync(CliContext context)
    {
        if (context.Option("email") is not { } email || context.Option("name") is not { } name || context.Option("role") is not { } role)
        {
            await context.Error.WriteLineAsync("usage: " + Usage.Split('\n')[0].Trim());
            return CliApp.Usage;
        }

        var password = await context.Input.ReadLineAsync() ?? "";
        var knownRole = Roles.All.FirstOrDefault(known => string.Equals(known, role, StringComparison.OrdinalIgnoreCase)) ?? role;
        await using var scope = context.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateUserCommand
        {
            Email = email,
            DisplayName = name,
            Password = password,
            ConfirmPassword = password,
            Roles = [knownRole],
        });
        if (!result.IsSuccess)
        {
            await CliApp.WriteErrorAsync(context.Error, result.Error, new Dictionary<string, string>
            {
                ["Email"] = "--email",
                ["DisplayName"] = "--name",
                ["Roles"] = "--role",
                ["Password"] = "password (stdin)",
                ["ConfirmPassword"] = "password (stdin)",
            });
            return CliApp.Failed;
        }

        await context.Output.WriteLineAsync($"User {email} created with role {knownRole} (id {result.Value}).");
        return CliApp.Ok;
    }
}
