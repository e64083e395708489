using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Shared;

/// <summary>
/// What <see cref="DateField"/> and <see cref="TimeField"/> share: their parameters, and a picker that shows the parent's
/// value, or what the user just chose until the parent passes it back, so a render in between cannot put the old value
/// back into the picker.
/// </summary>
public abstract class PickerField<T> : ComponentBase
    where T : struct
{
    private T? _given;
    private bool _started;

    [Parameter, EditorRequired]
    public string Label { get; set; } = "";

    [Parameter]
    public T? Value { get; set; }

    [Parameter]
    public EventCallback<T?> ValueChanged { get; set; }

    [Parameter]
    public string? Hint { get; set; }

    [Parameter]
    public string? Error { get; set; }

    [Parameter]
    public string? Id { get; set; }

    [Parameter]
    public Margin Margin { get; set; } = Margin.None;

    [Parameter]
    public Variant Variant { get; set; } = Variant.Text;

    /// <summary>What the picker shows.</summary>
    protected T? Shown { get; private set; }

    protected override void OnParametersSet()
    {
        if (!_started || !Nullable.Equals(Value, _given))
        {
            (Shown, _given, _started) = (Value, Value, true);
        }
    }

    /// <summary>The user chose <paramref name="value"/> (null: cleared): show it and tell the parent.</summary>
    protected Task ChooseAsync(T? value)
    {
        Shown = value;
        return ValueChanged.InvokeAsync(value);
    }
}
