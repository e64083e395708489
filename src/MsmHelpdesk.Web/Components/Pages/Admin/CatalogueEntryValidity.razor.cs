using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Knowledge;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Admin;

public partial class CatalogueEntryValidity
{
    private readonly FormErrors errors = new();
    private SetCatalogueEntryValidityCommand? form;
    private string systemValue = "unknown";

    [Parameter, EditorRequired]
    public ErrorCodeEntry Entry { get; set; } = default!;

    /// <summary>Raised after a save, so the page reads the new catalogue version.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    private void Start()
    {
        errors.Clear();
        systemValue = Entry.System is { } system ? Wire.Of(system) : "unknown";
        form = new SetCatalogueEntryValidityCommand
        {
            Code = Entry.Code,
            ValidFrom = Entry.ValidFrom,
            ValidUntil = Entry.ValidUntil,
            SourceNumber = Entry.Source?.Number,
            SourceDate = Entry.Source?.Date,
            SourceLink = Entry.Source?.Link,
        };
    }

    private async Task SaveAsync()
    {
        if (form is null)
        {
            return;
        }

        form.System = Wire.ParseSystem(systemValue) is { } system && system != TaxSystem.Unknown ? system : null;
        if ((await SendAsync(form, errors)).IsSuccess)
        {
            form = null;
            Snackbar.Add(L["Catalogue.ValiditySaved"], Severity.Success);
            await OnChanged.InvokeAsync();
        }
    }
}
