using ClosedXML.Excel;
using CsvHelper;
using MsmHelpdesk.Application.Features.Reports;

namespace MsmHelpdesk.Infrastructure.Reports;

public enum ReportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A report as a file: CSV (UTF-8 with BOM so Excel reads it, RFC 4180 quoting through CsvHelper, in the
/// <see cref="ReportCsvStyle"/> asked for; one block per section, its title first; a person's file ends each block with the
/// section's note, the data style does not) or XLSX (one sheet per section, a bold header row, numbers and dates as typed
/// cells, the note under the data). The page's download, the CLI and the tests all write through here.
/// </summary>
public static class ReportFiles
{
    public static string ContentType(ReportFormat format) => format == ReportFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    public static string FileName(ReportResult report, string name, ReportFormat format) =>
        $"msm-{name}-{ReportTable.Text(report.From)}-{ReportTable.Text(report.To)}.{(format == ReportFormat.Xlsx ? "xlsx" : "csv")}";

    public static void Write(ReportResult report, ReportFormat format, ReportCsvStyle csvStyle, Stream output)
    {
        if (format == ReportFormat.Xlsx)
        {
            WriteXlsx(report, output);
        }
        else
        {
            WriteCsv(report, csvStyle, output);
        }
    }

    public static byte[] ToBytes(ReportResult report, ReportFormat format, ReportCsvStyle csvStyle)
    {
        using var buffer = new MemoryStream();
        Write(report, format, csvStyle, buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// CsvHelper quotes and separates; a column shown in words is followed by its code column. Sections are blocks
    /// of different widths, so field counts are not checked, and an empty line parts them.
    /// </summary>
    private static void WriteCsv(ReportResult report, ReportCsvStyle style, Stream output)
    {
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with
        {
            Separator = style.Separator,
            WriteByteOrderMark = true,
            ValidateFieldCount = false,
        }, leaveOpen: true);
        var several = report.Tables.Count > 1;
        foreach (var table in report.Tables)
        {
            if (several)
            {
                csv.WriteRecord(Inert(table.Title));
            }

            foreach (var column in table.Columns)
            {
                csv.WriteField(Inert(column.Header));
                if (style.InWords(column))
                {
                    csv.WriteField(Inert(style.CodeHeader!(column)));
                }
            }

            csv.EndRecord();
            foreach (var row in table.Rows)
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var value = row[c];
                    if (style.InWords(table.Columns[c]))
                    {
                        csv.WriteField(Inert(style.Word!(table.Columns[c], value)));
                    }

                    csv.WriteField(value is string text ? Inert(text) : style.Text(value));
                }

                csv.EndRecord();
            }

            if (style.ForPeople)
            {
                // A person's file says what the numbers mean (percentiles in 10-minute steps, …) as the page does: under
                // the table after an empty line, so the header stays the first row a spreadsheet filters on.
                csv.Flush();
                output.Write("\r\n"u8);
                csv.WriteRecord(Inert(table.Note));
            }

            if (several)
            {
                csv.Flush();
                output.Write("\r\n"u8);
            }
        }
    }

    /// <summary>
    /// A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a CR) gets a
    /// leading ', as OWASP advises. The bare "-" that marks "none" computes nothing and stays as it is; numbers
    /// never come here.
    /// </summary>
    private static string Inert(string text) =>
        text.Length > 0 && text != ReportSections.None && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

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

            // What the numbers mean, as on the page, under the data after an empty row (the data stays one block).
            var note = sheet.Cell(table.Rows.Count + 3, 1);
            note.SetValue(table.Note);
            note.DataType = XLDataType.Text;
            note.Style.Font.Italic = true;
            sheet.SheetView.FreezeRows(1);
        }

        if (report.Tables.Count == 0)
        {
            workbook.Worksheets.Add("report");
        }

        workbook.SaveAs(output);
    }
}
