using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tandem.Access;

/// <summary>
/// The form of an API key, <c>tdm_&lt;keyid&gt;_&lt;secret&gt;</c>: a 64-bit key id that names the key
/// in lists, and a 256-bit random secret, both lower-case hex. Only SHA-256 of the secret is
/// stored: a slow password hash buys nothing against 256 random bits, and costs every request.
/// </summary>
public static class ApiKeyToken
{
    /// <summary>What every key starts with, so a leaked key is recognisable (secret scanners, logs).</summary>
    public const string Prefix = "tdm_";

    private const int KeyIdBytes = 8;
    private const int SecretBytes = 32;

    /// <summary>A new random key id and secret, and the key they make.</summary>
    public static (string KeyId, string Secret, string Token) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdBytes));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SecretBytes));
        return (keyId, secret, Prefix + keyId + "_" + secret);
    }

    /// <summary>Whether <paramref name="token"/> has the key's shape (a JWT or anything else does not).</summary>
    public static bool LooksLikeKey(string? token) => token is not null && token.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Splits a presented key into its id and secret; false when it is not exactly of the key's form.</summary>
    public static bool TryParse(string? token, out string keyId, out string secret)
    {
        keyId = secret = string.Empty;
        if (!LooksLikeKey(token) || token!.Length != Prefix.Length + (KeyIdBytes * 2) + 1 + (SecretBytes * 2) || token[Prefix.Length + (KeyIdBytes * 2)] != '_')
        {
            return false;
        }

        var id = token.AsSpan(Prefix.Length, KeyIdBytes * 2);
        var rest = token.AsSpan(Prefix.Length + (KeyIdBytes * 2) + 1);
        if (!IsLowerHex(id) || !IsLowerHex(rest))
        {
            return false;
        }

        (keyId, secret) = (id.ToString(), rest.ToString());
        return true;
    }

    /// <summary>Whether <paramref name="keyId"/> could be a key id (to refuse anything else before it reaches a query).</summary>
    public static bool IsKeyId(string? keyId) => keyId is { Length: KeyIdBytes * 2 } && IsLowerHex(keyId);

    /// <summary>The stored form of a secret.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));

    /// <summary>Whether a presented secret matches a stored hash, in time independent of where they differ.</summary>
    public static bool Matches(string secret, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);

    /// <summary>
    /// A key's lifetime as written on the command line or in a request: <c>90d</c>, <c>12h</c>,
    /// <c>30m</c>, or <c>never</c> (null).
    /// </summary>
    public static TimeSpan? ParseLifetime(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = spec.Trim().ToLowerInvariant();
        if (text == "never")
        {
            return null;
        }

        if (text.Length >= 2 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            TimeSpan? lifetime = text[^1] switch
            {
                'd' when count <= 3650 => TimeSpan.FromDays(count),
                'h' when count <= 87600 => TimeSpan.FromHours(count),
                'm' when count <= 5256000 => TimeSpan.FromMinutes(count),
                _ => null,
            };
            if (lifetime is not null)
            {
                return lifetime;
            }
        }

        throw new TandemException($"invalid key lifetime '{spec}'", "write a number of days, hours or minutes up to ten years, e.g. 90d, 12h or 30m, or 'never'");
    }

    private static bool IsLowerHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
