using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Setup;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Setup;

public sealed class SetupTests
{
    public SetupTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private static CreateFirstAdminCommand ValidAdmin(string email = "admin@msm.co.id") => new()
    {
        Email = email,
        DisplayName = "Sri Admin",
        Password = "Rahasia12345",
        ConfirmPassword = "Rahasia12345",
    };

    [Fact]
    public async Task ShouldCreateTheFirstAdminAndCloseSetup()
    {
        await using var app = await TestApp.StartAsync();

        var created = await app.SendAsync(UserIdentity.Anonymous, ValidAdmin());

        Assert.True(created.IsSuccess);
        var admin = await app.Identity.FindUserAsync(created.Value, CancellationToken.None);
        Assert.Equal(["Admin"], admin!.Roles);
        Assert.Equal("Sri Admin", admin.DisplayName);
        var status = await app.SendAsync(UserIdentity.Anonymous, new GetSetupStatusQuery());
        Assert.False(status.Value.IsOpen);
    }

    [Fact]
    public async Task ShouldRefuseASecondSetupForGood()
    {
        await using var app = await TestApp.StartAsync();
        await app.SendAsync(UserIdentity.Anonymous, ValidAdmin());

        var second = await app.SendAsync(UserIdentity.Anonymous, ValidAdmin("other@msm.co.id"));

        Assert.False(second.IsSuccess);
        Assert.Equal("setup-closed", second.Error.Code);
        Assert.Equal(1, await app.QueryDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task ShouldReturnFieldErrorsInIndonesianAndCreateNothingWhenInputIsBad()
    {
        await using var app = await TestApp.StartAsync();

        var result = await app.SendAsync(UserIdentity.Anonymous, new CreateFirstAdminCommand
        {
            Email = "bukan-email",
            DisplayName = "  ",
            Password = "pendek",
            ConfirmPassword = "lain",
        });

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Equal(["Format e-mail tidak valid, contoh: nama@kantor.co.id."], result.Error.FieldErrors["Email"]);
        Assert.Equal(["Wajib diisi."], result.Error.FieldErrors["DisplayName"]);
        Assert.Equal(["Kata sandi minimal 10 karakter."], result.Error.FieldErrors["Password"]);
        Assert.Equal(["Konfirmasi kata sandi tidak sama dengan kata sandi."], result.Error.FieldErrors["ConfirmPassword"]);
        Assert.Equal(0, await app.QueryDbAsync(db => db.Users.CountAsync()));
        Assert.True((await app.SendAsync(UserIdentity.Anonymous, new GetSetupStatusQuery())).Value.IsOpen);
    }

    [Fact]
    public async Task ShouldExplainEachMissingPasswordRule()
    {
        await using var app = await TestApp.StartAsync();

        var result = await app.SendAsync(UserIdentity.Anonymous, ValidAdmin() with { Password = "tanpaangkaatauhurufbesar", ConfirmPassword = "tanpaangkaatauhurufbesar" });

        Assert.Equal(["Kata sandi harus memuat angka (0-9)."], result.Error!.FieldErrors["Password"]);
    }

    [Fact]
    public async Task ShouldSpeakEnglishWhenTheUserChoseIt()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        await using var app = await TestApp.StartAsync();

        var result = await app.SendAsync(UserIdentity.Anonymous, ValidAdmin() with { Email = "" });

        Assert.Equal(["Required."], result.Error!.FieldErrors["Email"]);
    }

    [Fact]
    public async Task ShouldCreateOnlyOneAdminWhenTwoSetupsRace()
    {
        await using var app = await TestApp.StartAsync();

        var results = await Task.WhenAll(
            Task.Run(() => app.SendAsync(UserIdentity.Anonymous, ValidAdmin("first@msm.co.id"))),
            Task.Run(() => app.SendAsync(UserIdentity.Anonymous, ValidAdmin("second@msm.co.id"))));

        Assert.Single(results, result => result.IsSuccess);
        Assert.Equal(1, await app.QueryDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(1, await app.Identity.CountActiveAdminsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ShouldNotRunSetupAgainEvenWhenSomeoneSendsItSignedIn()
    {
        await using var app = await TestApp.StartAsync();
        await app.SendAsync(UserIdentity.Anonymous, ValidAdmin());

        var again = await app.SendAsync(TestCurrentUser.Admin(), ValidAdmin("third@msm.co.id"));

        Assert.Equal("setup-closed", again.Error!.Code);
        Assert.Equal(1, await app.QueryDbAsync(db => db.Users.CountAsync(user => user.Email == "admin@msm.co.id" || user.Email == "third@msm.co.id")));
        Assert.Contains(Roles.Admin, (await app.Identity.CountActiveUsersByRoleAsync(CancellationToken.None)).Keys);
    }
}
