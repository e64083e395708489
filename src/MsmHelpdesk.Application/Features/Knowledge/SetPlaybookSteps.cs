using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Knowledge;

/// <summary>
/// Replaces the resolution steps of one code for one cause (adds the playbook when the code had none),
/// as a new catalogue version with who, when and why. Earlier versions stay as they were.
/// </summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record SetPlaybookStepsCommand : ICommand<Result<int>>
{
    public string Code { get; set; } = "";

    /// <summary>Wire spelling of the cause, e.g. "expired-certificate".</summary>
    public string Cause { get; set; } = "";

    public List<string> Steps { get; set; } = [];

    public string Note { get; set; } = "";
}

public sealed class SetPlaybookStepsValidator : AbstractValidator<SetPlaybookStepsCommand>
{
    public const int MaxSteps = 20;
    public const int StepMaxLength = 300;

    public SetPlaybookStepsValidator()
    {
        RuleFor(c => c.Code).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => AppText.Required);
        RuleFor(c => c.Cause).Must(v => Wire.ParseCause(v) is { } cause && Wire.Of(cause) == v).WithMessage(_ => AppText.CataloguePointsInvalid);
        RuleFor(c => c.Steps).Cascade(CascadeMode.Stop)
            .Must(steps => steps.Any(step => !string.IsNullOrWhiteSpace(step))).WithMessage(_ => AppText.Required)
            .Must(steps => steps.Count <= MaxSteps).WithMessage(_ => AppText.MaxLength(MaxSteps))
            .Must(steps => steps.All(step => step.Length <= StepMaxLength)).WithMessage(_ => AppText.MaxLength(StepMaxLength));
        RuleForEach(c => c.Steps).NoSecret();
        RuleFor(c => c.Note).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => AppText.Required)
            .MaximumLength(FieldLimits.NoteMaxLength).WithMessage(_ => AppText.MaxLength(FieldLimits.NoteMaxLength));
    }
}

public sealed class SetPlaybookStepsHandler(IKnowledgeStore knowledge, ICatalogueVersions versions, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetPlaybookStepsCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(SetPlaybookStepsCommand command, CancellationToken cancellationToken)
    {
        var current = (await knowledge.CurrentAsync(cancellationToken)).Catalogue;
        var entry = current.Codes.FirstOrDefault(code => string.Equals(code.Code, command.Code.Trim(), StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return Error.Validation(nameof(command.Code), AppText.Required);
        }

        var cause = Wire.ParseCause(command.Cause)!.Value;
        var steps = command.Steps.Where(step => !string.IsNullOrWhiteSpace(step)).Select(step => step.Trim()).ToArray();
        var playbooks = entry.Playbooks.Any(book => book.Cause == cause)
            ? entry.Playbooks.Select(book => book.Cause == cause ? book with { Steps = steps } : book).ToArray()
            : [.. entry.Playbooks, new Playbook(cause, steps)];
        var edited = current with
        {
            Codes = current.Codes.Select(code => ReferenceEquals(code, entry) ? code with { Playbooks = playbooks } : code).ToArray(),
        };
        return await versions.AppendAsync(edited, await currentUser.GetActorAsync(cancellationToken), command.Note.Trim(), clock.GetUtcNow(), cancellationToken);
    }
}
