namespace MsmHelpdesk.Tests.Support;

/// <summary>
/// Tests that read process-wide state (this process's memory map, SQLite's connection pools) run alone, after the
/// parallel ones: many test fixtures clear every SQLite pool when they delete their database, which would close the
/// connection such a test is looking at.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection
{
    public const string Name = "process-wide state";
}
