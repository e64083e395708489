using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;

namespace MsmHelpdesk.Application.Common.Tickets;

/// <summary>Who may be given a ticket, a step or a visit: an active member of the staff, or nobody.</summary>
internal static class Assignees
{
    /// <summary>Null when the id is blank or names an active staff member; otherwise the refusal, on <paramref name="field"/>.</summary>
    public static async Task<Error?> CheckAsync(IAppDbContext db, string? assigneeId, string field, CancellationToken cancellationToken) =>
        Blank(assigneeId) is { } id && !await db.Staff.AnyAsync(s => s.Id == id && s.IsActive, cancellationToken)
            ? Error.Validation(field, AppText.AssigneeInvalid)
            : null;

    /// <summary>A blank id means "nobody".</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
