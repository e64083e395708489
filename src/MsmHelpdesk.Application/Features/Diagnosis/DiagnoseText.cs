using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Diagnosis;

/// <summary>Classifies what the consultant is typing, before anything is saved (the live suggestion).</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record DiagnoseTextQuery : IQuery<Result<DiagnosisView>>
{
    public Guid? ClientId { get; set; }
    public string? ErrorText { get; set; }
    public string? Description { get; set; }
    public string? Activity { get; set; }
    public DateTimeOffset? ReportedAt { get; set; }
}

public sealed class DiagnoseTextValidator : AbstractValidator<DiagnoseTextQuery>
{
    public DiagnoseTextValidator()
    {
        RuleFor(query => query.ErrorText).MaximumLength(FieldLimits.ErrorTextMaxLength).WithMessage(_ => AppText.MaxLength(FieldLimits.ErrorTextMaxLength));
        RuleFor(query => query.Description).MaximumLength(FieldLimits.DescriptionMaxLength).WithMessage(_ => AppText.MaxLength(FieldLimits.DescriptionMaxLength));
        RuleFor(query => query.Activity).MaximumLength(FieldLimits.ActivityMaxLength).WithMessage(_ => AppText.MaxLength(FieldLimits.ActivityMaxLength));
    }
}

public sealed class DiagnoseTextHandler(IAppDbContextFactory databases, Diagnostician diagnostician, TimeProvider clock)
    : IQueryHandler<DiagnoseTextQuery, Result<DiagnosisView>>
{
    public async ValueTask<Result<DiagnosisView>> Handle(DiagnoseTextQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        return await diagnostician.DiagnoseAsync(
            db,
            new DiagnosisFacts(query.ClientId, query.ErrorText, query.Description, query.Activity, query.ReportedAt ?? clock.GetUtcNow()),
            cancellationToken);
    }
}
