using System.Security.Cryptography;
using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>Attaches a file (error screenshot, log) to a ticket; its type is decided by its content.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record AddAttachmentCommand : ICommand<Result<Guid>>
{
    public Guid TicketId { get; set; }
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

public sealed class AddAttachmentValidator : AbstractValidator<AddAttachmentCommand>
{
    public AddAttachmentValidator()
    {
        RuleFor(command => command.FileName).RequiredText(FieldLimits.FileNameMaxLength);
        RuleFor(command => command.Content).Cascade(CascadeMode.Stop)
            .Must(content => content.Length > 0).WithMessage(_ => AppText.AttachmentEmpty)
            .Must(content => content.Length <= Attachment.MaxBytes).WithMessage(_ => AppText.AttachmentTooLarge(Attachment.MaxBytes / 1024 / 1024))
            .Must(content => FileSignature.AllowedContentType(content) is not null).WithMessage(_ => AppText.AttachmentTypeNotAllowed);
    }
}

public sealed class AddAttachmentHandler(IAppDbContextFactory databases, IAttachmentStore store, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddAttachmentCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(AddAttachmentCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await TicketStore.FindAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var fileName = SafeFileName(command.FileName);
        var id = Guid.CreateVersion7(now);
        var key = await store.SaveAsync(id, command.Content, cancellationToken);
        var attachment = Attachment.Create(
            ticket.Id,
            fileName,
            FileSignature.AllowedContentType(command.Content)!,
            command.Content.Length,
            key,
            Convert.ToHexStringLower(SHA256.HashData(command.Content)),
            actor.Id,
            now);
        db.Attachments.Add(attachment);
        ticket.RecordAttachment(fileName, actor, now);
        var saved = await TicketStore.SaveAsync(db, ticket.Id, cancellationToken);
        if (!saved.IsSuccess)
        {
            await store.DeleteAsync(key);
            return saved.Error;
        }

        return attachment.Id;
    }

    /// <summary>Only the name, no folders, no control characters.</summary>
    private static string SafeFileName(string name)
    {
        var bare = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray()).Trim();
        return clean.Length == 0 ? "lampiran" : clean[..Math.Min(clean.Length, FieldLimits.FileNameMaxLength)];
    }
}
