using Mediator;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Notifications;

namespace MsmHelpdesk.Web.Components.Layout;

public sealed partial class NotificationBell : IAsyncDisposable
{
    [Inject]
    private ISender Sender { get; set; } = default!;

    [Inject]
    private NotificationSignal Signal { get; set; } = default!;

    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource stop = new();
    private int unread;

    private string AriaLabel => L["Notifications.Unread", unread];

    protected override async Task OnInitializedAsync()
    {
        await RefreshAsync();
        if (RendererInfo.IsInteractive)
        {
            Signal.Changed += OnChanged;
            _ = PollAsync();
        }
    }

    private async Task PollAsync()
    {
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                // Re-rendered only when the count moved: each render is a batch the browser acknowledges, which counts
                // as circuit activity, and an idle tab must stay quiet for the idle trim (decision records 0164, 0185).
                await InvokeAsync(async () =>
                {
                    var before = unread;
                    await RefreshAsync();
                    if (unread != before)
                    {
                        StateHasChanged();
                    }
                });
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void OnChanged() => _ = InvokeAsync(async () =>
    {
        await RefreshAsync();
        StateHasChanged();
    });

    private async Task RefreshAsync()
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        var count = await Sender.Send(new CountMyUnreadNotificationsQuery());
        unread = count.IsSuccess ? count.Value : 0;
    }

    public async ValueTask DisposeAsync()
    {
        Signal.Changed -= OnChanged;
        await stop.CancelAsync();
        stop.Dispose();
    }
}
