using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Tests.Support;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Tests.Web.Components.Shared;

/// <summary>Date and time inputs read and write day/month/year and the 24-hour clock in both of the app's languages.</summary>
public sealed class DateTimeFieldTests
{
    [Theory]
    [InlineData("id-ID")]
    [InlineData("en-US")]
    public async Task ShouldShowAndReadADateDayFirst(string culture)
    {
        DateOnly? picked = null;
        await using var context = ComponentContext.New(culture);
        var cut = context.Render<DateField>(parameters => parameters
            .Add(p => p.Label, "Tanggal")
            .Add(p => p.Id, "when")
            .Add(p => p.Value, new DateOnly(2026, 3, 4))
            .Add(p => p.ValueChanged, value => picked = value));

        Assert.Equal("04/03/2026", cut.Find("input#when").GetAttribute("value"));
        await cut.Find("input#when").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "09/12/2026" });

        Assert.Equal(new DateOnly(2026, 12, 9), picked);
    }

    [Theory]
    [InlineData("id-ID")]
    [InlineData("en-US")]
    public async Task ShouldShowAndReadATimeOnThe24HourClock(string culture)
    {
        TimeOnly? picked = null;
        await using var context = ComponentContext.New(culture);
        var cut = context.Render<TimeField>(parameters => parameters
            .Add(p => p.Label, "Jam")
            .Add(p => p.Id, "at")
            .Add(p => p.Value, new TimeOnly(14, 30))
            .Add(p => p.ValueChanged, value => picked = value));

        Assert.Equal("14:30", cut.Find("input#at").GetAttribute("value"));
        Assert.DoesNotContain("PM", cut.Markup, StringComparison.Ordinal);
        await cut.Find("input#at").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "07:05" });

        Assert.Equal(new TimeOnly(7, 5), picked);
    }

    [Fact]
    public async Task ShouldKeepAMomentInWibFromItsDateAndTime()
    {
        DateTimeOffset? picked = null;
        await using var context = ComponentContext.New("id-ID");
        var cut = context.Render<DateTimeField>(parameters => parameters
            .Add(p => p.Label, "Dilaporkan")
            .Add(p => p.TimeLabel, "Jam")
            .Add(p => p.Id, "reported")
            .Add(p => p.Value, new DateTimeOffset(2026, 11, 25, 18, 30, 0, TimeSpan.Zero))
            .Add(p => p.ValueChanged, value => picked = value));

        Assert.Equal("26/11/2026", cut.Find("input#reported").GetAttribute("value"));
        Assert.Equal("01:30", cut.Find("input#reported-time").GetAttribute("value"));
        await cut.Find("input#reported-time").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "09:15" });

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 15, 0, TimeSpan.FromHours(7)), picked);
    }
}
