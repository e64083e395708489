using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.Identity;
using MsmHelpdesk.Tests.Support;
using Xunit.Abstractions;

namespace MsmHelpdesk.Tests.Infrastructure.Identity;

public sealed class SignInTimingTests(ITestOutputHelper output)
{
    private const string KnownEmail = "sri@msm.co.id";

    [Fact]
    public async Task ShouldTakeAsLongToRefuseAnUnknownEmailAsAKnownOneWithAWrongPassword()
    {
        await using var app = await TestApp.StartAsync();
        var identity = app.Services.GetRequiredService<IIdentityService>();
        await identity.CreateUserAsync(new NewUser(KnownEmail, "Sri", HelpdeskWebFactory.Password, [Roles.Consultant]), CancellationToken.None);

        // Warm both paths (JIT, connection pool, the dummy hash), then interleave so a busy neighbour slows both alike.
        await RefuseKnownAsync(app, identity);
        await RefuseUnknownAsync(identity, 0);
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 1; i <= 25; i++)
        {
            known.Add(await RefuseKnownAsync(app, identity));
            unknown.Add(await RefuseUnknownAsync(identity, i));
        }

        var ratio = Median(unknown) / Median(known);
        output.WriteLine($"median unknown {Median(unknown):F1} ms, known {Median(known):F1} ms, ratio {ratio:F2}");

        // Before the dummy hash an unknown e-mail took 10–20 ms against 150–575 ms (a ratio under 0.15).
        Assert.True(ratio is > 0.5 and < 2.0, $"median unknown {Median(unknown):F1} ms, known {Median(known):F1} ms, ratio {ratio:F2}");
    }

    [Fact]
    public async Task ShouldStillLockAKnownAccountAfterFiveWrongPasswords()
    {
        await using var app = await TestApp.StartAsync();
        var identity = app.Services.GetRequiredService<IIdentityService>();
        await identity.CreateUserAsync(new NewUser(KnownEmail, "Sri", HelpdeskWebFactory.Password, [Roles.Consultant]), CancellationToken.None);

        for (var i = 0; i < 5; i++)
        {
            await identity.PasswordSignInAsync(KnownEmail, "Salah12345", CancellationToken.None);
        }

        var outcome = await identity.PasswordSignInAsync(KnownEmail, HelpdeskWebFactory.Password, CancellationToken.None);
        var unknown = await identity.PasswordSignInAsync("tidak-ada@msm.co.id", "Salah12345", CancellationToken.None);

        Assert.Equal(SignInStatus.LockedOut, outcome.Status);
        Assert.Equal(SignInStatus.Failed, unknown.Status);
    }

    private static async Task<double> RefuseKnownAsync(TestApp app, IIdentityService identity)
    {
        var watch = Stopwatch.StartNew();
        var outcome = await identity.PasswordSignInAsync(KnownEmail, "Salah12345", CancellationToken.None);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        Assert.Equal(SignInStatus.Failed, outcome.Status);

        // Not timed: keep the account below the lockout threshold so every sample checks the password.
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await users.ResetAccessFailedCountAsync((await users.FindByEmailAsync(KnownEmail))!);
        return elapsed;
    }

    private static async Task<double> RefuseUnknownAsync(IIdentityService identity, int attempt)
    {
        var watch = Stopwatch.StartNew();
        var outcome = await identity.PasswordSignInAsync($"orang{attempt}@msm.co.id", "Salah12345", CancellationToken.None);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        Assert.Equal(SignInStatus.Failed, outcome.Status);
        return elapsed;
    }

    private static double Median(List<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
    }
}
