using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Knowledge;

/// <summary>Removes a recognition phrase as a new catalogue version; the note says why.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record RemoveCataloguePhraseCommand : ICommand<Result<int>>
{
    public string Phrase { get; set; } = "";

    public string Points { get; set; } = "";

    public string Note { get; set; } = "";
}

public sealed class RemoveCataloguePhraseValidator : AbstractValidator<RemoveCataloguePhraseCommand>
{
    public RemoveCataloguePhraseValidator()
    {
        RuleFor(c => c.Phrase).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => AppText.Required);
        RuleFor(c => c.Points).Must(CatalogueRules.IsValidPoints).WithMessage(_ => AppText.CataloguePointsInvalid);
        RuleFor(c => c.Note).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => AppText.Required)
            .MaximumLength(FieldLimits.NoteMaxLength).WithMessage(_ => AppText.MaxLength(FieldLimits.NoteMaxLength));
    }
}

public sealed class RemoveCataloguePhraseHandler(IKnowledgeStore knowledge, ICatalogueVersions versions, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemoveCataloguePhraseCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(RemoveCataloguePhraseCommand command, CancellationToken cancellationToken)
    {
        var current = (await knowledge.CurrentAsync(cancellationToken)).Catalogue;
        var kept = current.Phrases.Where(p => !CatalogueRules.Same(p, command.Phrase, command.Points)).ToList();
        if (kept.Count == current.Phrases.Count)
        {
            return Error.NotFound("catalogue-phrase-not-found", AppText.CataloguePhraseNotFound);
        }

        var edited = current with { Phrases = kept };
        return await versions.AppendAsync(edited, await currentUser.GetActorAsync(cancellationToken), command.Note.Trim(), clock.GetUtcNow(), cancellationToken);
    }
}
