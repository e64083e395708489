using System.Text.Json;
using MsmHelpdesk.Cli;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Cli;

public sealed class ClassifyCliTests : IDisposable
{
    private readonly string _directory = TestPaths.NewTempDirectory();

    private async Task<(int Exit, string[] Lines)> ClassifyAsync(string input)
    {
        var output = new StringWriter();
        var exit = await CliApp.RunAsync(["classify"], new StringReader(input), output, new StringWriter(), new Dictionary<string, string?>
        {
            [ConfigKeys.ConnectionString] = $"Data Source={Path.Combine(_directory, "helpdesk.db")}",
        });
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task ShouldAnswerEveryTicketLineAndReportBadLinesWithoutStopping()
    {
        const string input = """
            {"id": "T-1", "text": "Upload gagal ETAX-40002, kata klien \"passphrase salah\"", "reportedAt": "2025-03-01T09:00:00+07:00", "certificateIssuedOn": "2023-01-10"}

            {"id": 42, "text": "klien bilang errornya 40002"}
            {"id": "T-3", "text":
            {"id": "T-4"}
            {"text": "ETAX-40002"}
            {"id": "T-6", "text": "ETAX-40002", "reportedAt": "kemarin"}
            {"id": "T-7", "text": "ETAXSERVICE-40002 saat aktivasi, sertel udah kadaluarsa"}
            """;

        var (exit, lines) = await ClassifyAsync(input);

        Assert.Equal(CliApp.Ok, exit);
        Assert.Equal(7, lines.Length);
        var answers = lines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();

        var first = answers[0];
        Assert.Equal(["id", "errorCode", "scenario", "scenarioConfidence", "cause", "causeConfidence", "evidence", "system"],
            first.EnumerateObject().Select(property => property.Name));
        Assert.Equal("efaktur-desktop", first.GetProperty("system").GetString());
        Assert.Equal("T-1", first.GetProperty("id").GetString());
        Assert.Equal("ETAX-40002", first.GetProperty("errorCode").GetString());
        Assert.Equal("upload", first.GetProperty("scenario").GetString());
        Assert.Equal("expired-certificate", first.GetProperty("cause").GetString());
        Assert.True(first.GetProperty("causeConfidence").GetDouble() >= 0.9);
        var evidence = first.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("scenario:upload ← \"Upload\"", evidence);
        Assert.Contains("cause:wrong-passphrase ← \"passphrase salah\"", evidence);
        Assert.Contains(evidence, e => e.StartsWith("cause:expired-certificate ← \"sertifikat terbit 2023-01-10", StringComparison.Ordinal));

        var bare = answers[1];
        Assert.Equal(JsonValueKind.Number, bare.GetProperty("id").ValueKind);
        Assert.Equal(42, bare.GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Null, bare.GetProperty("errorCode").ValueKind);
        Assert.Equal("unknown", bare.GetProperty("scenario").GetString());
        Assert.Equal("unknown", bare.GetProperty("cause").GetString());

        Assert.Equal((JsonValueKind.Null, "invalid JSON"), Error(answers[2]));
        Assert.Equal(("T-4", "missing text"), (answers[3].GetProperty("id").GetString(), answers[3].GetProperty("error").GetString()));
        Assert.Equal(JsonValueKind.Null, Error(answers[4]).Id);
        Assert.Contains("ISO 8601", answers[5].GetProperty("error").GetString(), StringComparison.Ordinal);

        var service = answers[6];
        Assert.Equal("ETAXSERVICE-40002", service.GetProperty("errorCode").GetString());
        Assert.Equal("registration", service.GetProperty("scenario").GetString());
    }

    [Fact]
    public async Task ShouldListClassifyInTheHelp()
    {
        var output = new StringWriter();
        await CliApp.RunAsync(["help"], new StringReader(""), output, new StringWriter());

        Assert.Contains("msmhelpdesk classify", output.ToString(), StringComparison.Ordinal);
    }

    private static (JsonValueKind Id, string? Error) Error(JsonElement answer) =>
        (answer.GetProperty("id").ValueKind, answer.GetProperty("error").GetString());

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
