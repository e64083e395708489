using System.Globalization;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Home;
using MsmHelpdesk.Application.Features.Setup;
using MsmHelpdesk.Application.Features.Users;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Users;

public sealed class UserAdministrationTests
{
    public UserAdministrationTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private static async Task<(TestApp App, UserIdentity Admin)> StartWithAdminAsync()
    {
        var app = await TestApp.StartAsync();
        var adminId = (await app.SendAsync(UserIdentity.Anonymous, new CreateFirstAdminCommand
        {
            Email = "admin@msm.co.id",
            DisplayName = "Sri Admin",
            Password = "Rahasia12345",
            ConfirmPassword = "Rahasia12345",
        })).Value;
        return (app, TestCurrentUser.Admin(adminId));
    }

    private static CreateUserCommand NewUser(string email, string name, params string[] roles) => new()
    {
        Email = email,
        DisplayName = name,
        Password = "Konsultan2026",
        ConfirmPassword = "Konsultan2026",
        Roles = roles,
    };

    [Fact]
    public async Task ShouldCreateAUserWithTheChosenRoles()
    {
        var (app, admin) = await StartWithAdminAsync();
        await using var _ = app;

        var created = await app.SendAsync(admin, NewUser("budi@msm.co.id", "Budi Santoso", Roles.Consultant, Roles.Manager));

        Assert.True(created.IsSuccess);
        var user = await app.Identity.FindUserAsync(created.Value, CancellationToken.None);
        Assert.Equal([Roles.Consultant, Roles.Manager], user!.Roles);
        Assert.True(user.IsActive);
    }

    [Fact]
    public async Task ShouldRefuseADuplicateEmailNextToTheField()
    {
        var (app, admin) = await StartWithAdminAsync();
        await using var _ = app;
        await app.SendAsync(admin, NewUser("budi@msm.co.id", "Budi", Roles.Consultant));

        var duplicate = await app.SendAsync(admin, NewUser("BUDI@msm.co.id", "Budi Lagi", Roles.Consultant));

        Assert.Equal(["E-mail ini sudah dipakai pengguna lain."], duplicate.Error!.FieldErrors["Email"]);
        Assert.Equal(2, (await app.SendAsync(admin, new ListUsersQuery())).Value.TotalCount);
    }

    [Fact]
    public async Task ShouldRefuseAUserWithoutRoleOrWithAnUnknownRole()
    {
        var (app, admin) = await StartWithAdminAsync();
        await using var _ = app;

        var none = await app.SendAsync(admin, NewUser("a@msm.co.id", "A"));
        var unknown = await app.SendAsync(admin, NewUser("b@msm.co.id", "B", "Boss"));

        Assert.Equal(["Pilih minimal satu peran."], none.Error!.FieldErrors["Roles"]);
        Assert.Equal(["Peran tidak dikenal: Boss."], unknown.Error!.FieldErrors["Roles"]);
        Assert.Equal(1, (await app.SendAsync(admin, new ListUsersQuery())).Value.TotalCount);
    }

    [Fact]
    public async Task ShouldPageSortAndSearchUsersInTheDatabase()
    {
        var (app, admin) = await StartWithAdminAsync();
        await using var _ = app;
        foreach (var (email, name) in new[] { ("budi@msm.co.id", "Budi"), ("citra@msm.co.id", "Citra"), ("dewi@msm.co.id", "Dewi") })
        {
            await app.SendAsync(admin, NewUser(email, name, Roles.Consultant));
        }

        var firstPage = await app.SendAsync(admin, new ListUsersQuery { Page = 1, PageSize = 2, SortBy = UserSort.DisplayName, Descending = true });
        var search = await app.SendAsync(admin, new ListUsersQuery { Search = "CITRA" });
        var byEmail = await app.SendAsync(admin, new ListUsersQuery { Search = "dewi@" });

        Assert.Equal(4, firstPage.Value.TotalCount);
        Assert.Equal(["Sri Admin", "Dewi"], firstPage.Value.Items.Select(user => user.DisplayName));
        Assert.Equal(["Citra"], search.Value.Items.Select(user => user.DisplayName));
        Assert.Equal(["Dewi"], byEmail.Value.Items.Select(user => user.DisplayName));
    }

    [Fact]
    public async Task ShouldRefuseAPageSizeOutsideTheLimits()
    {
        var (app, admin) = await StartWithAdminAsync();
        await using var _ = app;

        var result = await app.SendAsync(admin, new ListUsersQuery { PageSize = 5000 });

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.True(result.Error.FieldErrors.ContainsKey("PageSize"));
    }

