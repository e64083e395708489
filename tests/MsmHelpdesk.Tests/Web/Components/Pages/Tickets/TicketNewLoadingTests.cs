using System.Globalization;
using Bunit;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;
using MsmHelpdesk.Web.Components.Pages.Tickets;
using MudBlazor.Services;

namespace MsmHelpdesk.Tests.Web.Components.Pages.Tickets;

/// <summary>
/// A consultant on a call types as soon as the new-ticket form shows. Until the page's own data has arrived (staff, the
/// client from the address) a re-render could overwrite what was typed, so the form stays shut until then.
/// </summary>
public sealed class TicketNewLoadingTests
{
    public TicketNewLoadingTests() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldKeepTheFormShutUntilItsDataHasArrived()
    {
        var sender = new HeldStaffSender();
        await using var context = new BunitContext();
        context.Services.AddLocalization();
        context.Services.AddMudServices();
        context.Services.AddSingleton<ISender>(sender);
        context.Services.AddSingleton<ICurrentUser>(new Me());
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new RendererInfo("Server", true));

        var cut = context.Render<TicketNew>(parameters => parameters.SetAssignedRenderMode(RenderMode.InteractiveServer));
        var shutWhileLoading = cut.Find("#ticket-form fieldset.form-gate").HasAttribute("disabled");
        sender.Release([new StaffMember { Id = "u-budi", DisplayName = "Budi", Email = "budi@msm.co.id", IsActive = true }]);

        Assert.True(shutWhileLoading);
        cut.WaitForAssertion(() => Assert.False(cut.Find("#ticket-form fieldset.form-gate").HasAttribute("disabled")));
        Assert.Empty(cut.FindAll("#ticket-form .form-gate-progress"));
    }

    private sealed class Me : ICurrentUser
    {
        public ValueTask<UserIdentity> GetAsync(CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new UserIdentity("u-budi", "Budi", new HashSet<string> { Roles.Consultant }));
    }

    /// <summary>Answers the page's staff query only when the test says so; the page sends nothing else before it is ready.</summary>
    private sealed class HeldStaffSender : RefusingSender
    {
        private readonly TaskCompletionSource<Result<IReadOnlyList<StaffMember>>> _staff = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release(IReadOnlyList<StaffMember> staff) => _staff.SetResult(Result.Success(staff));

        public override async ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) =>
            query is MsmHelpdesk.Application.Features.Tickets.ListStaffQuery
                ? (TResponse)(object)await _staff.Task
                : await base.Send(query, cancellationToken);
    }
}
