namespace MsmHelpdesk.Application.Common.Results;

public enum ErrorKind
{
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    Unexpected,
}

/// <summary>An expected failure, with a message already in the user's language.</summary>
public sealed record Error(ErrorKind Kind, string Code, string Message)
{
    /// <summary>Per-field messages for validation failures, keyed by the message's property name.</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; init; } =
        new Dictionary<string, string[]>(StringComparer.Ordinal);

    /// <summary>For a conflict: the version of the resource the refused change was based on, so an API client can say which.</summary>
    public int? ResourceVersion { get; init; }

    public static Error Validation(IReadOnlyDictionary<string, string[]> fieldErrors) =>
        new(ErrorKind.Validation, "validation", AppText.ValidationFailed) { FieldErrors = fieldErrors };

    public static Error Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public static Error Forbidden() => new(ErrorKind.Forbidden, "forbidden", AppText.Forbidden);

    public static Error Unauthorized() => new(ErrorKind.Unauthorized, "unauthorized", AppText.SignInRequired);

    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static Error Unexpected() => new(ErrorKind.Unexpected, "unexpected", AppText.UnexpectedError);
}
