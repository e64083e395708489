using System.Globalization;
using MsmHelpdesk.Application.Features.Replies;
using MsmHelpdesk.Domain.Replies;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Admin;

public partial class CannedReplies
{
    private readonly FormErrors errors = new();
    private IReadOnlyList<CannedReplyItem>? replies;
    private SaveCannedReplyCommand form = new();

    private static string FieldList => string.Join(", ", CannedReply.Fields.Select(name => $"{{{{{name}}}}}"));

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Sender.Send(new ListCannedRepliesQuery());
        replies = result.IsSuccess ? result.Value : [];
    }

    private void Edit(CannedReplyItem reply)
    {
        errors.Clear();
        form = new SaveCannedReplyCommand
        {
            Id = reply.Id,
            ExpectedVersion = reply.Version,
            Name = reply.Name,
            Channel = reply.Channel,
            TextIndonesian = reply.TextIndonesian,
            TextEnglish = reply.TextEnglish,
        };
    }

    private void New()
    {
        errors.Clear();
        form = new SaveCannedReplyCommand();
    }

    private async Task SaveAsync()
    {
        if (!(await SendAsync(form, errors)).IsSuccess)
        {
            return;
        }

        Snackbar.Add(L["Canned.Saved"], Severity.Success);
        New();
        await LoadAsync();
    }

    private async Task DeleteAsync(CannedReplyItem reply)
    {
        if (!(await SendAsync(new DeleteCannedReplyCommand { Id = reply.Id })).IsSuccess)
        {
            return;
        }

        Snackbar.Add(L["Canned.Deleted"], Severity.Success);
        if (form.Id == reply.Id)
        {
            New();
        }

        await LoadAsync();
    }

    private static string Wib(DateTimeOffset at) => MsmHelpdesk.Domain.Time.Wib.Format(at, CultureInfo.CurrentCulture);
}
