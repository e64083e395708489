using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Knowledge;

/// <summary>Adds a recognition phrase as a new catalogue version; the note says why.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record AddCataloguePhraseCommand : ICommand<Result<int>>
{
    public string Phrase { get; set; } = "";

    /// <summary>"scenario:upload", "cause:expired-certificate", …</summary>
    public string Points { get; set; } = "";

    public double Weight { get; set; } = 0.5;

    /// <summary>"id" or "en".</summary>
    public string Language { get; set; } = "id";

    public string Note { get; set; } = "";
}

public sealed class AddCataloguePhraseValidator : AbstractValidator<AddCataloguePhraseCommand>
{
    public AddCataloguePhraseValidator()
    {
        RuleFor(c => c.Phrase).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => AppText.Required)
            .MaximumLength(CatalogueRules.PhraseMaxLength).WithMessage(_ => AppText.MaxLength(CatalogueRules.PhraseMaxLength));
        RuleFor(c => c.Points).Must(CatalogueRules.IsValidPoints).WithMessage(_ => AppText.CataloguePointsInvalid);
        RuleFor(c => c.Weight).InclusiveBetween(0.1, 1.0).WithMessage(_ => AppText.CatalogueWeightRange);
        RuleFor(c => c.Language).Must(v => v is "id" or "en").WithMessage(_ => AppText.CatalogueLanguageInvalid);
        RuleFor(c => c.Note).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => AppText.Required)
            .MaximumLength(FieldLimits.NoteMaxLength).WithMessage(_ => AppText.MaxLength(FieldLimits.NoteMaxLength));
    }
}

public sealed class AddCataloguePhraseHandler(IKnowledgeStore knowledge, ICatalogueVersions versions, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddCataloguePhraseCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(AddCataloguePhraseCommand command, CancellationToken cancellationToken)
    {
        var current = (await knowledge.CurrentAsync(cancellationToken)).Catalogue;
        if (current.Phrases.Any(p => CatalogueRules.Same(p, command.Phrase, command.Points)))
        {
            return Error.Validation(nameof(command.Phrase), AppText.CataloguePhraseDuplicate);
        }

        var phrase = new RecognitionPhrase(command.Phrase.Trim(), command.Points.Trim(), Math.Round(command.Weight, 2), command.Language);
        var edited = current with { Phrases = [.. current.Phrases, phrase] };
        return await versions.AppendAsync(edited, await currentUser.GetActorAsync(cancellationToken), command.Note.Trim(), clock.GetUtcNow(), cancellationToken);
    }
}
