using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;
using static MsmHelpdesk.Tests.Web.Api.ApiTestClient;

namespace MsmHelpdesk.Tests.Web.Probe;

/// <summary>
/// Probes the running app over real HTTP the way an attacker or a careless client would. Each case is one line
/// of <see cref="Cases"/>: a name and a check that throws when the app gave way. The tally is printed as
/// "probe: tried N, held N"; the test fails if any case gave way or any answer at all was a 500.
/// </summary>
public sealed partial class AttackProbeTests(ITestOutputHelper output)
{
    private const string ProblemJson = "application/problem+json";
    private const string Hostile = "<script>alert('xss')</script><img src=x onerror=alert(1)> ETAX-40002";

    /// <summary>What every case may use: the server, a signed-in browser, an API key, a ticket holding hostile text, and a line for what was measured.</summary>
    private sealed record Probe(ProbeServer Server, HttpClient Browser, HttpClient Api, string TicketWithHostileText, Action<string> Note)
    {
        public required string ClientNpwp { get; init; }

        /// <summary>The signed-in admin, for what only a Blazor circuit sends (attachments, edits).</summary>
        public required string StaffId { get; init; }
    }

    private sealed record ProbeCase(string Name, Func<Probe, Task> Check);

    /// <summary>Issue 16's variants that got past the old guard: no separator, -nya, a qualifier, Indonesian words, a full-width colon, a line break.</summary>
    private static readonly string[] SecretVariants =
    [
        "passphrase Rahasia123",
        "passphrasenya: Xy9!abc",
        "passphrase sertel klien: Abc12345",
        "sandinya: qwerty12",
        "kata sandi Budi2024!",
        "pass: Zz12345",
        "passphrase\uFF1AAbc123",
        "passphrase\nAbc12345",
    ];

    private static IReadOnlyList<ProbeCase> Cases { get; } =
    [
        // API keys
        new("api: a request without a key is refused 401 as problem JSON", async probe =>
        {
            using var anonymous = probe.Server.ClientFrom();
            var response = await anonymous.GetAsync("/api/v1/tickets");
            AssertProblem(response, HttpStatusCode.Unauthorized);
        }),
        new("api: a wrong key of the right shape is refused 401", async probe =>
        {
            var response = await KeyedAsync(probe, "msm_abcdefgh_" + new string('A', 40));
            AssertProblem(response, HttpStatusCode.Unauthorized);
        }),
        new("api: malformed keys (SQL, 8,000 characters, control and Latin-1 bytes) are refused", async probe =>
        {
            foreach (var key in new[] { "'; DROP TABLE ApiKeys;--", new string('k', 8000), "msm_\t_x", "msm_é_ü", "msm__" })
            {
                var response = await KeyedAsync(probe, key);
                Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, $"{key[..Math.Min(20, key.Length)]}: {response.StatusCode}");
            }
        }),

