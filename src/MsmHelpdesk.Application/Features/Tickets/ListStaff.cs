using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>Active helpdesk users who can be given tickets.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record ListStaffQuery : IQuery<Result<IReadOnlyList<StaffMember>>>;

public sealed class ListStaffHandler(IAppDbContextFactory databases) : IQueryHandler<ListStaffQuery, Result<IReadOnlyList<StaffMember>>>
{
    public async ValueTask<Result<IReadOnlyList<StaffMember>>> Handle(ListStaffQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        return await db.Staff.Where(s => s.IsActive).OrderBy(s => s.DisplayName).ToListAsync(cancellationToken);
    }
}
