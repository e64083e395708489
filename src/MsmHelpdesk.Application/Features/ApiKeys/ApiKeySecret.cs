using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace MsmHelpdesk.Application.Features.ApiKeys;

/// <summary>
/// The shape of a key: "msm_" + 8 lookup characters + "_" + 40 secret characters. The first 12 characters
/// (the prefix) find the row; only the SHA-256 of the whole key is stored, so a leaked table grants nothing.
/// A plain hash, not a slow one, is enough: the secret has ~238 random bits, nothing to guess.
/// </summary>
public static class ApiKeySecret
{
    public const string Scheme = "msm_";
    public const int LookupLength = 8;
    public const int SecretLength = 40;
    public const int PrefixLength = 12;

    private const string LookupAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly SearchValues<char> LookupCharacters = SearchValues.Create(LookupAlphabet);

    public static string NewKey() =>
        Scheme + RandomNumberGenerator.GetString(LookupAlphabet, LookupLength) + "_" + RandomNumberGenerator.GetString(SecretAlphabet, SecretLength);

    /// <summary>The stored prefix of a well-formed key, or null for anything else.</summary>
    public static string? PrefixOf(string? key) =>
        key is { Length: PrefixLength + 1 + SecretLength }
        && key.StartsWith(Scheme, StringComparison.Ordinal)
        && key[PrefixLength] == '_'
        && key.AsSpan(Scheme.Length, LookupLength).ContainsAnyExcept(LookupCharacters) is false
            ? key[..PrefixLength]
            : null;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares in constant time, so the response time says nothing about how much of a guess was right.</summary>
    public static bool HashesMatch(string presentedHash, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presentedHash), Encoding.ASCII.GetBytes(storedHash));
}
