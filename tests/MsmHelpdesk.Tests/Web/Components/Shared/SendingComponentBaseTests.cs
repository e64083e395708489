using System.Globalization;
using Bunit;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Tests.Support;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;
using MudBlazor.Services;

namespace MsmHelpdesk.Tests.Web.Components.Shared;

public sealed class SendingComponentBaseTests
{
    private const string ExceptionText = "SQLite Error 19: UNIQUE constraint failed: Tickets.Number at C:\\srv\\helpdesk.db";

    public SendingComponentBaseTests() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private static BunitContext NewContext(ControlledSender sender)
    {
        var context = new BunitContext();
        context.Services.AddLocalization();
        context.Services.AddMudServices();
        context.Services.AddSingleton<ISender>(sender);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }

    private static IEnumerable<string> SnackbarTexts(BunitContext context) =>
        context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(snackbar => snackbar.Message ?? "");

    [Fact]
    public async Task ShouldBeBusyOnlyWhileTheMessageIsOnItsWay()
    {
        var sender = new ControlledSender();
        await using var context = NewContext(sender);
        var cut = context.Render<SendingProbe>();

        Assert.False(cut.Find("#send").HasAttribute("disabled"));
        var click = cut.Find("#send").ClickAsync(new());
        var disabledWhileSending = cut.Find("#send").HasAttribute("disabled");
        sender.Answer(Result.Success());
        await click;

        Assert.True(disabledWhileSending);
        cut.WaitForAssertion(() => Assert.False(cut.Find("#send").HasAttribute("disabled")));
        Assert.Equal(1, sender.Sent);
        Assert.Empty(SnackbarTexts(context));
    }

    [Fact]
    public async Task ShouldShowFieldErrorsNextToTheirFieldsWhenTheMessageHasAForm()
    {
        var sender = new ControlledSender();
        await using var context = NewContext(sender);
        var cut = context.Render<SendingProbe>(parameters => parameters.Add(p => p.WithForm, true));

        var click = cut.Find("#send").ClickAsync(new());
        sender.Answer(Error.Validation("Name", "Nama klien wajib diisi."));
        await click;

        cut.WaitForAssertion(() => Assert.Equal("Nama klien wajib diisi.", cut.Find("#name-error").TextContent));
        Assert.Empty(cut.FindAll("#summary"));
        Assert.Empty(SnackbarTexts(context));
    }

    [Fact]
    public async Task ShouldShowARefusalInTheSnackbarWhenTheMessageHasNoForm()
    {
        var sender = new ControlledSender();
        await using var context = NewContext(sender);
        var cut = context.Render<SendingProbe>();

        var click = cut.Find("#send").ClickAsync(new());
        sender.Answer(Error.Conflict("ticket.changed", "Tiket sudah diubah orang lain."));
        await click;

        cut.WaitForAssertion(() => Assert.Equal(["Tiket sudah diubah orang lain."], SnackbarTexts(context)));
        Assert.Empty(cut.FindAll("#name-error"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ShouldNeverShowTheTextOfAnException(bool withForm)
    {
        var sender = new ControlledSender();
        await using var context = NewContext(sender);
        var cut = context.Render<SendingProbe>(parameters => parameters.Add(p => p.WithForm, withForm));

        var click = cut.Find("#send").ClickAsync(new());
        sender.Fail(new InvalidOperationException(ExceptionText));
        await click;

        cut.WaitForAssertion(() => Assert.False(cut.Find("#send").HasAttribute("disabled")));
        var shown = string.Join("\n", SnackbarTexts(context)) + cut.Markup;
        Assert.DoesNotContain("UNIQUE", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("helpdesk.db", shown, StringComparison.Ordinal);
        Assert.Contains(AppText.UnexpectedError, shown, StringComparison.Ordinal);
    }

    public sealed record ProbeCommand : ICommand<Result>;

    /// <summary>The smallest component on the base: one button that sends, one field, the form's summary.</summary>
    public sealed class SendingProbe : SendingComponentBase
    {
        private readonly FormErrors _errors = new();

        [Parameter]
        public bool WithForm { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "id", "send");
            builder.AddAttribute(2, "disabled", Busy);
            builder.AddAttribute(3, "onclick", EventCallback.Factory.Create(this, () => SendAsync(new ProbeCommand(), WithForm ? _errors : null)));
            builder.CloseElement();
            builder.OpenComponent<FieldError>(4);
            builder.AddComponentParameter(5, nameof(FieldError.Errors), _errors);
            builder.AddComponentParameter(6, nameof(FieldError.For), "Name");
            builder.CloseComponent();
            if (_errors.Summary is { } summary)
            {
                builder.OpenElement(7, "p");
                builder.AddAttribute(8, "id", "summary");
                builder.AddContent(9, summary);
                builder.CloseElement();
            }
        }
    }

    /// <summary>A mediator whose answer the test gives when it wants, so the moment in between can be seen.</summary>
    private sealed class ControlledSender : RefusingSender
    {
        private TaskCompletionSource<Result> _pending = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Sent { get; private set; }

        public void Answer(Result result) => _pending.SetResult(result);

        public void Fail(Exception exception) => _pending.SetException(exception);

        public override async ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
        {
            Sent++;
            _pending = new TaskCompletionSource<Result>(TaskCreationOptions.RunContinuationsAsynchronously);
            return (TResponse)(object)await _pending.Task;
        }
    }
}
