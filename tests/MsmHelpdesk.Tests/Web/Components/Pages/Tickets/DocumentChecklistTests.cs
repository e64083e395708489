using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Web.Components.Pages.Tickets;
using MudBlazor.Services;

namespace MsmHelpdesk.Tests.Web.Components.Pages.Tickets;

public sealed class DocumentChecklistTests
{
    public DocumentChecklistTests() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldTickDocumentsAsFlagsAndOfferNoPlaceToTypeThePassphrase()
    {
        var value = KppDocuments.RequestForm;
        await using var context = new BunitContext();
        context.Services.AddLocalization();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;

        var cut = context.Render<DocumentChecklist>(parameters => parameters
            .Add(p => p.Value, value)
            .Add(p => p.ValueChanged, (KppDocuments changed) => value = changed));
        var boxes = cut.FindAll("input[type=checkbox]");
        boxes[1].Change(true);
        cut.Render(parameters => parameters.Add(p => p.Value, value));
        cut.FindAll("input[type=checkbox]")[0].Change(false);

        Assert.Equal(6, boxes.Count);
        Assert.Equal(KppDocuments.CompanyDeed, value);
        Assert.Contains("passphrase baru sudah dipilih (tidak dicatat di sini)", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("swafoto memegang KTP", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("input:not([type=checkbox]), textarea"));
    }
}
