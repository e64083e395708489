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

/// <summary>
/// A reply to the client, written in the ticket's composer and sent from the consultant's own e-mail or WhatsApp
/// (the page opens it there); the ticket keeps what was said and by which channel.
/// </summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record SendTicketReplyCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public ReplyChannel Channel { get; set; }
    public string Text { get; set; } = "";
}

public sealed class SendTicketReplyValidator : AbstractValidator<SendTicketReplyCommand>
{
    public SendTicketReplyValidator()
    {
        RuleFor(command => command.Channel).IsInEnum();
        RuleFor(command => command.Text).RequiredText(FieldLimits.NoteMaxLength);
    }
}

public sealed class SendTicketReplyHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SendTicketReplyCommand, Result>
{
    public async ValueTask<Result> Handle(SendTicketReplyCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await TicketStore.FindAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        ticket.RecordReply(command.Text, command.Channel, await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow());
        return await TicketStore.SaveAsync(db, ticket.Id, cancellationToken);
    }
}
