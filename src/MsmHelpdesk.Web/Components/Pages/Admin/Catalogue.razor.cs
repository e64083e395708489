using Mediator;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Knowledge;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Admin;

public partial class Catalogue
{
    [Inject]
    private ISender Sender { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private CatalogueView? view;
    private AddCataloguePhraseCommand add = new();
    private string note = "";
    private readonly FormErrors errors = new();
    private readonly FormErrors playbookErrors = new();
    private (string Code, string Cause)? editing;
    private string stepsText = "";
    private string stepsNote = "";

    private void StartEditing(string code, string cause, IReadOnlyList<string> steps)
    {
        editing = (code, cause);
        stepsText = string.Join("\n", steps);
        stepsNote = "";
        playbookErrors.Clear();
    }

    private async Task SaveStepsAsync()
    {
        var (code, cause) = editing!.Value;
        var result = await Sender.Send(new SetPlaybookStepsCommand
        {
            Code = code,
            Cause = cause,
            Steps = stepsText.Split('\n').Select(step => step.Trim()).ToList(),
            Note = stepsNote,
        });
        if (!result.IsSuccess)
        {
            playbookErrors.Show(result.Error);
            return;
        }

        editing = null;
        Snackbar.Add(L["Catalogue.Saved", result.Value], Severity.Success);
        await LoadAsync();
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Sender.Send(new GetCatalogueQuery());
        if (result.IsSuccess) { view = result.Value; } else { Snackbar.Add(result.Error!.Message, Severity.Error); }
    }

    private async Task AddAsync()
    {
        errors.Clear();
        add.Note = note;
        var result = await Sender.Send(add);
        if (!result.IsSuccess) { errors.Show(result.Error!); return; }
        Snackbar.Add(L["Catalogue.Saved", result.Value], Severity.Success);
        add = new();
        note = "";
        await LoadAsync();
    }

    private async Task RemoveAsync(MsmHelpdesk.Domain.Classification.RecognitionPhrase phrase)
    {
        errors.Clear();
        var result = await Sender.Send(new RemoveCataloguePhraseCommand { Phrase = phrase.Phrase, Points = phrase.Points, Note = note });
        if (!result.IsSuccess) { errors.Show(result.Error!); Snackbar.Add(result.Error!.FieldErrors.Count > 0 ? L["Catalogue.NoteNeeded"] : result.Error.Message, Severity.Error); return; }
        Snackbar.Add(L["Catalogue.Saved", result.Value], Severity.Success);
        note = "";
        await LoadAsync();
    }
}
