using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Mediator;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Common.Validation;

/// <summary>A text property kept exactly as typed (passwords, a certificate's passphrase): never trimmed, never screened.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class VerbatimAttribute : Attribute;

/// <summary>
/// What every message's input goes through before its validators (issue 16): text trimmed of blanks and invisible
/// characters at both ends (so a lone zero-width space is empty when "required" is checked), NUL and other control
/// characters and bidi overrides refused, enums limited to their named values, paging bounded; and after the
/// validators, every free-text property of a command screened for passphrases.
/// </summary>
public static class InputNormaliser
{
    public const int MaxPage = 100_000;

    private static readonly ConcurrentDictionary<Type, MessageProperty[]> Properties = new();

    /// <summary>A message's readable property and whether it is <see cref="VerbatimAttribute"/>, read once per type.</summary>
    private sealed record MessageProperty(PropertyInfo Info, bool Verbatim);

    /// <summary>Trims the message's text in place; returns the refusals per property.</summary>
    public static Dictionary<string, List<string>> Normalise(object message)
    {
        var failures = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (property, verbatim) in PropertiesOf(message.GetType()))
        {
            var value = property.GetValue(message);
            switch (value)
            {
                case string text when !verbatim:
                    if (Refusal(text) is { } refusal)
                    {
                        Add(failures, property.Name, refusal);
                    }
                    else if (property.CanWrite)
                    {
                        var trimmed = TrimInvisible(text);
                        if (!ReferenceEquals(trimmed, text))
                        {
                            property.SetValue(message, trimmed);
                        }
                    }

                    break;
                case Enum named when !IsNamed(named):
                    Add(failures, property.Name, AppText.EnumValueUnknown(string.Join(", ", Enum.GetNames(named.GetType()))));
                    break;
                case IEnumerable values and not string and not byte[]:
                    foreach (var item in values)
                    {
                        if (item is Enum named && !IsNamed(named))
                        {
                            Add(failures, property.Name, AppText.EnumValueUnknown(string.Join(", ", Enum.GetNames(named.GetType()))));
                        }
                        else if (item is string element && Refusal(element) is { } elementRefusal)
                        {
                            Add(failures, property.Name, elementRefusal);
                        }
                    }

                    break;
                case int page when property.Name == "Page" && page > MaxPage:
                    Add(failures, property.Name, AppText.PageTooHigh(MaxPage));
                    break;
                case int size when property.Name == "PageSize" && size > FieldLimits.MaxPageSize:
                    Add(failures, property.Name, AppText.PageOutOfRange(FieldLimits.MaxPageSize));
                    break;
            }
        }

        return failures;
    }

    /// <summary>Free text of a command that carries a passphrase, for the properties no validator has refused already.</summary>
    public static IEnumerable<string> PropertiesHoldingSecrets(object message, IReadOnlySet<string> alreadyRefused)
    {
        if (message is not IBaseCommand)
        {
            yield break;
        }

        foreach (var (property, verbatim) in PropertiesOf(message.GetType()))
        {
            if (verbatim || alreadyRefused.Contains(property.Name))
            {
                continue;
            }

            var value = property.GetValue(message);
            var secret = value switch
            {
                string text => SecretGuard.ContainsSecret(text),
                IEnumerable<string> texts => texts.Any(SecretGuard.ContainsSecret),
                _ => false,
            };
            if (secret)
            {
                yield return property.Name;
            }
        }
    }

    /// <summary>Blanks and invisible format characters (zero-width space, BOM, NBSP...) removed from both ends.</summary>
    public static string TrimInvisible(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsBlank(text[start]))
        {
            start++;
        }

        while (end > start && IsBlank(text[end - 1]))
        {
            end--;
        }

        return start == 0 && end == text.Length ? text : text[start..end];
    }

    /// <summary>Why the text cannot be stored, or null: a control character other than tab and line breaks, or a bidi control.</summary>
    public static string? Refusal(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return AppText.ControlCharacterInText;
            }

            if (IsBidiControl(c))
            {
                return AppText.BidiControlInText;
            }
        }

        return null;
    }

    /// <summary>U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates): they reorder what a reader sees.</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    private static bool IsBlank(char c) =>
        char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static bool IsNamed(Enum value)
    {
        var type = value.GetType();
        if (Enum.IsDefined(type, value))
        {
            return true;
        }

        if (!type.IsDefined(typeof(FlagsAttribute)))
        {
            return false;
        }

        var all = Enum.GetValues(type).Cast<Enum>().Aggregate(0L, (bits, flag) => bits | Convert.ToInt64(flag, CultureInfo.InvariantCulture));
        return (Convert.ToInt64(value, CultureInfo.InvariantCulture) & ~all) == 0;
    }

    private static MessageProperty[] PropertiesOf(Type type) =>
        Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.DeclaringType != typeof(object) && p.Name != "EqualityContract")
            .Select(p => new MessageProperty(p, p.IsDefined(typeof(VerbatimAttribute))))
            .ToArray());

    private static void Add(Dictionary<string, List<string>> failures, string property, string message)
    {
        if (!failures.TryGetValue(property, out var messages))
        {
            failures[property] = messages = [];
        }

        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }
}
