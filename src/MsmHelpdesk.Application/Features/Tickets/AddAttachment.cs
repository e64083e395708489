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

    /// <summary>As the browser named it; the handler cleans it (format characters removed, not refused: the OS named the file).</summary>
    [Verbatim]
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

public sealed class AddAttachmentValidator : AbstractValidator<AddAttachmentCommand>
{
    public AddAttachmentValidator()
    {
        RuleFor(command => command.FileName).Cascade(CascadeMode.Stop)
            .Must(name => AttachmentName.Clean(name).Length > 0).WithMessage(_ => AppText.Required)
            .MaximumLength(FieldLimits.FileNameMaxLength).WithMessage(_ => AppText.MaxLength(FieldLimits.FileNameMaxLength));
        RuleFor(command => command.Content).Cascade(CascadeMode.Stop)
            .Must(content => content.Length > 0).WithMessage(_ => AppText.AttachmentEmpty)
            .Must(content => content.Length <= Attachment.MaxBytes).WithMessage(_ => AppText.AttachmentTooLarge(Attachment.MaxBytes / 1024 / 1024))
            .Must(content => !FileSignature.IsMarkup(content)).WithMessage(_ => AppText.AttachmentMarkup)
            .Must(content => FileSignature.AllowedContentType(content) is not null).WithMessage(_ => AppText.AttachmentTypeNotAllowed)
            .Must((command, content) => FileSignature.ExtensionFits(AttachmentName.Clean(command.FileName), FileSignature.AllowedContentType(content)!))
            .WithMessage((command, content) => AppText.AttachmentExtensionMismatch(
                Path.GetExtension(AttachmentName.Clean(command.FileName)) is { Length: > 0 } extension ? extension : "-",
                FileSignature.AllowedContentType(content)!))
            .Must(content => FileSignature.AllowedContentType(content) is not (FileSignature.PlainText or FileSignature.Xml)
                || !SecretGuard.ContainsSecret(FileSignature.DecodeText(content)))
            .WithMessage(_ => AppText.SecretInAttachment);
    }
}

/// <summary>The name an attachment is shown and downloaded under; the bytes are stored under a generated key.</summary>
public static class AttachmentName
{
    /// <summary>
    /// Only the last path part, without control characters, bidi overrides, zero-width and other format characters
    /// (which disguise "gnp.exe" as "exe.png"), quotes, or trailing dots and blanks.
    /// </summary>
    public static string Clean(string name)
    {
        var bare = name.Replace('\\', '/');
        bare = bare[(bare.LastIndexOf('/') + 1)..];
        var kept = bare.Where(c => !char.IsControl(c)
            && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format
            && !InputNormaliser.IsBidiControl(c)
            && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'));
        var clean = new string(kept.ToArray()).Trim().TrimEnd('.', ' ');
        return clean.Length <= FieldLimits.FileNameMaxLength ? clean : clean[..FieldLimits.FileNameMaxLength];
    }
}

public sealed class AddAttachmentHandler(IAppDbContextFactory databases, IAttachmentStore store, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddAttachmentCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(AddAttachmentCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var fileName = AttachmentName.Clean(command.FileName);
        var id = Guid.CreateVersion7(now);

        // Stored under a generated key; the cleaned name is only what the helpdesk shows and downloads it as.
        var key = await store.SaveAsync(id, command.Content, cancellationToken);
        var attachment = Attachment.Create(
            command.TicketId,
            fileName,
            FileSignature.AllowedContentType(command.Content)!,
            command.Content.Length,
            key,
            Convert.ToHexStringLower(SHA256.HashData(command.Content)),
            actor.Id,
            now);
        var saved = await TicketStore.AppendAsync(db, command.TicketId, ticket =>
        {
            db.Attachments.Add(attachment);
            ticket.RecordAttachment(fileName, actor, now);
        }, cancellationToken);
        if (!saved.IsSuccess)
        {
            await store.DeleteAsync(key);
            return saved.Error;
        }

        return attachment.Id;
    }
}
