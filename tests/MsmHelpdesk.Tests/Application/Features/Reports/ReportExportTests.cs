using ClosedXML.Excel;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Cli;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Infrastructure.Reports;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Application.Features.Reports.ReportFixture;

namespace MsmHelpdesk.Tests.Application.Features.Reports;

/// <summary>The same numbers in the XLSX and CSV files and from <c>msmhelpdesk report</c>.</summary>
public sealed class ReportExportTests
{
    [Fact]
    public async Task ShouldWriteTheSameNumbersToXlsxCellsAndCsvLines()
    {
        await using var f = await ArrangeAsync();
        var report = await f.ReportAsync(FixtureRange);

        using var workbook = new XLWorkbook(new MemoryStream(ReportFiles.ToBytes(report, ReportFormat.Xlsx, ReportCsvStyle.Data)));
        var csv = System.Text.Encoding.UTF8.GetString(ReportFiles.ToBytes(report, ReportFormat.Csv, ReportCsvStyle.Data));

        Assert.Equal(report.Tables.Select(t => t.Name), workbook.Worksheets.Select(w => w.Name));
        foreach (var table in report.Tables)
        {
            var sheet = workbook.Worksheet(table.Name);
            Assert.Equal(table.Columns.Select(c => c.Header), table.Columns.Select((_, c) => sheet.Cell(1, c + 1).GetString()));
            // The data as one block, then an empty row and the section's note (as on the page).
            Assert.True(sheet.Row(table.Rows.Count + 2).IsEmpty());
            Assert.Equal(table.Note, sheet.Cell(table.Rows.Count + 3, 1).GetString());
            Assert.Equal(table.Rows.Count + 3, sheet.LastRowUsed()!.RowNumber());
        }

        var weekly = workbook.Worksheet("weekly");
        Assert.Equal(new DateTime(2026, 11, 23), weekly.Cell(5, 1).GetDateTime());
        Assert.Equal(4, weekly.Cell(5, 2).GetValue<int>());
        Assert.Equal(XLDataType.Number, weekly.Cell(5, 2).DataType);
        var times = workbook.Worksheet("resolution-times");
        Assert.Equal("expired-certificate", times.Cell(2, 1).GetString());
        Assert.Equal(30.0, times.Cell(2, 3).GetValue<double>());
        Assert.Equal(10.0, times.Cell(2, 7).GetValue<double>());
        var top = workbook.Worksheet("top-clients");
        Assert.Equal(XLDataType.Text, top.Cell(2, 2).DataType);
        Assert.Equal("01.234.567.4-901.000", top.Cell(2, 2).GetString());

        Assert.StartsWith("\uFEFF", csv, StringComparison.Ordinal);
        Assert.Contains("\r\n2026-11-23,4,1\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\r\nexpired-certificate,5,30,50,6,4,10\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Tables[0].Note, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldGiveTheSameNumbersFromTheCommandLine()
    {
        var directory = TestPaths.NewTempDirectory();
        await using (await ArrangeAsync(directory))
        {
        }

        async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = await CliApp.RunAsync(args, new StringReader(""), output, error, new Dictionary<string, string?>
            {
                [ConfigKeys.ConnectionString] = $"Data Source={Path.Combine(directory, "helpdesk.db")}",
            });
            return (exit, output.ToString(), error.ToString());
        }

        var list = await RunAsync("report", "--list");
        var matrix = await RunAsync("report", "matrix", "--from", "2026-11-02", "--to", "2026-11-29");
        var budi = await RunAsync("report", "resolution-times", "--from", "2026-11-02", "--to", "2026-11-29", "--kpp", "KPP Dua", "--format", "csv");
        var xlsxPath = Path.Combine(directory, "weekly.xlsx");
        var xlsx = await RunAsync("report", "weekly", "--from", "2026-11-02", "--to", "2026-11-29", "--format", "xlsx", "--out", xlsxPath);
        var unknown = await RunAsync("report", "nope");
        var badDate = await RunAsync("report", "weekly", "--from", "02-11-2026");

        Assert.Equal(ReportSections.All.Select(s => s.Name), list.Output.Trim().Split('\n').Select(l => l.Trim()));
        Assert.Equal(CliApp.Ok, matrix.Exit);
        Assert.Equal(
        [
            string.Join(",", new[] { "Scenario", "Cause", "Tickets", "Confirmed" }.Select(k => new ReportColumn(k).Header)),
            "registration,expired-certificate,1,1",
            "unknown,unknown,1,0",
            "upload,expired-certificate,5,5",
            "upload,network,2,2",
        ], matrix.Output.Trim().Split("\r\n"));

        // KPP Dua = C2: expired #3 (30h, diag 6h), #5 (50h, diag 10h), #9 (diag 1h): resolution n=2 → median 30, p90 50;
        // diagnosis 1 6 10 → median rank 2 → 6, p90 rank 3 → 10. network #7: 3h both.
        Assert.Equal(["expired-certificate,2,30,50,3,6,10", "network,1,3,3,1,3,3"], budi.Output.Trim().Split("\r\n").Skip(1));
        Assert.Equal(CliApp.Ok, xlsx.Exit);
        using (var workbook = new XLWorkbook(xlsxPath))
        {
            var sheet = workbook.Worksheet("weekly");
            Assert.Equal([2, 2, 2, 4], Enumerable.Range(2, 4).Select(r => sheet.Cell(r, 2).GetValue<int>()));
            Assert.Equal([3, 2, 2, 1], Enumerable.Range(2, 4).Select(r => sheet.Cell(r, 3).GetValue<int>()));
        }

        Assert.Equal(CliApp.Failed, unknown.Exit);
        Assert.Contains("nope", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(CliApp.Usage, badDate.Exit);

        // A correction made in SQL, around the application, leaves the stored totals behind: whole months count
        // nothing until `report --rebuild-totals`. The compaction job changes no number.
        var database = $"Data Source={Path.Combine(directory, "helpdesk.db")}";
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(database))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM ReportTallies";
            Assert.True(await delete.ExecuteNonQueryAsync() > 0);
        }

        var stale = await RunAsync("report", "error-codes", "--from", "2026-10-01", "--to", "2026-11-30");
        var rebuilt = await RunAsync("report", "--rebuild-totals");
        var compacted = await RunAsync("jobs", "run", "report-upkeep");
        var fresh = await RunAsync("report", "error-codes", "--from", "2026-10-01", "--to", "2026-11-30");
        Assert.Single(stale.Output.Trim().Split("\r\n"));
        Assert.Equal(CliApp.Ok, rebuilt.Exit);
        Assert.Matches(@"^\d+ report total rows rebuilt from the tickets in \d+\.\d s", rebuilt.Output.Trim());
        Assert.Equal(CliApp.Ok, compacted.Exit);
        Assert.Equal("0 report total rows folded, " + rebuilt.Output.Split(' ')[0] + " left; query statistics refreshed", compacted.Output.Trim());
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(database))
        {
            // The upkeep's ANALYZE gave SQLite the spread of the tickets' indexes.
            await connection.OpenAsync();
            await using var statistics = connection.CreateCommand();
            statistics.CommandText = "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'Tickets'";
            Assert.True((long)(await statistics.ExecuteScalarAsync())! > 10);
        }

        Assert.Equal(["ETAX-40002,12,4", "ETAX-10001,1,1"], fresh.Output.Trim().Split("\r\n").Skip(1));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
