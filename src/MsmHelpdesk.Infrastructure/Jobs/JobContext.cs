using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>
/// Set in the DI scope a background job creates: who the job acts as. A job runs outside any request, so the
/// app's <see cref="ICurrentUser"/> resolves to <see cref="User"/> while it is set.
/// </summary>
public sealed class JobContext
{
    public ICurrentUser? User { get; set; }
}

/// <summary>Background jobs act as the system operator with every role; the pipeline still authorizes each message.</summary>
public sealed class JobOperatorUser : ICurrentUser
{
    private static readonly UserIdentity Operator = new("job-operator", "Operator (scheduled job)", Roles.All.ToHashSet(StringComparer.Ordinal));

    public ValueTask<UserIdentity> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Operator);
}
