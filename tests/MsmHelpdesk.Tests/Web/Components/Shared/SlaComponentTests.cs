using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Tests.Support;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Tests.Web.Components.Shared;

public sealed class SlaComponentTests
{
    public SlaComponentTests() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldShowABreachWithItsDueTimeInWibAndTheBusinessTimeOver()
    {
        await using var context = ComponentContext.New();
        var cut = context.Render<SlaChip>(parameters => parameters
            .Add(p => p.State, SlaState.Breached)
            .Add(p => p.DueAt, new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero))
            .Add(p => p.Remaining, TimeSpan.FromMinutes(-90))
            .Add(p => p.ShowDetails, true));

        Assert.Equal("Terlewati", cut.Find(".sla-chip").TextContent.Trim());
        Assert.Equal("Breached", cut.Find(".sla-chip").GetAttribute("data-sla"));
        Assert.Equal("Batas 30 Nov 2026 11.00 WIB · lewat 1 j 30 m jam kerja", cut.Find(".sla-detail").TextContent.Trim());
    }

    [Fact]
    public async Task ShouldShowTheTimeLeftWhilePausedAndNothingForTicketsWithoutSla()
    {
        await using var context = ComponentContext.New();
        var paused = context.Render<SlaChip>(parameters => parameters
            .Add(p => p.State, SlaState.Paused).Add(p => p.Remaining, TimeSpan.FromHours(21)).Add(p => p.ShowDetails, true));
        var none = context.Render<SlaChip>(parameters => parameters.Add(p => p.State, SlaState.None));

        Assert.Equal("Dijeda · sisa 21 j 0 m jam kerja", paused.Find(".sla-detail").TextContent.Trim());
        Assert.Empty(none.Markup.Trim());
    }
}
