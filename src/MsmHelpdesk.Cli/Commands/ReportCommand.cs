using System.Globalization;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Infrastructure.Reports;

namespace MsmHelpdesk.Cli.Commands;

/// <summary>
/// A resolution report as CSV or XLSX: the same query, sections and file writer as the dashboard's download,
/// so the numbers are the same. Filter options use the dashboard's URL keys.
/// </summary>
public sealed class ReportCommand : ICliCommand
{
    public string Verb => "report";

    public string Usage => $"""
        msmhelpdesk report <name|all> [--from yyyy-mm-dd] [--to yyyy-mm-dd] [--format csv|xlsx] [--out FILE]
                [--consultant USER-ID] [--client CLIENT-ID] [--kpp KPP] [--code ERROR-CODE] [--channel CHANNEL]
            A resolution report (WIB dates, both included; default the last {ReportFilter.DefaultDays} days). CSV goes to
            standard output without --out; XLSX needs --out. `msmhelpdesk report --list` names the reports.
        msmhelpdesk report --rebuild-totals
            Rebuild the stored report totals from the tickets (after a correction made in SQL, around the application).
        """;

    public IReadOnlyCollection<string> Flags => ["list", "rebuild-totals"];

    public async Task<int> RunAsync(CliContext context)
    {
        if (context.Flag("list"))
        {
            foreach (var section in ReportSections.All)
            {
                await context.Output.WriteLineAsync(section.Name);
            }

            return CliApp.Ok;
        }

        if (context.Flag("rebuild-totals"))
        {
            await using var rebuildScope = context.Services.CreateAsyncScope();
            var rebuilt = await rebuildScope.ServiceProvider.GetRequiredService<ISender>().Send(new RebuildReportTalliesCommand());
            await (rebuilt.IsSuccess ? context.Output : context.Error).WriteLineAsync(rebuilt.IsSuccess ? rebuilt.Value.Describe() : "error: " + rebuilt.Error!.Message);
            return rebuilt.IsSuccess ? CliApp.Ok : CliApp.Failed;
        }

        if (context.Arguments.Count != 1)
        {
            await context.Error.WriteLineAsync("usage: " + Usage);
            return CliApp.Usage;
        }

        var formatText = context.Option("format") ?? "csv";
        if (!Enum.TryParse<ReportFormat>(formatText, ignoreCase: true, out var format) || !Enum.IsDefined(format))
        {
            await context.Error.WriteLineAsync($"error: --format must be csv or xlsx, not '{formatText}'");
            return CliApp.Usage;
        }

        var output = context.Option("out");
        if (format == ReportFormat.Xlsx && output is null)
        {
            await context.Error.WriteLineAsync("error: --format xlsx needs --out FILE");
            return CliApp.Usage;
        }

        foreach (var date in new[] { "from", "to" })
        {
            if (context.Option(date) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                await context.Error.WriteLineAsync($"error: --{date} must be a date yyyy-mm-dd, not '{text}'");
                return CliApp.Usage;
            }
        }

        var name = context.Arguments[0];
        await using var scope = context.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetReportQuery
        {
            Filter = ReportLinks.Parse(context.Option),
            Sections = name == "all" ? [] : [name],
        });
        if (!result.IsSuccess)
        {
            await CliApp.WriteErrorAsync(context.Error, result.Error!, new Dictionary<string, string>
            {
                ["Filter.From"] = "--from",
                ["Filter.To"] = "--to",
                ["Sections[0]"] = "<name>",
            });
            return CliApp.Failed;
        }

        var bytes = ReportFiles.ToBytes(result.Value, format, ReportCsvStyle.Data);
        if (output is null)
        {
            // Standard output gets the text without the byte-order mark a spreadsheet wants in a file.
            await context.Output.WriteAsync(new System.Text.UTF8Encoding(false).GetString(bytes.AsSpan(3)));
        }
        else
        {
            await File.WriteAllBytesAsync(output, bytes);
            await context.Error.WriteLineAsync($"{result.Value.Tables.Sum(t => t.Rows.Count)} rows written to {output}");
        }

        return CliApp.Ok;
    }
}
