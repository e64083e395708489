using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Tests.Support;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Tests.Web.Components.Shared;

/// <summary>
/// The gate that keeps a page's controls inert while typing into them would be lost: in the prerendered page (replaced when
/// the live connection starts) and while the form's own data loads.
/// </summary>
public sealed class FormGateTests
{
    public FormGateTests() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private static BunitContext NewContext(bool interactive)
    {
        var context = ComponentContext.New();
        context.SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", interactive));
        return context;
    }

    private static RenderFragment Field => builder =>
    {
        builder.OpenElement(0, "input");
        builder.AddAttribute(1, "id", "field");
        builder.CloseElement();
    };

    [Fact]
    public async Task ShouldHoldThePrerenderedPageShutWithOneBar()
    {
        await using var context = NewContext(interactive: false);

        var cut = context.Render<FormGate>(parameters => parameters
            .SetAssignedRenderMode(RenderMode.InteractiveServer)
            .AddChildContent<FormGate>(inner => inner.AddChildContent(Field)));

        var gates = cut.FindAll("fieldset.form-gate");
        Assert.Equal(2, gates.Count);
        Assert.All(gates, gate => Assert.True(gate.HasAttribute("disabled")));
        Assert.Equal("true", gates[0].GetAttribute("aria-busy"));
        Assert.Single(cut.FindAll(".form-gate-progress"));
        Assert.NotNull(cut.Find("fieldset.form-gate fieldset.form-gate #field"));
    }

    [Fact]
    public async Task ShouldLeaveAStaticPageOpen()
    {
        await using var context = NewContext(interactive: false);

        var cut = context.Render<FormGate>(parameters => parameters.AddChildContent(Field));

        Assert.False(cut.Find("fieldset.form-gate").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll(".form-gate-progress"));
    }

    [Fact]
    public async Task ShouldOpenALivePageOnlyWhenItsDataIsReady()
    {
        await using var context = NewContext(interactive: true);

        var cut = context.Render<FormGate>(parameters => parameters
            .SetAssignedRenderMode(RenderMode.InteractiveServer)
            .Add(p => p.Ready, false)
            .AddChildContent(Field));
        var whileLoading = cut.Find("fieldset.form-gate").HasAttribute("disabled");
        var barWhileLoading = cut.FindAll(".form-gate-progress").Count;
        cut.Render(parameters => parameters.Add(p => p.Ready, true));

        Assert.True(whileLoading);
        Assert.Equal(1, barWhileLoading);
        Assert.False(cut.Find("fieldset.form-gate").HasAttribute("disabled"));
        Assert.Equal("false", cut.Find("fieldset.form-gate").GetAttribute("aria-busy"));
        Assert.Empty(cut.FindAll(".form-gate-progress"));
    }
}
