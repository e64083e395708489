namespace MsmHelpdesk.Domain.Clients;

/// <summary>
/// Indonesian taxpayer number. The old form has 15 digits (digit 9 is a Luhn check digit over the first 9);
/// since 2024 it has 16: a resident's NIK, or "0" + the 15 digits for companies. Stored as the 16-digit form,
/// so "01.234.567.8-901.000" and "0012345678901000" are the same taxpayer.
/// </summary>
public sealed record Npwp
{
    private static readonly HashSet<int> ProvinceCodes =
    [
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
        61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
    ];

    private Npwp(string value) => Value = value;

    /// <summary>The 16 digits.</summary>
    public string Value { get; }

    /// <summary>Whether the number is the old 15-digit form (with a leading zero), as companies have.</summary>
    public bool IsLegacyForm => Value[0] == '0';

    public static NpwpParse Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return new(null, NpwpProblem.Empty);
        }

        var digits = new string(input.Where(c => !IsSeparator(c)).ToArray());
        if (!digits.All(char.IsAsciiDigit))
        {
            return new(null, NpwpProblem.NotDigits);
        }

        return digits.Length switch
        {
            15 => LuhnValid(digits.AsSpan(0, 9)) ? new(new Npwp("0" + digits), null) : new(null, NpwpProblem.CheckDigit),
            16 when digits[0] == '0' => LuhnValid(digits.AsSpan(1, 9)) ? new(new Npwp(digits), null) : new(null, NpwpProblem.CheckDigit),
            16 => IsNik(digits) ? new(new Npwp(digits), null) : new(null, NpwpProblem.InvalidNik),
            _ => new(null, NpwpProblem.Length),
        };
    }

    /// <summary>Restores a stored value without re-validating it.</summary>
    public static Npwp FromStored(string value) => new(value);

    /// <summary>"XX.XXX.XXX.X-XXX.XXX" for the 15-digit form, the 16 digits for a NIK.</summary>
    public string Formatted => Format(Value);

    public static string Format(string stored)
    {
        if (stored.Length != 16 || stored[0] != '0')
        {
            return stored;
        }

        var d = stored[1..];
        return $"{d[..2]}.{d[2..5]}.{d[5..8]}.{d[8]}-{d[9..12]}.{d[12..15]}";
    }

    public override string ToString() => Formatted;

    /// <summary>The Luhn check digit that makes <paramref name="firstEight"/> + digit valid.</summary>
    public static int LuhnCheckDigit(ReadOnlySpan<char> firstEight)
    {
        Span<char> nine = stackalloc char[9];
        for (var candidate = 0; candidate <= 9; candidate++)
        {
            firstEight.CopyTo(nine);
            nine[8] = (char)('0' + candidate);
            if (LuhnValid(nine))
            {
                return candidate;
            }
        }

        throw new ArgumentException("not eight digits", nameof(firstEight));
    }

    private static bool IsSeparator(char c) => c is '.' or '-' or ' ' or '/';

    private static bool LuhnValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>NIK: PPRRSSDDMMYYXXXX — province, regency, district, birth date (women add 40 to the day), serial.</summary>
    private static bool IsNik(string digits)
    {
        int Part(int start, int length) => int.Parse(digits.AsSpan(start, length), System.Globalization.CultureInfo.InvariantCulture);
        var day = Part(6, 2);
        day = day > 40 ? day - 40 : day;
        return ProvinceCodes.Contains(Part(0, 2))
            && Part(2, 2) > 0
            && Part(4, 2) > 0
            && day is >= 1 and <= 31
            && Part(8, 2) is >= 1 and <= 12
            && Part(12, 4) > 0;
    }
}

public enum NpwpProblem
{
    Empty,
    NotDigits,
    Length,
    CheckDigit,
    InvalidNik,
}

public sealed record NpwpParse(Npwp? Npwp, NpwpProblem? Problem);
