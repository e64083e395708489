using FluentValidation;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>What a consultant records about a call; shared by logging a ticket and editing it.</summary>
public abstract record TicketForm
{
    public Guid? ContactId { get; set; }
    public TicketChannel Channel { get; set; } = TicketChannel.Phone;

    /// <summary>The full error text as the client reported it, prefix included.</summary>
    public string ErrorText { get; set; } = "";
    public string? Activity { get; set; }
    public string? SystemVersion { get; set; }
    public string? Description { get; set; }
    public TicketPriority Priority { get; set; } = TicketPriority.Normal;

    /// <summary>When the client reported it; now when left empty.</summary>
    public DateTimeOffset? ReportedAt { get; set; }

    public TicketFields ToFields(DateTimeOffset now) =>
        new(ContactId, Channel, ErrorText, Activity, SystemVersion, Description, Priority, ReportedAt?.ToUniversalTime() ?? now);
}

public abstract class TicketFormValidator<T> : AbstractValidator<T>
    where T : TicketForm
{
    protected TicketFormValidator(TimeProvider clock)
    {
        RuleFor(form => form.ErrorText).RequiredText(FieldLimits.ErrorTextMaxLength);
        RuleFor(form => form.Activity).OptionalText(FieldLimits.ActivityMaxLength);
        RuleFor(form => form.SystemVersion).OptionalText(FieldLimits.SystemVersionMaxLength);
        RuleFor(form => form.Description).OptionalText(FieldLimits.DescriptionMaxLength);
        RuleFor(form => form.Channel).IsInEnum();
        RuleFor(form => form.Priority).IsInEnum();
        RuleFor(form => form.ReportedAt)
            .Must(at => at is null || at <= clock.GetUtcNow().AddMinutes(5)).WithMessage(_ => AppText.ReportedInFuture)
            .Must(at => at is null || at.Value.Year >= 2000).WithMessage(_ => AppText.DateUnlikely);
    }
}
