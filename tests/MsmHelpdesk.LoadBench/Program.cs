using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

// Opens N Chromium tabs on one page of the running app (signed in with a curl cookie jar) and reports the server's
// PSS before and with them open: the memory an open tab costs. Used by run.sh; not a test.
//   tabs --url http://127.0.0.1:5911/tickets --cookies jar.txt --count 40 --pid 1234 [--wait-for "css"]
var options = Options.Parse(args);
if (options is null || args.FirstOrDefault() != "tabs")
{
    Console.Error.WriteLine("usage: MsmHelpdesk.LoadBench tabs --url URL --cookies JAR --count N --pid PID [--wait-for CSS] [--settle-seconds S]");
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
var clock = Stopwatch.StartNew();
var pages = new List<IPage>();
var firstRows = new List<double>();
for (var i = 0; i < options.Count; i++)
{
    var page = await context.NewPageAsync();
    var opened = Stopwatch.StartNew();
    await page.GotoAsync(options.Url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
    if (options.WaitFor is { } selector)
    {
        await page.WaitForSelectorAsync(selector, new PageWaitForSelectorOptions { Timeout = 60_000 });
    }

    firstRows.Add(opened.Elapsed.TotalMilliseconds);
    pages.Add(page);
}

// Every tab's circuit is up once Blazor has connected; give the last ones time to start and the GC time to settle.
await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
var with = Pss.Of(options.Pid);
var result = new
{
    label = "tabs",
    tabs = options.Count,
    pss_before_mib = Math.Round(before, 1),
    pss_with_tabs_mib = Math.Round(with, 1),
    pss_per_tab_mib = Math.Round((with - before) / options.Count, 2),
    open_all_s = Math.Round(clock.Elapsed.TotalSeconds, 1),
    tab_ready_p50_ms = Math.Round(firstRows.Order().ElementAt(firstRows.Count / 2), 1),
};
Console.WriteLine(JsonSerializer.Serialize(result));
foreach (var page in pages)
{
    await page.CloseAsync();
}

return 0;

internal sealed record Options(string Url, string Cookies, int Count, int Pid, string? WaitFor, int SettleSeconds)
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
            ? new Options(url, cookies, count, pid, Value("wait-for"), int.TryParse(Value("settle-seconds"), out var settle) ? settle : 10)
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

internal static class Pss
{
    /// <summary>Proportional set size of one process in MiB (/proc/PID/smaps_rollup).</summary>
    public static double Of(int pid) =>
        File.ReadLines($"/proc/{pid}/smaps_rollup")
            .Where(line => line.StartsWith("Pss:", StringComparison.Ordinal))
            .Select(line => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024)
            .First();
}
