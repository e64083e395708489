using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Users;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Web;

namespace MsmHelpdesk.Cli;

/// <summary>
/// The operator commands. They read the same configuration as the web app (appsettings.json, then
/// environment variables such as Database__Provider and ConnectionStrings__Helpdesk) and send the same
/// messages through the same pipeline.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private const string Help = """
        msmhelpdesk — operator commands for MsmHelpdesk

          msmhelpdesk migrate
              Apply database migrations (SQLite or SQL Server, as configured).
          msmhelpdesk users add --email E --name N --role Consultant|Manager|Admin
              Create a user; the password is read from the first line of standard input.

        Configuration: Database:Provider (Sqlite|SqlServer), ConnectionStrings:Helpdesk,
        Helpdesk:DataDirectory; as environment variables Database__Provider and so on.
        """;

    public static async Task<int> RunAsync(
        string[] args,
        TextReader input,
        TextWriter output,
        TextWriter error,
        IReadOnlyDictionary<string, string?>? configurationOverrides = null)
    {
        var verb = string.Join(' ', args.TakeWhile(arg => !arg.StartsWith("--", StringComparison.Ordinal)));
        var options = ParseOptions(args.SkipWhile(arg => !arg.StartsWith("--", StringComparison.Ordinal)).ToArray());
        if (options is null || verb is not ("migrate" or "users add"))
        {
            await (verb is "" or "help" ? output : error).WriteLineAsync(Help);
            return verb is "" or "help" ? Ok : Usage;
        }

        using var host = BuildHost(configurationOverrides);
        try
        {
            var settings = host.Services.GetRequiredService<DatabaseSettings>();
            if (verb == "migrate" || settings.MigrateOnStartup)
            {
                await DatabaseInitializer.MigrateAsync(host.Services);
            }

            return verb switch
            {
                "migrate" => await Report(output, $"Database migrated ({settings.Provider})."),
                _ => await AddUserAsync(host.Services, options, input, output, error),
            };
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return Failed;
        }
    }

    private static async Task<int> AddUserAsync(
        IServiceProvider services,
        Dictionary<string, string> options,
        TextReader input,
        TextWriter output,
        TextWriter error)
    {
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("name", out var name) || !options.TryGetValue("role", out var role))
        {
            await error.WriteLineAsync("usage: msmhelpdesk users add --email E --name N --role Consultant|Manager|Admin  (password on standard input)");
            return Usage;
        }

        var password = await input.ReadLineAsync() ?? "";
        var knownRole = Roles.All.FirstOrDefault(known => string.Equals(known, role, StringComparison.OrdinalIgnoreCase)) ?? role;
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateUserCommand
        {
            Email = email,
            DisplayName = name,
            Password = password,
            ConfirmPassword = password,
            Roles = [knownRole],
        });
        if (result.IsSuccess)
        {
            return await Report(output, $"User {email} created with role {knownRole} (id {result.Value}).");
        }

        await WriteErrorAsync(error, result.Error);
        return Failed;
    }

    private static async Task WriteErrorAsync(TextWriter error, Error failure)
    {
        await error.WriteLineAsync($"error: {failure.Message}");
        foreach (var (field, messages) in failure.FieldErrors)
        {
            await error.WriteLineAsync($"  {CliOptionName(field)}: {string.Join(" ", messages)}");
        }
    }

    private static string CliOptionName(string field) => field switch
    {
        "Email" => "--email",
        "DisplayName" => "--name",
        "Roles" => "--role",
        "Password" or "ConfirmPassword" => "password (stdin)",
        _ => field,
    };

    private static async Task<int> Report(TextWriter output, string line)
    {
        await output.WriteLineAsync(line);
        return Ok;
    }

    private static Dictionary<string, string>? ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            options[args[i][2..]] = args[i + 1];
        }

        return options;
    }

    private static IHost BuildHost(IReadOnlyDictionary<string, string?>? overrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        // Standard output is for the command's answer; logs go to standard error, warnings and worse only.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);

        builder.Services.AddHelpdeskCore(builder.Configuration);
        builder.Services.AddSingleton<ICurrentUser, OperatorUser>();
        return builder.Build();
    }
}
