using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

// Opens N Chromium tabs on one page of the running app (signed in with a curl cookie jar) and reports the server's
// PSS before and with them open: the memory an open tab costs. Every tab must start a Blazor circuit (blazor.web.js
// served with a body, the /_blazor WebSocket open, and --gone-when-live removed by the live render), else it fails.
// With --trim-log it then waits, tabs still open, for the app's next idle trim ("memory given back" in that log) and
// measures again: what the tabs hold, not the garbage of opening them. Used by run.sh; not a test.
//   tabs --url http://127.0.0.1:5911/tickets --cookies jar.txt --count 40 --pid 1234 [--wait-for "css"]
//        [--gone-when-live "css"] [--trim-log web.out] [--trim-timeout-seconds S] [--hold-seconds S] [--html-out FILE]
var options = Options.Parse(args);
if (options is null || args.FirstOrDefault() != "tabs")
{
    Console.Error.WriteLine("usage: MsmHelpdesk.LoadBench tabs --url URL --cookies JAR --count N --pid PID [--wait-for CSS] [--gone-when-live CSS] "
        + "[--settle-seconds S] [--trim-log FILE] [--trim-timeout-seconds S] [--hold-seconds S] [--html-out FILE]");
    return 2;
}

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
var context = await browser.NewContextAsync();
await context.AddCookiesAsync(CookieJar.Read(options.Cookies, new Uri(options.Url)));

await Task.Delay(TimeSpan.FromSeconds(2));
var before = Pss.Of(options.Pid);
var beforeAnon = Pss.Of(options.Pid, "Pss_Anon:");
var trimsBefore = options.TrimLog is { } log ? Trims.In(log) : 0;
var clock = Stopwatch.StartNew();
var pages = new List<IPage>();
var firstRows = new List<double>();
for (var i = 0; i < options.Count; i++)
{
    var page = await context.NewPageAsync();
    var opened = Stopwatch.StartNew();
    // Outside the published output blazor.web.js answers 200 with an empty body and no circuit ever starts
    // (the server-rendered page looks complete): check the script and the hub connection, not just the markup.
    var script = page.WaitForResponseAsync(response => response.Url.Contains("/_framework/blazor.web.js", StringComparison.Ordinal),
        new PageWaitForResponseOptions { Timeout = 60_000 });
    var hub = page.WaitForWebSocketAsync(new PageWaitForWebSocketOptions
    {
        Predicate = socket => socket.Url.Contains("/_blazor", StringComparison.Ordinal),
        Timeout = 60_000,
    });
    await page.GotoAsync(options.Url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
    var body = await (await script).BodyAsync();
    if (body.Length == 0)
    {
        throw new InvalidOperationException($"tab {i + 1}: /_framework/blazor.web.js has an empty body: run the published output, not the build output");
    }

    var socket = await hub;
    if (socket.IsClosed)
    {
        throw new InvalidOperationException($"tab {i + 1}: the Blazor hub connection closed at once: no circuit");
    }

    if (options.WaitFor is { } selector)
    {
        await page.WaitForSelectorAsync(selector, new PageWaitForSelectorOptions { Timeout = 60_000 });
    }

    if (options.GoneWhenLive is { } prerendered)
    {
        await page.WaitForSelectorAsync(prerendered, new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached, Timeout = 60_000 });
    }

    firstRows.Add(opened.Elapsed.TotalMilliseconds);
    pages.Add(page);
}

// Every tab's circuit is up once Blazor has connected; give the last ones time to start and the GC time to settle.
await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
var with = Pss.Of(options.Pid);
var withAnon = Pss.Of(options.Pid, "Pss_Anon:");
var openAll = clock.Elapsed.TotalSeconds;

// The trim runs once nothing has happened for its quiet spell: the open tabs' circuits are idle, so it must come.
double? trimmed = null, trimmedAnon = null;
if (options.TrimLog is { } trimLog)
{
    var waited = Stopwatch.StartNew();
    while (Trims.In(trimLog) <= trimsBefore && waited.Elapsed < TimeSpan.FromSeconds(options.TrimTimeoutSeconds))
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    if (Trims.In(trimLog) > trimsBefore)
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        (trimmed, trimmedAnon) = (Pss.Of(options.Pid), Pss.Of(options.Pid, "Pss_Anon:"));
    }
    else
    {
        // Printed below with the figures measured so far; the exit code says the run is incomplete.
        Console.Error.WriteLine($"no \"{Trims.Line}\" in {trimLog} within {options.TrimTimeoutSeconds} s with the tabs open: the circuits are not quiet");
    }
}

