using System.Globalization;
using MsmHelpdesk.Application.Features.Reports;

namespace MsmHelpdesk.Infrastructure.Reports;

/// <summary>
/// How a report's CSV is written: for scripts (<see cref="Data"/>) or for a person's spreadsheet in their
/// language (<see cref="For"/>): Indonesian Excel splits on ';' (its list separator, since ',' is its decimal
/// comma), reads "30,5" as a number and dd/MM/yyyy as a date, and filters on words, not on internal codes.
/// </summary>
public sealed record ReportCsvStyle
{
    /// <summary>The stable form scripts read and the CLI writes: ',' between fields, codes, invariant numbers, yyyy-MM-dd dates.</summary>
    public static ReportCsvStyle Data { get; } = new();

    public char Separator { get; private init; } = ',';

    /// <summary>Numbers and dates in this culture; null for the invariant form of <see cref="ReportTable.Text"/>.</summary>
    public CultureInfo? Culture { get; private init; }

    /// <summary>A coded cell in words; null writes the codes alone.</summary>
    public Func<ReportColumn, object?, string>? Word { get; private init; }

    /// <summary>The header of the code column kept beside a column shown in words ("Kode status").</summary>
    public Func<ReportColumn, string>? CodeHeader { get; private init; }

    public static ReportCsvStyle For(CultureInfo culture, Func<ReportColumn, object?, string> word, Func<ReportColumn, string> codeHeader) => new()
    {
        Separator = culture.TextInfo.ListSeparator.Trim() is [var separator] && separator is ',' or ';' ? separator : ',',
        Culture = culture,
        Word = word,
        CodeHeader = codeHeader,
    };

    /// <summary>A person's file (words, the culture's separator), not the data form for scripts.</summary>
    internal bool ForPeople => Word is not null;

    /// <summary>The columns written for <paramref name="column"/>: the word column then its code column, or the column alone.</summary>
    internal bool InWords(ReportColumn column) => Word is not null && column.Coded;

    internal string Text(object? value) => (Culture, value) switch
    {
        (null, _) => ReportTable.Text(value),
        (_, null) => "",
        (_, DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        (_, DateTimeOffset instant) => Domain.Time.Wib.ToWib(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        (var culture, double number) => number.ToString("0.##", culture),
        (var culture, IFormattable formattable) => formattable.ToString(null, culture),
        _ => value.ToString() ?? "",
    };
}
