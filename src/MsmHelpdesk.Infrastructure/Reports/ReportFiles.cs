using System.Text;
using ClosedXML.Excel;
using MsmHelpdesk.Application.Features.Reports;

namespace MsmHelpdesk.Infrastructure.Reports;

public enum ReportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A report as a file: CSV (UTF-8 with BOM so Excel reads it, RFC 4180 quoting, invariant numbers and
/// yyyy-mm-dd dates; one block per section, its title first) or XLSX (one sheet per section, a bold header row,
/// numbers and dates as typed cells). The page's download, the CLI and the tests all write through here.
/// </summary>
public static class ReportFiles
{
    public static string ContentType(ReportFormat format) => format == ReportFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    public static string FileName(ReportResult report, string name, ReportFormat format) =>
        $"msm-{name}-{ReportTable.Text(report.From)}-{ReportTable.Text(report.To)}.{(format == ReportFormat.Xlsx ? "xlsx" : "csv")}";

    public static void Write(ReportResult report, ReportFormat format, Stream output)
    {
        if (format == ReportFormat.Xlsx)
        {
            WriteXlsx(report, output);
        }
        else
        {
            WriteCsv(report, output);
        }
    }

    public static byte[] ToBytes(ReportResult report, ReportFormat format)
    {
        using var buffer = new MemoryStream();
        Write(report, format, buffer);
        return buffer.ToArray();
    }

    private static void WriteCsv(ReportResult report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        var several = report.Tables.Count > 1;
        foreach (var table in report.Tables)
        {
            if (several)
            {
                writer.WriteLine(Field(table.Title));
            }

            writer.WriteLine(string.Join(",", table.Columns.Select(column => Field(column.Header))));
            foreach (var row in table.Rows)
            {
                writer.WriteLine(string.Join(",", row.Select(value => Field(ReportTable.Text(value)))));
            }

            if (several)
            {
                writer.WriteLine();
            }
        }
    }

    /// <summary>Quotes a field holding a separator, quote or line break; a leading =, + or @ is prefixed with ' so a spreadsheet never runs it.</summary>
    private static string Field(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '@' && !double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n;") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void WriteXlsx(ReportResult report, Stream output)
    {
        using var workbook = new XLWorkbook();
        foreach (var table in report.Tables)
        {
            // Sheet names: at most 31 characters; the section name is short and unique.
            var sheet = workbook.Worksheets.Add(table.Name);
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var header = sheet.Cell(1, c + 1);
                header.SetValue(table.Columns[c].Header);
                header.Style.Font.Bold = true;
            }

            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var cell = sheet.Cell(r + 2, c + 1);
                    switch (table.Rows[r][c])
                    {
                        case null:
                            break;
                        case int number:
                            cell.SetValue(number);
                            break;
                        case double number:
                            cell.SetValue(number);
                            break;
                        case DateOnly date:
                            cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                            cell.Style.DateFormat.Format = "yyyy-mm-dd";
                            break;
                        case var value:
                            // Text stays text, even when it looks like a number or formula (an NPWP, "=...").
                            cell.SetValue(ReportTable.Text(value));
                            cell.DataType = XLDataType.Text;
                            break;
                    }
                }
            }

            sheet.SheetView.FreezeRows(1);
        }

        if (report.Tables.Count == 0)
        {
            workbook.Worksheets.Add("report");
        }

        workbook.SaveAs(output);
    }
}
