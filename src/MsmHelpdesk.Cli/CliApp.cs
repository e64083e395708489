using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Cli.Commands;
using MsmHelpdesk.Composition;
using MsmHelpdesk.Infrastructure.Persistence;

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

    /// <summary>Every verb; add a new one here and in Commands/.</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new MigrateCommand(),
        new UsersAddCommand(),
        new ApiKeysCreateCommand(),
        new ImportClientsCliCommand(),
        new SeedDemoCommand(),
        new ClassifyCommand(),
        new JobsRunCommand(),
        new ReportCommand(),
        new BackupCommand(),
        new RestoreCommand(),
        new ClassifierStoreModelsCommand(),
    ];

    public static async Task<int> RunAsync(
        string[] args,
        TextReader input,
        TextWriter output,
        TextWriter error,
        IReadOnlyDictionary<string, string?>? configurationOverrides = null)
    {
        var command = Commands
            .Where(candidate => candidate.Verb.Split(' ') is var words && words.Length <= args.Length
                && words.Select((word, i) => word == args[i]).All(same => same))
            .MaxBy(candidate => candidate.Verb.Length);
        if (command is null)
        {
            var asksForHelp = args.Length == 0 || args[0] is "help" or "--help" or "-h";
            await (asksForHelp ? output : error).WriteLineAsync(Help());
            return asksForHelp ? Ok : Usage;
        }

        var rest = args.Skip(command.Verb.Split(' ').Length).ToArray();
        if (!TryParse(rest, command.Flags, out var options, out var arguments))
        {
            await error.WriteLineAsync("usage: " + command.Usage);
            return Usage;
        }

        using var host = BuildHost(configurationOverrides);
        try
        {
            var settings = host.Services.GetRequiredService<DatabaseSettings>();
            if (command.NeedsDatabase && settings.MigrateOnStartup && command is not MigrateCommand)
            {
                await DatabaseInitializer.MigrateAsync(host.Services);
            }

            return await command.RunAsync(new CliContext(host.Services, options, arguments, input, output, error));
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException or IOException)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return Failed;
        }
    }

    /// <summary>A failed result on standard error, each field named as the option the operator typed.</summary>
    public static async Task WriteErrorAsync(TextWriter error, Error failure, IReadOnlyDictionary<string, string>? optionNames = null)
    {
        await error.WriteLineAsync($"error: {failure.Message}");
        foreach (var (field, messages) in failure.FieldErrors)
        {
            var name = optionNames is not null && optionNames.TryGetValue(field, out var option) ? option : field;
            await error.WriteLineAsync($"  {name}: {string.Join(" ", messages)}");
        }
    }

    private static string Help() =>
        "msmhelpdesk — operator commands for MsmHelpdesk\n\n"
        + string.Join("\n", Commands.Select(command => "  " + command.Usage.Replace("\n", "\n  ", StringComparison.Ordinal)))
        + "\n\nConfiguration: Database:Provider (Sqlite|SqlServer), ConnectionStrings:Helpdesk, Helpdesk:DataDirectory;\n"
        + "as environment variables Database__Provider and so on.";

    private static bool TryParse(string[] args, IReadOnlyCollection<string> flags, out Dictionary<string, string> options, out List<string> arguments)
    {
        options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        arguments = [];
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                arguments.Add(args[i]);
                continue;
            }

            if (flags.Contains(args[i][2..], StringComparer.OrdinalIgnoreCase))
            {
                options[args[i][2..]] = "true";
                continue;
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return false;
            }

            options[args[i][2..]] = args[++i];
        }

        return true;
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