// Every tab is still live (a circuit that died would free its memory and flatter the figure).
foreach (var page in pages)
{
    if (options.GoneWhenLive is { } prerendered && await page.QuerySelectorAsync(prerendered) is not null)
    {
        throw new InvalidOperationException("a tab fell back to its server-rendered page");
    }
}

static double? PerTab(double? with, double before, int count) => with is { } value ? Math.Round((value - before) / count, 2) : null;
static double? Mib(double? value) => value is { } v ? Math.Round(v, 1) : null;
var result = new
{
    label = "tabs",
    tabs = options.Count,
    pss_before_mib = Math.Round(before, 1),
    anon_before_mib = Math.Round(beforeAnon, 1),
    pss_with_tabs_mib = Math.Round(with, 1),
    pss_per_tab_mib = Math.Round((with - before) / options.Count, 2),
    anon_with_tabs_mib = Math.Round(withAnon, 1),
    pss_trimmed_with_tabs_mib = Mib(trimmed),
    anon_trimmed_with_tabs_mib = Mib(trimmedAnon),
    pss_per_tab_trimmed_mib = PerTab(trimmed, before, options.Count),
    anon_per_tab_mib = Math.Round((withAnon - beforeAnon) / options.Count, 2),
    anon_per_tab_trimmed_mib = PerTab(trimmedAnon, beforeAnon, options.Count),
    open_all_s = Math.Round(openAll, 1),
    tab_ready_p50_ms = Math.Round(firstRows.Order().ElementAt(firstRows.Count / 2), 1),
};
Console.WriteLine(JsonSerializer.Serialize(result));

// --html-out saves the first tab's page as the browser has it (to compare markup before and after a change).
if (options.HtmlOut is { } htmlOut && pages.Count > 0)
{
    await File.WriteAllTextAsync(htmlOut, await pages[0].InnerHTMLAsync("body"));
}

// --hold-seconds keeps the tabs open after the figures so a heap dump or counters can be taken of the same state.
if (options.HoldSeconds > 0)
{
    await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
}

foreach (var page in pages)
{
    await page.CloseAsync();
}

return options.TrimLog is not null && trimmed is null ? 1 : 0;

internal sealed record Options(string Url, string Cookies, int Count, int Pid, string? WaitFor, int SettleSeconds, string? GoneWhenLive,
    string? TrimLog, int TrimTimeoutSeconds, int HoldSeconds, string? HtmlOut)
{
    public static Options? Parse(string[] args)
    {
        string? Value(string name)
        {
            var at = Array.IndexOf(args, "--" + name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }

        return Value("url") is { } url && Value("cookies") is { } cookies && int.TryParse(Value("count"), out var count)
            && int.TryParse(Value("pid"), out var pid)
            ? new Options(url, cookies, count, pid, Value("wait-for"), int.TryParse(Value("settle-seconds"), out var settle) ? settle : 10,
                Value("gone-when-live"), Value("trim-log"), int.TryParse(Value("trim-timeout-seconds"), out var trimTimeout) ? trimTimeout : 180,
                int.TryParse(Value("hold-seconds"), out var hold) ? hold : 0, Value("html-out"))
            : null;
    }
}

internal static class CookieJar
{
    /// <summary>A curl (Netscape) cookie jar as Playwright cookies for the app's origin.</summary>
    public static IEnumerable<Cookie> Read(string path, Uri origin) =>
        File.ReadAllLines(path)
            .Select(line => line.StartsWith("#HttpOnly_", StringComparison.Ordinal) ? line["#HttpOnly_".Length..] : line)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length >= 7)
            .Select(fields => new Cookie { Name = fields[5], Value = fields[6], Url = origin.GetLeftPart(UriPartial.Authority) });
}

internal static class Trims
{
    /// <summary>What the app logs when its idle trim has given memory back (decision record 0164).</summary>
    public const string Line = "memory given back";

    public static int In(string log) =>
        File.Exists(log) ? File.ReadLines(log).Count(line => line.Contains(Line, StringComparison.Ordinal)) : 0;
}

internal static class Pss
{
    /// <summary>Proportional set size of one process in MiB (/proc/PID/smaps_rollup), or one part of it (Pss_Anon:).</summary>
    public static double Of(int pid, string field = "Pss:") =>
        File.ReadLines($"/proc/{pid}/smaps_rollup")
            .Where(line => line.StartsWith(field, StringComparison.Ordinal))
            .Select(line => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024)
            .First();
}
