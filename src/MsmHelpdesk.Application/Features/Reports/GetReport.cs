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

    /// <summary>Runs the sections one after another on one context (a SQLite connection serves one query at a time).</summary>
    public static async Task<ReportResult> BuildAsync(
        IAppDbContextFactory databases, ReportFilter filter, IReadOnlyCollection<string> names, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var scope = ReportScope.Create(db, filter, now);
        var sections = names.Count == 0 ? ReportSections.All : ReportSections.All.Where(section => names.Contains(section.Name)).ToList();
        var tables = new List<ReportTable>();
        foreach (var section in sections)
        {
            tables.Add(await section.BuildAsync(scope, cancellationToken));
        }

        return new ReportResult(scope.From, scope.To, now, tables);
    }
}
