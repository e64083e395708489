using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record GetAttachmentQuery(Guid AttachmentId) : IQuery<Result<AttachmentDownload>>
{
    public GetAttachmentQuery() : this(Guid.Empty)
    {
    }
}

public sealed record AttachmentDownload(string FileName, string ContentType, Stream Content);

public sealed class GetAttachmentHandler(IAppDbContextFactory databases, IAttachmentStore store)
    : IQueryHandler<GetAttachmentQuery, Result<AttachmentDownload>>
{
    public async ValueTask<Result<AttachmentDownload>> Handle(GetAttachmentQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.AttachmentId, cancellationToken);
        var content = attachment is null ? null : await store.OpenReadAsync(attachment.StorageKey, cancellationToken);
        return attachment is null || content is null
            ? Error.NotFound("attachment-not-found", AppText.AttachmentNotFound)
            : new AttachmentDownload(attachment.FileName, attachment.ContentType, content);
    }
}
