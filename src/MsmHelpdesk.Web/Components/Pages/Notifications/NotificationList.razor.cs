using Mediator;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common;
using MsmHelpdesk.Application.Features.Notifications;
using MsmHelpdesk.Domain.Notifications;
using MsmHelpdesk.Web.Components.Layout;

namespace MsmHelpdesk.Web.Components.Pages.Notifications;

public partial class NotificationList
{
    [Inject]
    private ISender Sender { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private NotificationSignal Signal { get; set; } = default!;

    private const int PageSize = 20;
    private PagedList<NotificationView>? page;
    private int pageNumber = 1;
    private bool unreadOnly;
    private string? error;

    private int PageCount => page is null ? 0 : (page.TotalCount + PageSize - 1) / PageSize;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Sender.Send(new ListMyNotificationsQuery { Page = pageNumber, PageSize = PageSize, UnreadOnly = unreadOnly });
        if (result.IsSuccess)
        {
            page = result.Value;
            error = null;
        }
        else
        {
            error = result.Error.Message;
        }
    }

    private async Task GoToAsync(int number)
    {
        pageNumber = number;
        await LoadAsync();
    }

    private async Task ShowUnreadOnlyAsync(bool value)
    {
        unreadOnly = value;
        pageNumber = 1;
        await LoadAsync();
    }

    private async Task MarkReadAsync(NotificationView item)
    {
        await Sender.Send(new MarkNotificationReadCommand { NotificationId = item.Id });
        Signal.Raise();
        await LoadAsync();
    }

    private async Task MarkAllAsync()
    {
        await Sender.Send(new MarkAllNotificationsReadCommand());
        Signal.Raise();
        await LoadAsync();
    }

    private async Task OpenAsync(NotificationView item)
    {
        if (item.IsUnread)
        {
            await Sender.Send(new MarkNotificationReadCommand { NotificationId = item.Id });
            Signal.Raise();
        }

        // Checked again on the way out: a link that is not the helpdesk's own path is never followed.
        if (AppLinks.IsAppRelative(item.Link))
        {
            Navigation.NavigateTo(item.Link!);
        }
        else
        {
            await LoadAsync();
        }
    }
}
