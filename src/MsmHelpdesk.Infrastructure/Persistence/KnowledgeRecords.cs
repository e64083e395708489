namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>
/// One version of the error-code catalogue as JSON. Edits add a version, never overwrite one, so every
/// suggestion can be traced to the catalogue that produced it.
/// </summary>
public sealed class CatalogueVersion
{
    public int Version { get; set; }

    public string Content { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedById { get; set; } = "";

    public string CreatedByName { get; set; } = "";

    public string? Note { get; set; }
}

/// <summary>Phrase weights learned from confirmed tickets, one row per training run.</summary>
public sealed class LearnedModel
{
    public int Version { get; set; }

    public string Content { get; set; } = "";

    public DateTimeOffset TrainedAt { get; set; }

    public int ExampleCount { get; set; }
}
