using System.Globalization;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Features.Users;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Admin;

public partial class Users
{
    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private MudDataGrid<UserSummary> grid = default!;
    private string? search;
    private bool creating;
    private CreateUserCommand newUser = new();
    private HashSet<string> newRoles = [];
    private readonly FormErrors createErrors = new();
    private UserSummary? editing;
    private HashSet<string> editRoles = [];
    private readonly FormErrors roleErrors = new();

    private async Task<GridData<UserSummary>> LoadAsync(GridState<UserSummary> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var result = await Sender.Send(new ListUsersQuery
        {
            Search = search,
            Page = state.Page + 1,
            PageSize = state.PageSize,
            SortBy = sort?.SortBy switch
            {
                nameof(UserSummary.Email) => UserSort.Email,
                nameof(UserSummary.CreatedAt) => UserSort.CreatedAt,
                nameof(UserSummary.LastSignInAt) => UserSort.LastSignInAt,
                _ => UserSort.DisplayName,
            },
            Descending = sort?.Descending ?? false,
        }, cancellationToken);
        if (!result.IsSuccess)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            return new GridData<UserSummary> { Items = [], TotalItems = 0 };
        }

        return new GridData<UserSummary> { Items = result.Value.Items, TotalItems = result.Value.TotalCount };
    }

    private Task SearchChangedAsync(string _) => grid.ReloadServerData();

    private void StartCreate()
    {
        editing = null;
        newUser = new CreateUserCommand();
        newRoles = [Roles.Consultant];
        createErrors.Clear();
        creating = true;
    }

    private void CancelCreate() => creating = false;

    private async Task CreateAsync()
    {
        newUser.Roles = newRoles.ToArray();
        if (!(await SendAsync(newUser, createErrors)).IsSuccess)
        {
            return;
        }

        Snackbar.Add(L["Users.Created", newUser.Email], Severity.Success);
        creating = false;
        await grid.ReloadServerData();
    }

    private void StartEditRoles(UserSummary user)
    {
        creating = false;
        editing = user;
        editRoles = user.Roles.ToHashSet(StringComparer.Ordinal);
        roleErrors.Clear();
    }

    private async Task SaveRolesAsync()
    {
        if (!(await SendAsync(new SetUserRolesCommand { UserId = editing!.Id, Roles = editRoles.ToArray() }, roleErrors)).IsSuccess)
        {
            return;
        }

        Snackbar.Add(L["Users.RolesSaved", editing.DisplayName], Severity.Success);
        editing = null;
        await grid.ReloadServerData();
    }

    private async Task SetActiveAsync(UserSummary user, bool active)
    {
        if (!active)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync(
                L["Users.DeactivateTitle"], L["Users.DeactivateConfirm", user.DisplayName],
                yesText: L["Users.Deactivate"], cancelText: L["Common.Cancel"]);
            if (confirmed != true)
            {
                return;
            }
        }

        var result = await Sender.Send(new SetUserActiveCommand { UserId = user.Id, IsActive = active });
        if (!result.IsSuccess)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            return;
        }

        Snackbar.Add(L[active ? "Users.Activated" : "Users.Deactivated", user.DisplayName], Severity.Success);
        await grid.ReloadServerData();
    }

    private static string Wib(DateTimeOffset instant) => MsmHelpdesk.Domain.Time.Wib.Format(instant, CultureInfo.CurrentCulture);
}
