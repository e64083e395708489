namespace MsmHelpdesk.Domain.Clients;

/// <summary>Indonesian phone numbers as WhatsApp wants them: country code 62, digits only.</summary>
public static class PhoneNumber
{
    /// <summary>"0812-3456-7890", "+62 812 3456 7890" and "6281234567890" all become "6281234567890"; null when not a phone number.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var trimmed = input.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (trimmed.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '.' or '(' or ')' or '+')))
        {
            return null;
        }

        if (digits.StartsWith('0'))
        {
            digits = "62" + digits[1..];
        }
        else if (!digits.StartsWith("62", StringComparison.Ordinal))
        {
            return null;
        }

        return digits.Length is >= 10 and <= 15 ? digits : null;
    }

    /// <summary>A click-to-chat link that opens WhatsApp with the message typed in.</summary>
    public static string WhatsAppLink(string normalizedPhone, string message) =>
        $"https://wa.me/{normalizedPhone}?text={Uri.EscapeDataString(message)}";
}
