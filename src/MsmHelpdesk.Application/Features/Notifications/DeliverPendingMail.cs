using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Notifications;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Notifications;

/// <summary>
/// Sends the e-mails of notifications whose delivery is due (sent by the "mail-delivery" job every minute).
/// Each outcome is saved as soon as it is known, so a crash in the middle re-sends at most one mail.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record DeliverPendingMailCommand : ICommand<Result<MailDeliveryOutcome>>
{
    /// <summary>At most this many mails per run; the next run continues.</summary>
    public int Limit { get; set; } = 100;
}

public sealed record MailDeliveryOutcome(bool Configured, int Sent, int Retrying, int GaveUp)
{
    public string Describe() => Configured
        ? $"mail delivery: {Sent} sent, {Retrying} to retry, {GaveUp} given up"
        : "mail delivery: SMTP not configured, notifications are in-app only";
}

public sealed class DeliverPendingMailValidator : AbstractValidator<DeliverPendingMailCommand>
{
    public DeliverPendingMailValidator() => RuleFor(command => command.Limit).InclusiveBetween(1, 1000);
}

public sealed class DeliverPendingMailHandler(IAppDbContextFactory databases, IMailTransport transport, TimeProvider clock)
    : ICommandHandler<DeliverPendingMailCommand, Result<MailDeliveryOutcome>>
{
    /// <summary>How long a claimed mail is left alone by other deliveries; longer than one SMTP attempt can take.</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    public async ValueTask<Result<MailDeliveryOutcome>> Handle(DeliverPendingMailCommand command, CancellationToken cancellationToken)
    {
        if (!transport.IsConfigured)
        {
            return new MailDeliveryOutcome(false, 0, 0, 0);
        }

        var now = clock.GetUtcNow();
        await using var db = await databases.CreateAsync(cancellationToken);
        var due = await db.Notifications
            .Where(n => n.MailState == MailState.Pending && n.MailNextAttemptAt <= now)
            .OrderBy(n => n.MailNextAttemptAt).ThenBy(n => n.Id)
            .Take(command.Limit)
            .ToListAsync(cancellationToken);
        var userIds = due.Select(n => n.UserId).Distinct().ToArray();
        var recipients = await db.Staff.Where(s => userIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);

        int sent = 0, retrying = 0, gaveUp = 0;
        foreach (var notification in due)
        {
            // Claim the mail before sending: a second delivery running at the same time (another instance, the
            // CLI) finds the attempt time moved and leaves it alone, so no mail goes out twice.
            var dueAt = notification.MailNextAttemptAt;
            var lease = clock.GetUtcNow() + ClaimLease;
            var claimed = await db.Notifications
                .Where(n => n.Id == notification.Id && n.MailState == MailState.Pending && n.MailNextAttemptAt == dueAt)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.MailNextAttemptAt, lease), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            try
            {
                if (!recipients.TryGetValue(notification.UserId, out var recipient) || string.IsNullOrWhiteSpace(recipient.Email))
                {
                    throw new InvalidOperationException("The user has no e-mail address.");
                }

                var body = notification.Link is null ? notification.Body : $"{notification.Body}\n\n{transport.PublicBaseUrl?.TrimEnd('/')}{notification.Link}";
                await transport.SendAsync(new OutgoingMail(recipient.Email, recipient.DisplayName, notification.Title, body), cancellationToken);
                notification.MailDelivered(clock.GetUtcNow());
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Kept for operators on the row; users only ever see the in-app notification.
                notification.MailFailed($"{exception.GetType().Name}: {exception.Message}", clock.GetUtcNow());
                if (notification.MailState == MailState.Failed)
                {
                    gaveUp++;
                }
                else
                {
                    retrying++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new MailDeliveryOutcome(true, sent, retrying, gaveUp);
    }
}
