using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Reports;

/// <summary>
/// The resolution report: the named sections (all when none are named) over the filter. The one definition the
/// dashboard, the CSV/XLSX exports, the CLI (<c>msmhelpdesk report</c>) and the weekly digest read.
/// </summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record GetReportQuery : IQuery<Result<ReportResult>>
{
    public List<string> Sections { get; set; } = [];

    public ReportFilter Filter { get; set; } = new();
}

/// <summary>The tables, and the days they cover (the filter's, with defaults filled in).</summary>
public sealed record ReportResult(DateOnly From, DateOnly To, DateTimeOffset GeneratedAt, IReadOnlyList<ReportTable> Tables)
{
    public ReportTable? Table(string name) => Tables.FirstOrDefault(table => table.Name == name);
}

public sealed class GetReportValidator : AbstractValidator<GetReportQuery>
{
    public GetReportValidator()
    {
        RuleFor(query => query.Filter).SetValidator(new ReportFilterValidator());
        RuleForEach(query => query.Sections).Must(name => ReportSections.Find(name) is not null)
            .WithMessage((_, name) => AppText.Get("ReportUnknown").Replace("{0}", name, StringComparison.Ordinal));
    }
}

public sealed class GetReportHandler(IAppDbContextFactory databases, TimeProvider clock) : IQueryHandler<GetReportQuery, Result<ReportResult>>
{
    public async ValueTask<Result<ReportResult>> Handle(GetReportQuery query, CancellationToken cancellationToken) =>
        await BuildAsync(databases, query.Filter, query.Sections, clock.GetUtcNow(), cancellationToken);

    /// <summary>How many sections run at once, each on its own context and connection (SQLite in WAL mode reads concurrently).</summary>
    public static int Parallelism => Math.Clamp(Environment.ProcessorCount, 2, 4);

    /// <summary>
    /// Runs the sections side by side, each on its own context (one connection serves one query at a time),
    /// at most <see cref="Parallelism"/> at once; the tables keep the sections' order.
    /// </summary>
    public static async Task<ReportResult> BuildAsync(
        IAppDbContextFactory databases, ReportFilter filter, IReadOnlyCollection<string> names, DateTimeOffset now, CancellationToken cancellationToken,
        bool useTallies = true)
    {
        var sections = names.Count == 0 ? ReportSections.All : ReportSections.All.Where(section => names.Contains(section.Name)).ToList();
        var tables = new ReportTable[sections.Count];
        using var gate = new SemaphoreSlim(Parallelism);
        await Task.WhenAll(sections.Select(async (section, index) =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                await using var db = await databases.CreateAsync(cancellationToken);
                tables[index] = await section.BuildAsync(ReportScope.Create(db, filter, now, useTallies), cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));

        var (from, to) = filter.Days(DateOnly.FromDateTime(Domain.Time.Wib.ToWib(now).DateTime));
        return new ReportResult(from, to, now, tables);
    }
}
