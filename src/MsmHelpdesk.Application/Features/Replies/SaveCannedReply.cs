using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Replies;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Replies;

/// <summary>Adds a canned reply (Id empty) or changes one; the change is audited.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record SaveCannedReplyCommand : ICommand<Result<Guid>>
{
    public Guid Id { get; set; }

    /// <summary>The version the form was opened at; a change by someone else in between is refused.</summary>
    public int ExpectedVersion { get; set; }

    public string Name { get; set; } = "";

    public CannedReplyChannel Channel { get; set; }

    public string TextIndonesian { get; set; } = "";

    public string? TextEnglish { get; set; }
}

public sealed class SaveCannedReplyValidator : AbstractValidator<SaveCannedReplyCommand>
{
    public SaveCannedReplyValidator()
    {
        RuleFor(c => c.Name).RequiredText(CannedReply.NameMaxLength);
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.TextIndonesian).RequiredText(CannedReply.TextMaxLength).Must(KnownFields).WithMessage(UnknownFields);
        RuleFor(c => c.TextEnglish).OptionalText(CannedReply.TextMaxLength).Must(KnownFields).WithMessage(UnknownFields);
    }

    private static bool KnownFields(string? text) => CannedReply.UnknownFields(text).Count == 0;

    private static string UnknownFields(SaveCannedReplyCommand command, string? text) =>
        AppText.CannedReplyUnknownFields(string.Join(", ", CannedReply.UnknownFields(text).Select(f => $"{{{{{f}}}}}")),
            string.Join(", ", CannedReply.Fields.Select(f => $"{{{{{f}}}}}")));
}

public sealed class SaveCannedReplyHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveCannedReplyCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SaveCannedReplyCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var name = command.Name.Trim();
        if (await db.CannedReplies.AnyAsync(r => r.Channel == command.Channel && r.Name == name && r.Id != command.Id, cancellationToken))
        {
            return Error.Validation(nameof(command.Name), AppText.CannedReplyNameTaken);
        }

        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        CannedReply reply;
        if (command.Id == Guid.Empty)
        {
            reply = CannedReply.Create(name, command.Channel, command.TextIndonesian, command.TextEnglish, actor, now);
            db.CannedReplies.Add(reply);
            db.CannedReplyChanges.Add(CannedReplyChange.Record(actor, now, $"added: {reply.Name} ({reply.Channel})"));
        }
        else
        {
            var found = await db.CannedReplies.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken);
            if (found is null)
            {
                return Error.NotFound("canned-reply-not-found", AppText.CannedReplyNotFound);
            }

            if (found.Version != command.ExpectedVersion)
            {
                return Error.Conflict("canned-reply-changed", AppText.CannedReplyChanged);
            }

            var before = $"{found.Name} ({found.Channel})";
            found.Change(name, command.Channel, command.TextIndonesian, command.TextEnglish, actor, now);
            reply = found;
            db.CannedReplyChanges.Add(CannedReplyChange.Record(actor, now, $"changed: {before} → {reply.Name} ({reply.Channel})"));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("canned-reply-changed", AppText.CannedReplyChanged);
        }

        return reply.Id;
    }
}