        // Forms
        new("csrf: the sign-in form without its antiforgery token is refused and signs nobody in", async probe =>
        {
            using var client = probe.Server.ClientFrom();
            var response = await client.PostAsync("/account/login", Form(("_handler", "sign-in"), ("Input.Email", ProbeServer.AdminEmail), ("Input.Password", HelpdeskWebFactory.Password)));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.DoesNotContain(SetCookies(response), cookie => cookie.StartsWith("msm.auth=", StringComparison.Ordinal));
        }),
        new("csrf: signing out without the token is refused and the session stays", async probe =>
        {
            var response = await probe.Browser.PostAsync("/account/logout", Form());
            var home = await probe.Browser.GetAsync("/");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }),
        new("xss: hostile ticket text is inert in the rendered ticket page", async probe =>
        {
            var html = await probe.Browser.GetStringAsync($"/tickets/{probe.TicketWithHostileText}");
            Assert.Contains(probe.TicketWithHostileText, html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        }),

        // Sign-in timing
        new("sign-in: an unknown e-mail is refused as slowly as a known one with a wrong password", async probe =>
        {
            using var client = probe.Server.ClientFrom("127.0.0.4");
            var known = new List<double>();
            var unknown = new List<double>();
            for (var i = 0; i < 9; i++)
            {
                var knownTime = await TimedSignInAsync(client, ProbeServer.ConsultantEmail);
                await probe.Server.ResetFailedSignInsAsync(ProbeServer.ConsultantEmail);
                var unknownTime = await TimedSignInAsync(client, $"orang{i}@msm.co.id");
                if (i > 0)
                {
                    known.Add(knownTime);
                    unknown.Add(unknownTime);
                }
            }

            var ratio = Median(unknown) / Median(known);
            probe.Note($"sign-in over HTTP: median unknown {Median(unknown):F0} ms, known {Median(known):F0} ms");
            Assert.True(ratio is > 0.4 and < 2.5, $"median unknown {Median(unknown):F0} ms, known {Median(known):F0} ms");
        }),

        // Body limits
        new("limits: a 29 MB JSON body with its length declared is refused 413 as problem JSON before it is sent", async probe =>
        {
            var body = new FillerContent(29L * 1024 * 1024, chunked: false);
            var response = await SendAsync(probe.Api, HttpMethod.Post, "/api/v1/tickets", body);
            AssertProblem(response!, HttpStatusCode.RequestEntityTooLarge);
            Assert.True(body.Sent < 8 * 1024 * 1024, $"{body.Sent} bytes sent");
        }),
        new("limits: a 29 MB chunked JSON body is refused while it streams, never read whole", async probe =>
        {
            var body = new FillerContent(29L * 1024 * 1024, chunked: true);
            var response = await SendAsync(probe.Api, HttpMethod.Post, "/api/v1/tickets", body);
            if (response is not null)
            {
                AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
            }

            Assert.True(body.Sent < 8 * 1024 * 1024, $"{body.Sent} bytes sent before the server refused");
        }),
        new("limits: 16 bodies of 29 MB at once are all refused and the process does not grow", async probe =>
        {
            using var process = Process.GetCurrentProcess();
            var before = process.WorkingSet64;
            var peak = before;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                    await Task.Delay(25);
                }
            });
            var bodies = Enumerable.Range(0, 16).Select(i => new FillerContent(29L * 1024 * 1024, chunked: i % 2 == 1)).ToArray();
            var answers = await Task.WhenAll(bodies.Select(body => SendAsync(probe.Api, HttpMethod.Post, "/api/v1/tickets", body)));
            await sampling.CancelAsync();
            await sampler;
            probe.Note($"16 × 29 MB: working set {before / 1024 / 1024} MB → peak {peak / 1024 / 1024} MB; at most {bodies.Max(body => body.Sent) / 1024} KB of a body sent");
            Assert.All(answers.OfType<HttpResponseMessage>(), answer => Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode));
            Assert.All(bodies, body => Assert.True(body.Sent < 8 * 1024 * 1024, $"{body.Sent} bytes sent"));
            Assert.True(peak - before < 300L * 1024 * 1024, $"grew {(peak - before) / 1024 / 1024} MB");
        }),
        new("limits: an oversized sign-in form is refused 413, not a 500 page", async probe =>
        {
            using var client = probe.Server.ClientFrom();
            var response = await client.PostAsync("/account/login", Form(("_handler", "sign-in"), ("Input.Email", new string('a', 300_000))));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        }),
        new("api: malformed JSON, wrong types and absurd paging are problem JSON, never a 500 page", async probe =>
        {
            foreach (var json in new[] { "{", "[]", "{\"clientNpwp\": 5, \"errorText\": []}", "\"" + new string('\\', 1000) })
            {
                AssertProblem(await PostRawAsync(probe.Api, "/api/v1/tickets", json), HttpStatusCode.BadRequest);
            }

            AssertProblem(await probe.Api.GetAsync("/api/v1/tickets?page=99999999999999999999"), HttpStatusCode.BadRequest);
            var wrongType = await probe.Api.PostAsync("/api/v1/tickets", new StringContent("<ticket/>", System.Text.Encoding.UTF8, "application/xml"));
            Assert.NotEqual(HttpStatusCode.InternalServerError, wrongType.StatusCode);
            Assert.NotEqual("text/html", wrongType.Content.Headers.ContentType?.MediaType);
        }),

        // Rate limits
        new("rate: one API key over its budget gets 429 problem JSON with Retry-After; another key is unaffected", async probe =>
        {
            using var busy = probe.Server.ClientFrom();
            busy.DefaultRequestHeaders.Add("X-Api-Key", await probe.Server.CreateApiKeyAsync("Integrasi sibuk"));
            for (var i = 0; i < ProbeServer.ApiRequestsPerMinute; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/tickets")).StatusCode);
            }

            var refused = await busy.GetAsync("/api/v1/tickets");
            AssertProblem(refused, HttpStatusCode.TooManyRequests);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
            Assert.Equal(HttpStatusCode.OK, (await probe.Api.GetAsync("/api/v1/tickets")).StatusCode);
        }),
        new("rate: sign-in attempts from one address over the budget get 429 with Retry-After; another address is unaffected", async probe =>
        {
            using var guesser = probe.Server.ClientFrom("127.0.0.3");
            for (var i = 0; i < ProbeServer.SignInAttemptsPerMinute; i++)
            {
                Assert.NotEqual(HttpStatusCode.TooManyRequests, (await guesser.PostAsync("/account/login", Form(("Input.Email", "x@y.z")))).StatusCode);
            }

            var refused = await guesser.PostAsync("/account/login", Form(("Input.Email", "x@y.z")));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
            using var colleague = probe.Server.ClientFrom("127.0.0.5");
            Assert.Equal(HttpStatusCode.Redirect, (await HelpdeskWebFactory.SignInAsync(colleague, ProbeServer.AdminEmail)).StatusCode);
        }),

        // Transport
        new("transport: https forwarded by the configured proxy gets HSTS and Secure antiforgery and sign-in cookies", async probe =>
        {
            using var proxy = probe.Server.ClientFrom(ProbeServer.Proxy, cookies: false);
            var (page, signIn) = await SignInThroughAsync(proxy);
            Assert.True(page.Headers.Contains("Strict-Transport-Security"), "no HSTS");
            Assert.Contains(SetCookies(page), cookie => cookie.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal) && IsSecure(cookie));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Contains(SetCookies(signIn), cookie => cookie.StartsWith("msm.auth=", StringComparison.Ordinal) && IsSecure(cookie));
        }),
        new("transport: the same forwarded headers from an unknown address are ignored: no HSTS, no Secure cookie", async probe =>
        {
            using var stranger = probe.Server.ClientFrom("127.0.0.1", cookies: false);
            var (page, signIn) = await SignInThroughAsync(stranger);
            Assert.False(page.Headers.Contains("Strict-Transport-Security"), "HSTS sent to an unknown caller");
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.DoesNotContain(SetCookies(page).Concat(SetCookies(signIn)), IsSecure);
        }),
        new("csp: pages carry a Content-Security-Policy and hold no inline script", async probe =>
        {
            foreach (var path in new[] { "/account/login", "/", $"/tickets/{probe.TicketWithHostileText}" })
            {
                var response = await probe.Browser.GetAsync(path);
                var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
                foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "connect-src 'self'" })
                {
                    Assert.Contains(directive, policy, StringComparison.Ordinal);
                }

                Assert.DoesNotMatch(InlineScript(), await response.Content.ReadAsStringAsync());
            }
        }),
        // Secret detector (issue 16 item 1)
        new("secrets: passphrase variants in free text are refused with a field message and nothing is stored", async probe =>
        {
            using var api = await KeyedClientAsync(probe, "Probe rahasia");
            var before = await TicketCountAsync(api);
            foreach (var text in SecretVariants)
            {
                var answer = await PostJsonAsync(api, "/api/v1/tickets", new { clientNpwp = probe.ClientNpwp, errorText = "ETAX-40002 Error di Service", description = text });
                await AssertFieldProblemAsync(answer, "description", text);
            }

            Assert.Equal(before, await TicketCountAsync(api));
            var note = await PostJsonAsync(api, $"/api/v1/tickets/{probe.TicketWithHostileText}/notes", new { text = "Klien kirim passphrase Rahasia123 lewat WA" });
            await AssertFieldProblemAsync(note, "text", "note");
            Assert.DoesNotContain("Rahasia123", await api.GetStringAsync($"/api/v1/tickets/{probe.TicketWithHostileText}"), StringComparison.Ordinal);
        }),
        new("secrets: ordinary sentences about a passphrase are accepted", async probe =>
        {
            using var api = await KeyedClientAsync(probe, "Probe kalimat biasa");
            foreach (var text in new[] { "passphrase-nya salah", "lupa passphrase", "Klien lupa kata sandi sertel, perlu ke KPP" })
            {
                var answer = await PostJsonAsync(api, "/api/v1/tickets", new { clientNpwp = probe.ClientNpwp, errorText = "ETAX-40002 Error di Service", description = text });
                Assert.True(answer.StatusCode == HttpStatusCode.Created, $"{text}: {answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            }
        }),
        new("secrets: a text attachment holding a passphrase is refused and not stored", async probe =>
        {
            var ticket = await TicketIdAsync(probe, probe.TicketWithHostileText);
            var attached = await AttachAsync(probe, ticket, "catatan.txt", "Data klien\npassphrase sertel klien: Abc12345\n"u8.ToArray());
            AssertRefused(attached, "passphrase in catatan.txt");
            Assert.Equal(0, await AttachmentCountAsync(probe, ticket, "catatan.txt"));
        }),

        // Attachments (issue 16 item 2)
        new("attachments: markup is refused however it starts (.html with a comment, .htm without listed tags, .svg with script)", async probe =>
        {
            var ticket = await TicketIdAsync(probe, probe.TicketWithHostileText);
            var files = new (string Name, string Content)[]
            {
                ("laporan.html", "<!-- laporan -->\n<p>Halo</p><a href=\"https://evil.test\">klik</a>"),
                ("laporan.htm", "<p style=\"color:red\">Klik <a href=\"javascript:alert(1)\">di sini</a></p>"),
                ("gambar.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
            };
            foreach (var (name, content) in files)
            {
                AssertRefused(await AttachAsync(probe, ticket, name, System.Text.Encoding.UTF8.GetBytes(content)), name);
                Assert.Equal(0, await AttachmentCountAsync(probe, ticket, name));
            }
        }),
        new("attachments: a name with U+202E is stored and downloaded without it", async probe =>
        {
            var ticket = await TicketIdAsync(probe, probe.TicketWithHostileText);
            var attached = await AttachAsync(probe, ticket, "laporan\u202Egol.txt", "ETAX-40002 Error di Service pukul 09.12"u8.ToArray());
            Assert.True(attached.IsSuccess, attached.Error?.Message);
            var download = await probe.Browser.GetAsync($"/attachments/{attached.Value}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            var name = download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName ?? "";
            Assert.Equal("laporangol.txt", name.Trim('"'));
        }),

        // Input normaliser (issue 16 item 5)
        new("normaliser: NUL, a lone zero-width space, U+202E and \"channel\": 0 are refused with a field message, nothing stored", async probe =>
        {
            using var api = await KeyedClientAsync(probe, "Probe normaliser");
            var before = await TicketCountAsync(api);
            foreach (var (json, field) in new[]
            {
                ("""{"clientNpwp":"NPWP","errorText":"ETAX-40002 \u0000 gagal"}""", "errorText"),
                ("""{"clientNpwp":"NPWP","errorText":"\u200B"}""", "errorText"),
                ("""{"clientNpwp":"NPWP","errorText":"ETAX-40002","description":"lihat \u202Egnp.exe"}""", "description"),
                ("""{"clientNpwp":"NPWP","errorText":"ETAX-40002","channel":0}""", "channel"),
            })
            {
                await AssertFieldProblemAsync(await PostRawAsync(api, "/api/v1/tickets", json.Replace("NPWP", probe.ClientNpwp, StringComparison.Ordinal)), field, json);
            }

            Assert.Equal(before, await TicketCountAsync(api));
        }),
        new("normaliser: page=2147483647 is a 400 on page, not page 1", async probe =>
        {
            using var api = await KeyedClientAsync(probe, "Probe paging");
            await AssertFieldProblemAsync(await api.GetAsync("/api/v1/tickets?page=2147483647"), "page", "page");
        }),

        // Append-only (issue 16 item 6)
        new("append-only: 32 parallel notes and 8 parallel messages on one ticket all succeed, none 409", async probe =>
        {
            using var notesApi = await KeyedClientAsync(probe, "Probe catatan");
            using var messagesApi = await KeyedClientAsync(probe, "Probe pesan");
            var number = await CreateTicketAsync(notesApi, probe.ClientNpwp);
            var notes = Task.WhenAll(Enumerable.Range(0, 32).Select(i => PostJsonAsync(notesApi, $"/api/v1/tickets/{number}/notes", new { text = $"Catatan paralel ke-{i}" })));
            var messages = Task.WhenAll(Enumerable.Range(0, 8).Select(i => PostJsonAsync(messagesApi, $"/api/v1/tickets/{number}/messages", new { text = $"Pesan klien ke-{i}" })));
            Assert.All(await notes, answer => Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode));
            Assert.All(await messages, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
            var timeline = (await JsonAsync(await messagesApi.GetAsync($"/api/v1/tickets/{number}"))).GetProperty("timeline").EnumerateArray().ToArray();
            Assert.Equal(32, timeline.Count(entry => entry.GetProperty("kind").GetString() == "Note"));
            Assert.Equal(8, timeline.Count(entry => entry.GetProperty("kind").GetString() == "ClientMessage"));
        }),
        new("append-only: an edit on a stale version is still a 409 that speaks of the ticket, not a screen", async probe =>
        {
            using var api = await KeyedClientAsync(probe, "Probe versi");
            var id = await TicketIdAsync(probe, await CreateTicketAsync(api, probe.ClientNpwp));
            var loaded = (await HelpdeskWebFactory.SendAsAsync(probe.Server.Services, probe.StaffId, [Roles.Admin], sender => sender.Send(new GetTicketQuery { TicketId = id }))).Value;
            var first = await HelpdeskWebFactory.SendAsAsync(probe.Server.Services, probe.StaffId, [Roles.Admin], sender => sender.Send(TicketEdits.Edit(loaded, "Sudah dicek di KPP")));
            var stale = await HelpdeskWebFactory.SendAsAsync(probe.Server.Services, probe.StaffId, [Roles.Admin], sender => sender.Send(TicketEdits.Edit(loaded, "Versi lama")));
            Assert.True(first.IsSuccess, first.Error?.Message);
            Assert.False(stale.IsSuccess, "a stale edit was saved");
            var problem = Assert.IsType<ProblemHttpResult>(MsmHelpdesk.Web.Api.ApiResults.From(stale.Error));
            Assert.Equal(409, problem.StatusCode);
            Assert.StartsWith("Tiket ", problem.ProblemDetails.Title, StringComparison.Ordinal);
            Assert.DoesNotContain("di bawah", problem.ProblemDetails.Title, StringComparison.Ordinal);
        }),

        // Idempotency-Key (issue 16 item 7)
        new("idempotency: the same ticket POST twice with one key is one ticket, the same answer replayed; another body is 422", async probe =>
        {
            using var api = await KeyedClientAsync(probe, "Probe idempotensi");
            var before = await TicketCountAsync(api);
            var body = $$"""{"clientNpwp":"{{probe.ClientNpwp}}","errorText":"ETAX-40002 Error di Service saat upload"}""";
            var first = await PostWithKeyAsync(api, "/api/v1/tickets", body, "probe-tiket-1");
            var again = await PostWithKeyAsync(api, "/api/v1/tickets", body, "probe-tiket-1");
            var other = await PostWithKeyAsync(api, "/api/v1/tickets", body.Replace("saat upload", "saat posting", StringComparison.Ordinal), "probe-tiket-1");
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
            Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
            Assert.Equal((await JsonAsync(first)).GetProperty("number").GetString(), (await JsonAsync(again)).GetProperty("number").GetString());
            Assert.True(again.Headers.Contains("Idempotent-Replayed"), "the retry is not marked replayed");
            Assert.False(first.Headers.Contains("Idempotent-Replayed"), "the first answer is marked replayed");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
            Assert.Equal(before + 1, await TicketCountAsync(api));
        }),
        new("idempotency: the same message POST twice with one key is one message, replayed; another body is 422", async probe =>
        {
            using var api = await KeyedClientAsync(probe, "Probe idempotensi pesan");
            var number = await CreateTicketAsync(api, probe.ClientNpwp);
            var path = $"/api/v1/tickets/{number}/messages";
            var first = await PostWithKeyAsync(api, path, """{"text":"Sudah dicoba lagi, tetap gagal"}""", "probe-pesan-1");
            var again = await PostWithKeyAsync(api, path, """{"text":"Sudah dicoba lagi, tetap gagal"}""", "probe-pesan-1");
            var other = await PostWithKeyAsync(api, path, """{"text":"Sekarang berhasil"}""", "probe-pesan-1");
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
            Assert.True(again.Headers.Contains("Idempotent-Replayed"), "the retry is not marked replayed");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
            var timeline = (await JsonAsync(await api.GetAsync($"/api/v1/tickets/{number}"))).GetProperty("timeline").EnumerateArray();
            Assert.Equal(1, timeline.Count(entry => entry.GetProperty("kind").GetString() == "ClientMessage"));
        }),
    ];

    [Fact]
    public async Task ShouldHoldEveryProbeCaseAndNeverAnswer500()
    {
        await using var server = new ProbeServer();
        var adminId = await server.CreateUserAsync(ProbeServer.AdminEmail, Roles.Admin);
        await server.CreateUserAsync(ProbeServer.ConsultantEmail, Roles.Consultant);
        var browser = server.ClientFrom();
        Assert.Equal(HttpStatusCode.Redirect, (await HelpdeskWebFactory.SignInAsync(browser, ProbeServer.AdminEmail)).StatusCode);
        var api = server.ClientFrom(cookies: false);
        api.DefaultRequestHeaders.Add("X-Api-Key", await server.CreateApiKeyAsync("Probe"));
        var npwp = await CreateClientAsync(api, 7);
        var created = await PostJsonAsync(api, "/api/v1/tickets", new { clientNpwp = npwp, errorText = Hostile, description = Hostile });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var probe = new Probe(server, browser, api, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!, line => output.WriteLine("          " + line))
        {
            ClientNpwp = npwp,
            StaffId = adminId,
        };

        var gaveWay = new List<string>();
        foreach (var (name, check) in Cases)
        {
            try
            {
                await check(probe);
                output.WriteLine($"held      {name}");
            }
            catch (Exception exception) when (exception is XunitException or HttpRequestException or TaskCanceledException)
            {
                gaveWay.Add($"{name}: {exception.Message}");
                output.WriteLine($"GAVE WAY  {name}: {exception.Message}");
            }
        }

        var errors = server.Answers.Where(answer => answer.Status >= 500).Select(answer => $"{answer.Request} → {answer.Status} {answer.ContentType}").ToArray();
        var tally = $"probe: tried {Cases.Count}, held {Cases.Count - gaveWay.Count}; {server.Answers.Count} answers, {errors.Length} of them 5xx";
        output.WriteLine(tally);
        Console.WriteLine(tally);
        Assert.True(gaveWay.Count == 0 && errors.Length == 0, tally + "\n" + string.Join("\n", gaveWay.Concat(errors)));
    }

    /// <summary>A client with its own API key, so a case's requests do not spend the shared key's per-minute budget.</summary>
    private static async Task<HttpClient> KeyedClientAsync(Probe probe, string name)
    {
        var client = probe.Server.ClientFrom(cookies: false);
        client.DefaultRequestHeaders.Add("X-Api-Key", await probe.Server.CreateApiKeyAsync(name));
        return client;
    }

    private static async Task<int> TicketCountAsync(HttpClient api)
    {
        var page = await api.GetAsync("/api/v1/tickets?pageSize=1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (await JsonAsync(page)).GetProperty("totalCount").GetInt32();
    }

    private static async Task<string> CreateTicketAsync(HttpClient api, string npwp)
    {
        var created = await PostJsonAsync(api, "/api/v1/tickets", new { clientNpwp = npwp, errorText = "ETAX-40002 Error di Service" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await JsonAsync(created)).GetProperty("number").GetString()!;
    }

    /// <summary>A 400 problem naming <paramref name="field"/> with at least one message.</summary>
    private static async Task AssertFieldProblemAsync(HttpResponseMessage response, string field, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {text}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await JsonAsync(response)).TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            && messages.GetArrayLength() > 0, $"{what}: no message for {field} in {text}");
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string path, string json, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<Guid> TicketIdAsync(Probe probe, string number)
    {
        await using var db = await probe.Server.Services.GetRequiredService<IAppDbContextFactory>().CreateAsync();
        return await db.Tickets.Where(ticket => ticket.Number == number).Select(ticket => ticket.Id).SingleAsync();
    }

    /// <summary>Uploads have no HTTP route of their own (the Blazor circuit sends the command), so the case sends it inside the running app.</summary>
    private static Task<Result<Guid>> AttachAsync(Probe probe, Guid ticketId, string fileName, byte[] content) =>
        HelpdeskWebFactory.SendAsAsync(probe.Server.Services, probe.StaffId, [Roles.Admin],
            sender => sender.Send(new AddAttachmentCommand { TicketId = ticketId, FileName = fileName, Content = content }));

    private static async Task<int> AttachmentCountAsync(Probe probe, Guid ticketId, string fileName)
    {
        await using var db = await probe.Server.Services.GetRequiredService<IAppDbContextFactory>().CreateAsync();
        return await db.Attachments.CountAsync(attachment => attachment.TicketId == ticketId && attachment.FileName == fileName);
    }

    private static void AssertRefused(Result<Guid> result, string what)
    {
        Assert.False(result.IsSuccess, $"{what} was stored");
        Assert.True(result.Error!.FieldErrors.TryGetValue(nameof(AddAttachmentCommand.Content), out var messages) && messages.Length > 0, $"{what}: {result.Error.Message}");
    }

    private static async Task<HttpResponseMessage> KeyedAsync(Probe probe, string key)
    {
        using var client = probe.Server.ClientFrom(cookies: false);
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", key);
        return await client.GetAsync("/api/v1/tickets");
    }

    private static async Task<double> TimedSignInAsync(HttpClient client, string email)
    {
        var token = HelpdeskWebFactory.TokenIn(await client.GetStringAsync("/account/login"))!;
        var form = Form(("_handler", "sign-in"), ("__RequestVerificationToken", token), ("Input.Email", email), ("Input.Password", "Salah12345"));
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsync("/account/login", form);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return elapsed;
    }

    /// <summary>Signs in as a browser behind the TLS proxy would, carrying cookies by hand (a cookie jar keeps Secure ones off http).</summary>
    private static async Task<(HttpResponseMessage Page, HttpResponseMessage SignIn)> SignInThroughAsync(HttpClient client)
    {
        var get = ForwardedHttps(HttpMethod.Get, "/account/login");
        var page = await client.SendAsync(get);
        var html = await page.Content.ReadAsStringAsync();
        var post = ForwardedHttps(HttpMethod.Post, "/account/login");
        post.Headers.Add("Cookie", string.Join("; ", SetCookies(page).Select(cookie => cookie.Split(';')[0])));
        post.Content = Form(("_handler", "sign-in"), ("__RequestVerificationToken", HelpdeskWebFactory.TokenIn(html)!),
            ("Input.Email", ProbeServer.AdminEmail), ("Input.Password", HelpdeskWebFactory.Password));
        return (page, await client.SendAsync(post));
    }

    private static HttpRequestMessage ForwardedHttps(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = ProbeServer.PublicHost;
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return request;
    }

    /// <summary>Sends a body the server may refuse midway: a refusal can arrive as a 413 or as the connection closing.</summary>
    private static async Task<HttpResponseMessage?> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        request.Headers.ExpectContinue = true;
        try
        {
            return await client.SendAsync(request);
        }
        catch (HttpRequestException exception) when (exception.InnerException is IOException)
        {
            return null;
        }
    }

    private static void AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(field => KeyValuePair.Create(field.Name, field.Value)));

    private static string[] SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToArray() : [];

    private static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Any(part => part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    private static double Median(List<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    /// <summary>A large body made on the fly, never held in memory; counts what was actually sent.</summary>
    private sealed class FillerContent(long length, bool chunked) : HttpContent
    {
        public long Sent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            // One JSON string that never ends: a parser must read on until the limit stops it.
            var opening = "{\"errorText\":\""u8.ToArray();
            await stream.WriteAsync(opening);
            Sent = opening.Length;
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            while (Sent < length)
            {
                var size = (int)Math.Min(chunk.Length, length - Sent);
                await stream.WriteAsync(chunk.AsMemory(0, size));
                Sent += size;
            }
        }

        protected override bool TryComputeLength(out long length1)
        {
            length1 = length;
            return !chunked;
        }
    }
}
