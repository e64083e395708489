using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Tests.Support;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Tests.Web.Components.Shared;

/// <summary>The grids' pager in markup (decision record 0201): it pages, resizes and counts as MudDataGridPager did.</summary>
public sealed class GridPagerTests
{
    private readonly List<(int Page, int PageSize)> _requests = [];

    private IRenderedComponent<MudDataGrid<int>> RenderGrid(BunitContext context, int total, bool capped = false) =>
        context.Render<MudDataGrid<int>>(parameters => parameters
            .Add(grid => grid.RowsPerPage, 25)
            .Add(grid => grid.ServerData, (GridState<int> state, CancellationToken _) =>
            {
                _requests.Add((state.Page, state.PageSize));
                var items = Enumerable.Range(state.Page * state.PageSize + 1, Math.Max(0, Math.Min(state.PageSize, total - state.Page * state.PageSize)));
                return Task.FromResult(new GridData<int> { Items = items.ToList(), TotalItems = total });
            })
            .Add(grid => grid.Columns, (RenderFragment)(builder =>
            {
                builder.OpenComponent<PropertyColumn<int, int>>(0);
                builder.AddAttribute(1, nameof(PropertyColumn<int, int>.Property), (System.Linq.Expressions.Expression<Func<int, int>>)(value => value));
                builder.CloseComponent();
            }))
            .Add(grid => grid.PagerContent, (RenderFragment)(builder =>
            {
                builder.OpenComponent<GridPager<int>>(0);
                builder.AddAttribute(1, nameof(GridPager<int>.TotalIsCapped), capped);
                builder.CloseComponent();
            })));

    private static string Info(IRenderedComponent<MudDataGrid<int>> cut) => cut.Find(".grid-pager-info").TextContent;

    private static bool Disabled(IRenderedComponent<MudDataGrid<int>> cut, string page) => cut.Find($"button[data-page='{page}']").HasAttribute("disabled");

    [Fact]
    public async Task ShouldPageForwardAndBackAndStopAtTheEnds()
    {
        await using var context = ComponentContext.New("id-ID");
        var cut = RenderGrid(context, total: 60);

        cut.WaitForAssertion(() => Assert.Equal("1-25 dari 60", Info(cut)));
        Assert.True(Disabled(cut, "First"));
        Assert.True(Disabled(cut, "Previous"));
        Assert.False(Disabled(cut, "Next"));

        cut.Find("button[data-page='Next']").Click();
        cut.WaitForAssertion(() => Assert.Equal("26-50 dari 60", Info(cut)));
        Assert.Contains((1, 25), _requests);
        Assert.False(Disabled(cut, "Previous"));

        cut.Find("button[data-page='Last']").Click();
        cut.WaitForAssertion(() => Assert.Equal("51-60 dari 60", Info(cut)));
        Assert.True(Disabled(cut, "Next"));
        Assert.True(Disabled(cut, "Last"));
        Assert.Equal(10, cut.FindAll("tbody tr").Count);

        cut.Find("button[data-page='First']").Click();
        cut.WaitForAssertion(() => Assert.Equal("1-25 dari 60", Info(cut)));
    }

    [Fact]
    public async Task ShouldAskTheServerForTheChosenPageSize()
    {
        await using var context = ComponentContext.New("id-ID");
        var cut = RenderGrid(context, total: 60);
        cut.WaitForAssertion(() => Assert.Equal("1-25 dari 60", Info(cut)));
        Assert.Equal("25", cut.Find("select.grid-pager-size option[selected]").GetAttribute("value"));

        cut.Find("select.grid-pager-size").Change("50");

        cut.WaitForAssertion(() => Assert.Equal("1-50 dari 60", Info(cut)));
        Assert.Contains((0, 50), _requests);
        Assert.Equal("50", cut.Find("select.grid-pager-size option[selected]").GetAttribute("value"));
    }

    [Fact]
    public async Task ShouldIgnoreAPageSizeItDoesNotOffer()
    {
        await using var context = ComponentContext.New("id-ID");
        var cut = RenderGrid(context, total: 60);
        cut.WaitForAssertion(() => Assert.Equal("1-25 dari 60", Info(cut)));
        var asked = _requests.Count;

        cut.Find("select.grid-pager-size").Change("100000");

        Assert.Equal(asked, _requests.Count);
        Assert.Equal("1-25 dari 60", Info(cut));
    }

    [Fact]
    public async Task ShouldSayACappedTotalIsAtLeastThatMany()
    {
        await using var context = ComponentContext.New("id-ID");
        var cut = RenderGrid(context, total: 1000, capped: true);

        cut.WaitForAssertion(() => Assert.Equal("1-25 dari 1.000+", Info(cut)));
    }

    [Fact]
    public async Task ShouldSpeakEnglishWhenAskedAndSayNothingIsThereWhenEmpty()
    {
        await using var context = ComponentContext.New("en-US");
        var cut = RenderGrid(context, total: 0);

        cut.WaitForAssertion(() => Assert.Equal("0-0 of 0", Info(cut)));
        Assert.Equal("Rows per page:", cut.Find("label[for='grid-pager-size']").TextContent);
        Assert.Equal("Next page", cut.Find("button[data-page='Next']").GetAttribute("aria-label"));
        Assert.True(Disabled(cut, "Next"));
    }
}
