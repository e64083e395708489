namespace MsmHelpdesk.Application.Features.Reports;

/// <summary>One section of the resolution report. Every count, median and percentile is computed in SQL.</summary>
public interface IReportSection
{
    /// <summary>The name the CLI, the exports and the page use, e.g. "backlog".</summary>
    string Name { get; }

    Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken);
}
