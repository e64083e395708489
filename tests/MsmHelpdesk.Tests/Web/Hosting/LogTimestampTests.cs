using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Web.Hosting;

public sealed partial class LogTimestampTests
{
    [Theory]
    // The cultures the app runs requests in (UiCultures.Supported).
    [InlineData("id-ID")]
    [InlineData("en-US")]
    public async Task ShouldStampLogsInInvariantIso8601UtcWhateverTheCulture(string culture)
    {
        await using var factory = new HelpdeskWebFactory();
        var formatter = factory.Services.GetServices<ConsoleFormatter>().Single(candidate => candidate.Name == ConsoleFormatterNames.Json);
        var previous = CultureInfo.CurrentCulture;
        var written = new StringWriter();
        try
        {
            // The culture a request runs in (Indonesian by default) is the thread's culture while it logs.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            var entry = new LogEntry<string>(LogLevel.Information, "Test", new EventId(1), "tiket dibuat", null, (state, _) => state);
            formatter.Write(entry, new LoggerExternalScopeProvider(), written);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        using var line = JsonDocument.Parse(written.ToString());
        var timestamp = line.RootElement.GetProperty("Timestamp").GetString()!;
        Assert.Matches(IsoUtc(), timestamp);
        var parsed = DateTimeOffset.ParseExact(timestamp, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(DateTimeOffset.UtcNow - parsed, TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task ShouldWriteConsoleLogsWithTheFormatterConfigurationNames()
    {
        await using var factory = new HelpdeskWebFactory();

        // The slim host builder sets the plain formatter in code; appsettings.json's "json" must still decide (0194).
        var options = factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        Assert.Equal(ConsoleFormatterNames.Json, options.FormatterName);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex IsoUtc();
}
