using System.Security.Cryptography;
using System.Text;

namespace Tandem.Learning;

/// <summary>
/// Duplicate detection for training examples. Exact: the same task, category and input after
/// case, whitespace and punctuation are normalised (that is the example id). Near: word-set
/// Jaccard of at least <see cref="NearThreshold"/> with an example of the same category.
/// </summary>
public static class ExampleDuplicates
{
    public const double NearThreshold = 0.9;

    /// <summary>The id of an example: a hash of its task, category and normalised input.</summary>
    public static string IdOf(string task, string category, string input) =>
        "ex_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(task + "\n" + category + "\n" + Normalise(input))))[..16];

    /// <summary>The lower-case words of a text, punctuation and numbers' formatting ignored.</summary>
    public static HashSet<string> Words(string text) =>
        Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    public static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var shared = a.Count < b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }

        return builder.ToString().Trim();
    }
}
