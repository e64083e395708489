using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Infrastructure.Reports;
using MsmHelpdesk.Web.Components.Pages.Reports;
using MsmHelpdesk.Web.Resources;
using static MsmHelpdesk.Tests.Application.Features.Reports.ReportFixture;

namespace MsmHelpdesk.Tests.Infrastructure.Reports;

/// <summary>The CSV a manager opens in Excel: their separator, words with the codes beside them, read back with CsvHelper.</summary>
public sealed class ReportCsvTests
{
    private static readonly IStringLocalizer<UiText> Text = new StringLocalizer<UiText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static ReportCsvStyle StyleFor(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        return ReportCsvStyle.For(CultureInfo.CurrentCulture, (column, value) => ReportWords.Word(Text, column, value) ?? "", column => ReportWords.CodeHeader(Text, column));
    }

    /// <summary>The file's records as a spreadsheet reads them: the BOM checked and dropped, the separator detected.</summary>
    private static (char Separator, List<string[]> Records) ReadBack(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes.Take(3));
        using var reader = CsvReader.FromText(new UTF8Encoding(false).GetString(bytes.AsSpan(3)), CsvReaderOptions.Default with { HasHeader = false });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return (reader.Separator, records);
    }

    private static string[] After(List<string[]> records, string[] header, int offset = 1)
    {
        var at = records.FindIndex(record => record.SequenceEqual(header));
        Assert.True(at >= 0, "no header " + string.Join("|", header) + " in\n" + string.Join("\n", records.Select(r => string.Join("|", r))));
        return records[at + offset];
    }

    [Fact]
    public async Task ShouldWriteIndonesianWordsWithCodesBesideThemSeparatedBySemicolons()
    {
        await using var f = await ArrangeAsync();
        var style = StyleFor("id-ID");
        var report = await f.ReportAsync(FixtureRange);

        var (separator, records) = ReadBack(ReportFiles.ToBytes(report, ReportFormat.Csv, style));

        Assert.Equal(';', separator);
        Assert.Equal(["Menunggu klien", "WaitingOnClient", "0", "0", "0", "0", "0"], After(records, ["Status", "Kode status", .. report.Table("backlog")!.Columns.Skip(1).Select(c => c.Header)], 4));
        Assert.Equal(["Sertifikat kedaluwarsa", "expired-certificate", "5", "30", "50", "6", "4", "10"],
            After(records, ["Penyebab", "Kode penyebab", .. report.Table("resolution-times")!.Columns.Skip(1).Select(c => c.Header)]));
        Assert.Contains(["Upload", "upload", "Sertifikat kedaluwarsa", "expired-certificate", "5", "5"], records);
        // The percentiles' caveat travels with the file, in the reader's language.
        Assert.Contains(records, record => record is [var note] && note == report.Table("resolution-times")!.Note && note.Contains("10 menit", StringComparison.Ordinal));
        Assert.Contains(["23/11/2026", "4", "1"], records);
        Assert.DoesNotContain(records, record => record.Contains("2026-11-23"));
    }

    [Fact]
    public async Task ShouldWriteEnglishWordsWithCodesBesideThemSeparatedByCommas()
    {
        await using var f = await ArrangeAsync();
        var style = StyleFor("en-US");
        var report = await f.ReportAsync(FixtureRange, "backlog", "matrix", "weekly");

        var (separator, records) = ReadBack(ReportFiles.ToBytes(report, ReportFormat.Csv, style));

        Assert.Equal(',', separator);
        Assert.Equal(["Waiting on client", "WaitingOnClient", "0", "0", "0", "0", "0"], After(records, ["Status", "Status code", .. report.Table("backlog")!.Columns.Skip(1).Select(c => c.Header)], 4));
        Assert.Contains(["Upload", "upload", "Expired certificate", "expired-certificate", "5", "5"], records);
        Assert.Contains(["23/11/2026", "4", "1"], records);
    }

    [Theory]
    [InlineData("id-ID", "30,5", ';')]
    [InlineData("en-US", "30.5", ',')]
    public void ShouldWriteDecimalsInTheCultureAndInstantsInWibAndKeepFormulasInert(string culture, string decimalText, char separator)
    {
        var style = StyleFor(culture);
        var table = new ReportTable("top-clients", [new("Client"), new("Tickets", true), new("MedianResolutionHours", true)],
        [
            ["=HYPERLINK(\"http://x\")", 1, 30.5],
            ["-2+3", 2, null],
            ["@SUM(A1)", 3, 1.0],
            ["+62 812", 4, 2.25],
            ["-", 5, 0.0],
            ["PT Maju; Jaya", 6, 3.0],
        ]);
        var instants = new ReportTable("kpp-visits", [new("Month")], [[new DateTimeOffset(2026, 11, 30, 3, 5, 0, TimeSpan.Zero)]]);
        var report = new ReportResult(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), DateTimeOffset.UnixEpoch, [table, instants]);

        var (read, records) = ReadBack(ReportFiles.ToBytes(report, ReportFormat.Csv, style));

        Assert.Equal(separator, read);
        Assert.Equal(["'=HYPERLINK(\"http://x\")", "1", decimalText], records[2]);
        Assert.Equal(["'-2+3", "2", ""], records[3]);
        Assert.Equal("'@SUM(A1)", records[4][0]);
        Assert.Equal("'+62 812", records[5][0]);
        Assert.Equal(["-", "5", "0"], records[6]);
        Assert.Equal("PT Maju; Jaya", records[7][0]);
        Assert.Equal([table.Note], records[8]);
        Assert.Equal(["30/11/2026 10:05"], records[^2]);
        Assert.Equal([instants.Note], records[^1]);
    }
}
