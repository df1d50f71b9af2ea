using System.Security.Cryptography;
using System.Text;

namespace Tandem.Store;

/// <summary>A clause text to embed and the hash its vector is stored under.</summary>
public sealed record ClauseText(string Hash, string Text)
{
    /// <summary>The key of a text's vectors: SHA-256 of its UTF-8 bytes, the first 128 bits in hex.</summary>
    public static string HashOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}
