namespace MsmHelpdesk.Domain.Common;

/// <summary>A rule of the domain that a request broke; the application layer turns the code into words.</summary>
public sealed record DomainError(string Code, params object[] Arguments);
