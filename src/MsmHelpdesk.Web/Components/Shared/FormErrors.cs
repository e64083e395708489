using MsmHelpdesk.Application.Common.Results;

namespace MsmHelpdesk.Web.Components.Shared;

/// <summary>A failed result, laid out for a form: per-field messages next to the fields, anything else above them.</summary>
public sealed class FormErrors
{
    private IReadOnlyDictionary<string, string[]> _fields = new Dictionary<string, string[]>();

    /// <summary>The message that belongs to no single field.</summary>
    public string? Summary { get; private set; }

    public bool Any => Summary is not null || _fields.Count > 0;

    public void Clear()
    {
        _fields = new Dictionary<string, string[]>();
        Summary = null;
    }

    public void Show(Error error)
    {
        _fields = error.FieldErrors;
        Summary = error.Kind == ErrorKind.Validation && _fields.Count > 0 ? null : error.Message;
    }

    public bool Has(string field) => _fields.ContainsKey(field);

    /// <summary>The fields with messages, e.g. "Steps[0]" for an item of a list.</summary>
    public IEnumerable<string> Keys() => _fields.Keys;

    public string? Text(string field) => _fields.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
