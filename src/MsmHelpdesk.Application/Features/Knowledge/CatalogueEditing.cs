using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Knowledge;

/// <summary>The catalogue in force (codes, playbooks, phrases) and who changed it when.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record GetCatalogueQuery : IQuery<Result<CatalogueView>>;

public sealed record CatalogueView(Catalogue Current, IReadOnlyList<CatalogueVersionInfo> History);

public sealed class GetCatalogueHandler(IKnowledgeStore knowledge, ICatalogueVersions versions) : IQueryHandler<GetCatalogueQuery, Result<CatalogueView>>
{
    public async ValueTask<Result<CatalogueView>> Handle(GetCatalogueQuery query, CancellationToken cancellationToken)
    {
        var current = (await knowledge.CurrentAsync(cancellationToken)).Catalogue;
        return new CatalogueView(current, await versions.HistoryAsync(cancellationToken));
    }
}

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

/// <summary>Removes a recognition phrase as a new catalogue version; the note says why.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record RemoveCataloguePhraseCommand : ICommand<Result<int>>
{
    public string Phrase { get; set; } = "";

    public string Points { get; set; } = "";

    public string Note { get; set; } = "";
}

public static class CatalogueRules
{
    public const int PhraseMaxLength = 100;

    public static bool IsValidPoints(string? points)
    {
        if (points is null || points.Split(':') is not [var kind, var value])
        {
            return false;
        }

        return kind switch
        {
            "scenario" => Wire.ParseScenario(value) is { } s && Wire.Of(s) == value,
            "cause" => Wire.ParseCause(value) is { } c && Wire.Of(c) == value,
            _ => false,
        };
    }

    public static bool Same(RecognitionPhrase phrase, string text, string points) =>
        string.Equals(phrase.Phrase.Trim(), text.Trim(), StringComparison.OrdinalIgnoreCase)
        && string.Equals(phrase.Points, points.Trim(), StringComparison.Ordinal);
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