    [Fact]
    public async Task ShouldChangeRolesButKeepTheLastActiveAdmin()
    {
        var (app, admin) = await StartWithAdminAsync();
        await using var _ = app;
        var budi = (await app.SendAsync(admin, NewUser("budi@msm.co.id", "Budi", Roles.Consultant))).Value;

        var promoted = await app.SendAsync(admin, new SetUserRolesCommand { UserId = budi, Roles = [Roles.Manager] });
        var demoteOnlyAdmin = await app.SendAsync(admin, new SetUserRolesCommand { UserId = admin.UserId!, Roles = [Roles.Consultant] });

        Assert.True(promoted.IsSuccess);
        Assert.Equal([Roles.Manager], (await app.Identity.FindUserAsync(budi, CancellationToken.None))!.Roles);
        Assert.Equal(["Harus tetap ada minimal satu Admin aktif."], demoteOnlyAdmin.Error!.FieldErrors["Roles"]);
        Assert.Equal([Roles.Admin], (await app.Identity.FindUserAsync(admin.UserId!, CancellationToken.None))!.Roles);
    }

    [Fact]
    public async Task ShouldDeactivateAndReactivateAUser()
    {
        var (app, admin) = await StartWithAdminAsync();
        await using var _ = app;
        var budi = (await app.SendAsync(admin, NewUser("budi@msm.co.id", "Budi", Roles.Consultant))).Value;

        var deactivated = await app.SendAsync(admin, new SetUserActiveCommand { UserId = budi, IsActive = false });
        var afterDeactivation = await app.Identity.FindUserAsync(budi, CancellationToken.None);
        var reactivated = await app.SendAsync(admin, new SetUserActiveCommand { UserId = budi, IsActive = true });

        Assert.True(deactivated.IsSuccess);
        Assert.False(afterDeactivation!.IsActive);
        Assert.True(reactivated.IsSuccess);
        Assert.True((await app.Identity.FindUserAsync(budi, CancellationToken.None))!.IsActive);
    }

    [Fact]
    public async Task ShouldRefuseToDeactivateYourselfOrTheLastAdmin()
    {
        var (app, admin) = await StartWithAdminAsync();
        await using var _ = app;
        var otherAdmin = TestCurrentUser.Admin("an-admin-who-is-not-in-the-database");

        var self = await app.SendAsync(admin, new SetUserActiveCommand { UserId = admin.UserId!, IsActive = false });
        var lastAdmin = await app.SendAsync(otherAdmin, new SetUserActiveCommand { UserId = admin.UserId!, IsActive = false });

        Assert.Equal("cannot-deactivate-self", self.Error!.Code);
        Assert.Equal("last-admin", lastAdmin.Error!.Code);
        Assert.True((await app.Identity.FindUserAsync(admin.UserId!, CancellationToken.None))!.IsActive);
    }

    [Fact]
    public async Task ShouldReportAnUnknownUser()
    {
        var (app, admin) = await StartWithAdminAsync();
        await using var _ = app;

        var result = await app.SendAsync(admin, new SetUserActiveCommand { UserId = "nobody", IsActive = false });

        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
    }

    [Fact]
    public async Task ShouldShowTheTeamOnlyOnAManagersHome()
    {
        var (app, admin) = await StartWithAdminAsync();
        await using var _ = app;
        var budi = (await app.SendAsync(admin, NewUser("budi@msm.co.id", "Budi", Roles.Consultant))).Value;
        var citra = (await app.SendAsync(admin, NewUser("citra@msm.co.id", "Citra", Roles.Consultant))).Value;
        await app.SendAsync(admin, new SetUserActiveCommand { UserId = citra, IsActive = false });
        await app.SendAsync(admin, NewUser("maya@msm.co.id", "Maya", Roles.Manager));

        var managerHome = await app.SendAsync(TestCurrentUser.With("maya", Roles.Manager), new GetHomeQuery());
        var consultantHome = await app.SendAsync(TestCurrentUser.With(budi, Roles.Consultant), new GetHomeQuery());

        Assert.Equal(new TeamOverview(Consultants: 1, Managers: 1, Admins: 1), managerHome.Value.Team);
        Assert.NotNull(managerHome.Value.Backlog);
        Assert.Null(consultantHome.Value.Backlog);
        Assert.Null(consultantHome.Value.Team);
        Assert.Equal([Roles.Consultant], consultantHome.Value.Roles);
    }
}
