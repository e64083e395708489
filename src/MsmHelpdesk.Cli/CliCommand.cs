namespace MsmHelpdesk.Cli;

/// <summary>One operator verb, e.g. "users add". Each lives in Commands/ and is listed in <see cref="CliApp.Commands"/>.</summary>
public interface ICliCommand
{
    /// <summary>The verb words, e.g. "users add".</summary>
    string Verb { get; }

    /// <summary>One usage line and what it does, for help.</summary>
    string Usage { get; }

    /// <summary>Whether the database must be migrated before the command runs (SQLite always is).</summary>
    bool NeedsDatabase => true;

    /// <summary>Options that take no value, e.g. "append" for --append; present means "true".</summary>
    IReadOnlyCollection<string> Flags => [];

    Task<int> RunAsync(CliContext context);
}

/// <summary>What a command gets: services, its options (--name value), the words after the verb, and the streams.</summary>
public sealed record CliContext(
    IServiceProvider Services,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyList<string> Arguments,
    TextReader Input,
    TextWriter Output,
    TextWriter Error)
{
    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name) => Options.ContainsKey(name);
}
