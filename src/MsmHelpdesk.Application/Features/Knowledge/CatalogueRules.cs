using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Application.Features.Knowledge;

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
