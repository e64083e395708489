using Bunit;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Tests.Support;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Tests.Web.Components.Shared;

/// <summary>The list filters in markup (decision record 0210): chosen by click and keyboard, cleared, listed only while open.</summary>
public sealed class FilterSelectTests
{
    private static readonly string[] Colours = ["Merah", "Hijau", "Biru"];

    private IReadOnlyCollection<string> _told = [];
    private int _changes;

    private IRenderedComponent<FilterSelect<string>> Render(BunitContext context, bool multiple, IReadOnlyCollection<string>? selected = null) =>
        context.Render<FilterSelect<string>>(parameters => parameters
            .Add(select => select.Label, "Warna")
            .Add(select => select.Items, Colours)
            .Add(select => select.ItemText, colour => colour.ToUpperInvariant())
            .Add(select => select.Multiple, multiple)
            .Add(select => select.Clearable, true)
            .Add(select => select.Id, "colour")
            .Add(select => select.Selected, selected ?? [])
            .Add(select => select.SelectedChanged, EventCallback.Factory.Create<IReadOnlyCollection<string>>(this, chosen =>
            {
                _told = chosen;
                _changes++;
            })));

    private static string Shown(IRenderedComponent<FilterSelect<string>> cut) => cut.Find("#colour").GetAttribute("value") ?? "";

    [Fact]
    public async Task ShouldListItsItemsOnlyWhileOpenAndToggleSeveralByClick()
    {
        await using var context = ComponentContext.New("id-ID");
        var cut = Render(context, multiple: true);

        Assert.Empty(cut.FindAll("[role=option]"));
        Assert.Equal("false", cut.Find("#colour").GetAttribute("aria-expanded"));
        Assert.Equal("Warna", cut.Find("label[for=colour]").TextContent);

        cut.Find(".mud-input").Click();
        Assert.Equal(["MERAH", "HIJAU", "BIRU"], cut.FindAll("[role=option]").Select(option => option.TextContent.Trim()));
        Assert.Equal("true", cut.Find("#colour").GetAttribute("aria-expanded"));

        cut.FindAll("[role=option]")[2].Click();
        cut.FindAll("[role=option]")[0].Click();
        Assert.Equal(["Biru", "Merah"], _told);
        Assert.Equal("BIRU, MERAH", Shown(cut));
        Assert.Equal(3, cut.FindAll("[role=option]").Count); // several values: the list stays open
        Assert.Equal("true", cut.FindAll("[role=option]")[2].GetAttribute("aria-selected"));

        cut.FindAll("[role=option]")[2].Click();
        Assert.Equal(["Merah"], _told);

        cut.Find(".filter-select-overlay").Click();
        Assert.Empty(cut.FindAll("[role=option]"));
        Assert.Equal("MERAH", Shown(cut));
    }

    [Fact]
    public async Task ShouldChooseOneByKeyboardAndClose()
    {
        await using var context = ComponentContext.New("id-ID");
        var cut = Render(context, multiple: false);
        var input = cut.Find("#colour");

        input.KeyDown("ArrowDown");
        Assert.Equal("colour-option-0", cut.Find("#colour").GetAttribute("aria-activedescendant"));
        cut.Find("#colour").KeyDown("ArrowDown");
        cut.Find("#colour").KeyDown("Enter");

        Assert.Equal(["Hijau"], _told);
        Assert.Empty(cut.FindAll("[role=option]"));
        Assert.Equal("HIJAU", Shown(cut));

        // Reopened, the chosen item is the active one; End, Escape closes without choosing.
        cut.Find("#colour").KeyDown(" ");
        Assert.Equal("colour-option-1", cut.Find("#colour").GetAttribute("aria-activedescendant"));
        cut.Find("#colour").KeyDown("End");
        Assert.Equal("colour-option-2", cut.Find("#colour").GetAttribute("aria-activedescendant"));
        cut.Find("#colour").KeyDown("Escape");
        Assert.Empty(cut.FindAll("[role=option]"));
        Assert.Equal(1, _changes);
    }

    [Fact]
    public async Task ShouldClearWithItsButtonOnlyWhenSomethingIsChosen()
    {
        await using var context = ComponentContext.New("en-US");
        var cut = Render(context, multiple: true, selected: ["Hijau"]);

        Assert.Equal("HIJAU", Shown(cut));
        var clear = cut.Find(".filter-select-clear");
        Assert.Equal("Clear", clear.GetAttribute("aria-label"));
        clear.Click();

        Assert.Empty(_told);
        Assert.Equal("", Shown(cut));
        Assert.Empty(cut.FindAll("[role=option]")); // clearing does not open the list
        Assert.Empty(cut.FindAll(".filter-select-clear"));
    }
}
