using System.Text;
using MsmHelpdesk.Application.Common.Csv;

namespace MsmHelpdesk.Tests.Application.Common.Csv;

public sealed class CsvFileTests
{
    private static CsvRecord[] Read(string text) => CsvFile.Read(text).ToArray();

    [Fact]
    public void ShouldReadQuotedFieldsWithSeparatorsNewlinesAndDoubledQuotes()
    {
        var records = Read("name,note\n\"PT Maju, Jaya\",\"baris satu\nbaris dua\"\n\"CV \"\"Karya\"\"\",\"\"\n");

        Assert.Equal(["PT Maju, Jaya", "baris satu\nbaris dua"], records[1].Fields);
        Assert.Equal(["CV \"Karya\"", ""], records[2].Fields);
        Assert.All(records, record => Assert.Null(record.Problem));
    }

    [Fact]
    public void ShouldNumberEachRecordByTheLineItStartsOn()
    {
        var records = Read("a,b\r\n1,\"x\r\ny\r\nz\"\r\n2,w\r\n\r\n3,v");

        Assert.Equal([1, 2, 5, 6, 7], records.Select(record => record.Line));
        Assert.Equal("x\ny\nz", records[1].Fields[1]);
        Assert.True(records[3].IsBlank);
        Assert.Equal(["3", "v"], records[4].Fields);
    }

    [Theory]
    [InlineData("a,b\n1,2\n")]
    [InlineData("a,b\r\n1,2\r\n")]
    [InlineData("a,b\r1,2\r")]
    [InlineData("a,b\n1,2")]
    public void ShouldAcceptEveryLineEnding(string text)
    {
        var records = Read(text);

        Assert.Equal(2, records.Length);
        Assert.Equal(["1", "2"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
    }

    [Fact]
    public void ShouldTakeTheSemicolonWhenTheHeaderUsesIt()
    {
        var text = "name;npwp;note\n\"PT A; B\";01.234.567.4-018.000;1,5\n";

        Assert.Equal(';', CsvFile.DetectSeparator(text));
        Assert.Equal(["PT A; B", "01.234.567.4-018.000", "1,5"], Read(text)[1].Fields);
        Assert.Equal(',', CsvFile.DetectSeparator("name,npwp\n\"a;b;c\",1"));
    }

    [Fact]
    public void ShouldDropTheByteOrderMarkAndReadUtf8()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("name\nKoperasi Karyawan Sejahtera – Unit Ā")).ToArray();

        var text = CsvFile.Decode(bytes);

        Assert.Equal("name\nKoperasi Karyawan Sejahtera – Unit Ā", text);
    }

    [Fact]
    public void ShouldReadAFileThatIsNotUtf8AsWindows1252()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("name\nCaf"), 0xE9, (byte)' ', 0x96, (byte)' ', 0x80];

        Assert.Equal("name\nCafé – €", CsvFile.Decode(bytes));
    }

    [Fact]
    public void ShouldFlagAQuoteThatIsNeverClosed()
    {
        var records = Read("a,b\n1,\"open\n2,x\n");

        Assert.Equal(2, records.Length);
        Assert.Equal(CsvProblem.UnclosedQuote, records[1].Problem);
        Assert.Equal(2, records[1].Line);
    }

    [Fact]
    public void ShouldFlagTextAfterAClosingQuoteButKeepQuotesInsideUnquotedText()
    {
        var records = Read("a,b\n\"PT Maju\" Jaya,1\nPT \"Maju\" Jaya,2\n");

        Assert.Equal(CsvProblem.TextAfterQuote, records[1].Problem);
        Assert.Null(records[2].Problem);
        Assert.Equal("PT \"Maju\" Jaya", records[2].Fields[0]);
    }
}
