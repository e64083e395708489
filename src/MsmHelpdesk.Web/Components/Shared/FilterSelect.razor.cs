using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace MsmHelpdesk.Web.Components.Shared;

/// <summary>
/// A list filter that looks like an outlined, dense <c>MudSelect</c>: one or several of <see cref="Items"/>, chosen by
/// click or keyboard (Enter, Space or ArrowDown opens; the arrows, Home and End move; Enter or Space chooses; Escape and
/// Tab close), with a clear button. The list is rendered only while it is open.
/// </summary>
public partial class FilterSelect<T> : ComponentBase
{
    private static int lastId;
    private readonly string ownId = $"filter-select-{Interlocked.Increment(ref lastId)}";
    private bool open;
    private int active = -1;

    [Parameter, EditorRequired]
    public string Label { get; set; } = "";

    [Parameter, EditorRequired]
    public IReadOnlyList<T> Items { get; set; } = [];

    [Parameter, EditorRequired]
    public Func<T, string> ItemText { get; set; } = item => item?.ToString() ?? "";

    /// <summary>Several values (a checkbox per item, the list stays open) or one (a click chooses and closes).</summary>
    [Parameter]
    public bool Multiple { get; set; }

    [Parameter]
    public IReadOnlyCollection<T> Selected { get; set; } = [];

    [Parameter]
    public EventCallback<IReadOnlyCollection<T>> SelectedChanged { get; set; }

    [Parameter]
    public bool Clearable { get; set; }

    /// <summary>The input's id (the label's <c>for</c>); one is made up when not given.</summary>
    [Parameter]
    public string? Id { get; set; }

    private string InputId => Id ?? ownId;

    private string ListId => $"{InputId}-list";

    private string OptionId(int index) => $"{InputId}-option-{index}";

    /// <summary>What the closed select shows: the chosen items' texts in the order they were chosen.</summary>
    private string Text => string.Join(", ", Selected.Select(ItemText));

    private string InputClass => "mud-input mud-input-outlined mud-input-outlined-with-label mud-input-adorned-end mud-input-margin-dense"
        + (Selected.Count > 0 || open ? " mud-shrink" : "") + " mud-typography-subtitle1 mud-select-input mud-input-sizing-fixed";

    private bool IsSelected(T item) => Selected.Contains(item);

    private Task ToggleAsync() => open ? CloseAsync() : OpenAsync();

    private Task OpenAsync()
    {
        open = true;
        var first = Items.ToList().FindIndex(IsSelected);
        active = first >= 0 ? first : 0;
        return Task.CompletedTask;
    }

    private Task CloseAsync()
    {
        open = false;
        active = -1;
        return Task.CompletedTask;
    }

    private async Task ChooseAsync(int index)
    {
        if (index < 0 || index >= Items.Count)
        {
            return;
        }

        var item = Items[index];
        active = index;
        IReadOnlyCollection<T> chosen;
        if (Multiple)
        {
            chosen = IsSelected(item) ? Selected.Where(value => !EqualityComparer<T>.Default.Equals(value, item)).ToArray() : [.. Selected, item];
        }
        else
        {
            chosen = [item];
            await CloseAsync();
        }

        Selected = chosen;
        await SelectedChanged.InvokeAsync(chosen);
    }

    private async Task ClearAsync()
    {
        Selected = [];
        await SelectedChanged.InvokeAsync(Selected);
    }

    private async Task KeyAsync(KeyboardEventArgs e)
    {
        if (!open)
        {
            if (e.Key is "Enter" or " " or "ArrowDown" or "ArrowUp")
            {
                await OpenAsync();
            }

            return;
        }

        switch (e.Key)
        {
            case "ArrowDown":
                active = Math.Min(Items.Count - 1, active + 1);
                break;
            case "ArrowUp":
                active = Math.Max(0, active - 1);
                break;
            case "Home":
                active = 0;
                break;
            case "End":
                active = Items.Count - 1;
                break;
            case "Enter" or " ":
                await ChooseAsync(active);
                break;
            case "Escape" or "Tab":
                await CloseAsync();
                break;
        }
    }
}
