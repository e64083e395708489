namespace MsmHelpdesk.Tests.Support;

public static class TestPaths
{
    /// <summary>The repository root, found from the test binaries by the solution file.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string InRepository(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    /// <summary>A fresh, empty folder per call, so every test gets its own database file.</summary>
    public static string NewTempDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "msmhelpdesk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MsmHelpdesk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MsmHelpdesk.sln not found above the test binaries.");
    }
}
