using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>An internal note on the ticket's timeline (never sent to the client).</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record AddTicketNoteCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public string Text { get; set; } = "";
}

public sealed class AddTicketNoteValidator : AbstractValidator<AddTicketNoteCommand>
{
    public AddTicketNoteValidator() => RuleFor(command => command.Text).RequiredText(FieldLimits.NoteMaxLength);
}

public sealed class AddTicketNoteHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddTicketNoteCommand, Result>
{
    public async ValueTask<Result> Handle(AddTicketNoteCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();

        // A note only adds to the timeline: it never fails because someone else saved the ticket meanwhile.
        return await TicketStore.AppendAsync(db, command.TicketId, ticket => ticket.AddNote(command.Text, actor, now), cancellationToken);
    }
}
