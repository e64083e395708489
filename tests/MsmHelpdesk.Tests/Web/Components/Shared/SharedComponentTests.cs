using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Tests.Web.Components.Shared;

/// <summary>MudBlazor's services dispose only asynchronously, so each test owns its bUnit context.</summary>
public sealed class SharedComponentTests
{
    public SharedComponentTests() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldShowTimesInWib()
    {
        var instant = new DateTimeOffset(2026, 11, 25, 18, 30, 0, TimeSpan.Zero);

        await using var context = ComponentContext.New();
        var cut = context.Render<WibTime>(parameters => parameters.Add(p => p.Value, instant));

        cut.MarkupMatches("<time datetime=\"2026-11-25T18:30:00.0000000Z\">26 Nov 2026 01.30 WIB</time>");
    }

    [Fact]
    public async Task ShouldShowTheEmptyTextWhenThereIsNoTime()
    {
        await using var context = ComponentContext.New();
        var cut = context.Render<WibTime>(parameters => parameters.Add(p => p.Value, null).Add(p => p.Empty, "Belum pernah"));

        Assert.Equal("Belum pernah", cut.Find("span").TextContent);
    }

    [Fact]
    public async Task ShouldToggleRolesAndShowTheErrorInIndonesian()
    {
        var selected = new HashSet<string> { Roles.Consultant };

        await using var context = ComponentContext.New();
        var cut = context.Render<RoleCheckboxes>(parameters => parameters
            .Add(p => p.Selected, selected)
            .Add(p => p.Error, "Pilih minimal satu peran."));
        cut.FindAll("input[type=checkbox]")[1].Change(true);
        cut.FindAll("input[type=checkbox]")[0].Change(false);

        Assert.Contains("Konsultan", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Manajer", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Pilih minimal satu peran.", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Equal([Roles.Manager], selected);
    }

    [Fact]
    public async Task ShouldRenderFieldErrorsOnlyForTheirField()
    {
        var errors = new FormErrors();
        errors.Show(MsmHelpdesk.Application.Common.Results.Error.Validation("Email", "<b>Wajib diisi.</b>"));

        await using var context = ComponentContext.New();
        var email = context.Render<FieldError>(parameters => parameters.Add(p => p.Errors, errors).Add(p => p.For, "Email"));
        var password = context.Render<FieldError>(parameters => parameters.Add(p => p.Errors, errors).Add(p => p.For, "Password"));

        email.MarkupMatches("<div class=\"field-error\" id=\"email-error\" role=\"alert\">&lt;b&gt;Wajib diisi.&lt;/b&gt;</div>");
        Assert.Empty(password.Markup.Trim());
        Assert.Null(errors.Summary);
    }
}
