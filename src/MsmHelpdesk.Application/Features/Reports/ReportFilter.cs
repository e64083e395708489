using FluentValidation;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Reports;

/// <summary>
/// What a report covers. Dates are WIB calendar days, both ends included; without them the last
/// <see cref="DefaultDays"/> days up to today. The other fields narrow the tickets counted.
/// </summary>
public sealed record ReportFilter
{
    public const int DefaultDays = 90;

    /// <summary>The longest range one report covers (the weekly section has one row per week).</summary>
    public const int MaxDays = 3 * 366;

    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>The consultant the tickets are assigned to (a user id).</summary>
    public string? AssigneeId { get; set; }
    public Guid? ClientId { get; set; }

    /// <summary>The client's KPP, exactly as stored on the client.</summary>
    public string? Kpp { get; set; }
    public string? ErrorCode { get; set; }
    public TicketChannel? Channel { get; set; }

    /// <summary>The first and last day covered, with the defaults filled in.</summary>
    public (DateOnly From, DateOnly To) Days(DateOnly today)
    {
        var to = To ?? today;
        return (From ?? to.AddDays(-(DefaultDays - 1)), to);
    }
}

public sealed class ReportFilterValidator : AbstractValidator<ReportFilter>
{
    public ReportFilterValidator()
    {
        RuleFor(filter => filter.To).Must((filter, to) => to is null || filter.From is null || to >= filter.From)
            .WithMessage(_ => AppText.Get("ReportDateOrder"));
        RuleFor(filter => filter.From).Must((filter, from) => from is null || filter.To is null || filter.To.Value.DayNumber - from.Value.DayNumber < ReportFilter.MaxDays)
            .WithMessage(_ => AppText.Get("ReportRangeTooLong"));
        RuleFor(filter => filter.ErrorCode).MaximumLength(32).WithMessage(_ => AppText.MaxLength(32));
        RuleFor(filter => filter.Kpp).MaximumLength(Common.Validation.FieldLimits.KppMaxLength).WithMessage(_ => AppText.MaxLength(Common.Validation.FieldLimits.KppMaxLength));
        RuleFor(filter => filter.AssigneeId).MaximumLength(450).WithMessage(_ => AppText.MaxLength(450));
        RuleFor(filter => filter.Channel).IsInEnum();
    }
}
