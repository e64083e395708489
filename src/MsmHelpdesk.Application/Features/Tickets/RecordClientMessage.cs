using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Idempotency;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>
/// Logs what the client said (a consultant on the ticket page, or an integration through the API). A reply to
/// a ticket waiting on the client puts it back in progress; a reply to one closed for lack of reply reopens it.
/// </summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record RecordClientMessageCommand : ICommand<Result<TicketStatus>>
{
    public Guid TicketId { get; set; }
    public string Text { get; set; } = "";

    /// <summary>Set when an API client sent an Idempotency-Key: the message is then recorded once per key.</summary>
    public IdempotencyClaim? Idempotency { get; set; }
}

public sealed class RecordClientMessageValidator : AbstractValidator<RecordClientMessageCommand>
{
    public RecordClientMessageValidator() => RuleFor(command => command.Text).RequiredText(FieldLimits.NoteMaxLength);
}

public sealed class RecordClientMessageHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordClientMessageCommand, Result<TicketStatus>>
{
    public async ValueTask<Result<TicketStatus>> Handle(RecordClientMessageCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var sla = await Sla.SlaSettingsStore.RulesAsync(db, cancellationToken);
        var status = TicketStatus.New;

        // Appending never conflicts; the status change it may bring is decided on the ticket as read inside the save.
        var saved = await TicketStore.AppendAsync(db, command.TicketId, ticket =>
        {
            ticket.RecordClientMessage(command.Text, actor, now, sla);
            status = ticket.Status;
        }, cancellationToken, command.Idempotency, now);
        return saved.IsSuccess ? status : saved.Error!;
    }
}
