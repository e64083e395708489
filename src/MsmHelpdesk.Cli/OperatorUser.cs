using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Cli;

/// <summary>
/// Whoever runs the CLI on the server already holds the database: the pipeline still authorizes every
/// message, and the operator acts with every role.
/// </summary>
internal sealed class OperatorUser : ICurrentUser
{
    private static readonly UserIdentity Operator = new("cli-operator", "Operator (CLI)", Roles.All.ToHashSet(StringComparer.Ordinal));

    public ValueTask<UserIdentity> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Operator);
}
