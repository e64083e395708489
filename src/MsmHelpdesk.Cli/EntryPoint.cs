namespace MsmHelpdesk.Cli;

internal static class EntryPoint
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, Console.In, Console.Out, Console.Error);
}
