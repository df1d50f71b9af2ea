using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// Matches a playbook pattern that is a long list of alternatives ("A|B|C|…") one alternative at a
/// time. .NET's regex engine finds each alternative on its own by a vectorised search for its
/// leading words, but a top-level alternation of dozens of them loses that search and tries every
/// branch at every character: measured on two contracts, the Minimum Commitment detect pattern took
/// 131 ms whole against 32 ms for its 88 alternatives apart, the IP ownership one 164 ms against 14.
/// Whether the text matches is the same either way; the parts share the pattern's time budget (a
/// match past it throws <see cref="RegexMatchTimeoutException"/>, as the whole pattern would).
/// </summary>
internal static partial class RegexAlternatives
{
    /// <summary>Below this many alternatives the pattern is matched whole: the split gains nothing.</summary>
    public const int MinAlternatives = 6;

    /// <summary>Texts in <see cref="RegexFactors.Fold">folded</see> form, once each: a clause is matched by every rule's patterns.</summary>
    private static readonly ConditionalWeakTable<string, string> Folded = new();

    /// <summary><paramref name="text"/> <see cref="RegexFactors.Fold">folded</see>, computed once for each text.</summary>
    internal static string FoldedOnce(string text) => Folded.GetValue(text, RegexFactors.Fold);

    /// <summary>Whether <paramref name="pattern"/> matches <paramref name="text"/>, alternative by alternative when it is a long list of them.</summary>
    /// <remarks>An alternative whose words (<see cref="RegexFactors"/>) the text lacks is not tried, nor built until a text has them.</remarks>
    public static bool IsMatch(PlaybookPattern pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var parts = pattern.Parts;
        var folded = FoldedOnce(text);
        if (parts.Length == 1)
        {
            return RegexFactors.MayMatch(parts[0].Factors, folded) && parts[0].Regex.IsMatch(text);
        }

        var started = Stopwatch.GetTimestamp();
        foreach (var part in parts)
        {
            if (pattern.Timeout != Regex.InfiniteMatchTimeout && Stopwatch.GetElapsedTime(started) > pattern.Timeout)
            {
                throw new RegexMatchTimeoutException(text, pattern.Text, pattern.Timeout);
            }

            if (RegexFactors.MayMatch(part.Factors, folded) && part.Regex.IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The top-level alternatives of <paramref name="pattern"/>, each with its leading options (<c>(?i)</c>), or the
    /// pattern itself when it has few, or when splitting could change what it matches: a back-reference, an options
    /// switch later in the pattern, or free-spacing mode.
    /// </summary>
    internal static PlaybookPattern[] Split(PlaybookPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var text = pattern.Text;
        PlaybookPattern[] whole = [pattern];
        if ((pattern.Options & RegexOptions.IgnorePatternWhitespace) != 0 || BackReference().IsMatch(text))
        {
            return whole;
        }

        var prefix = OptionsSwitch().Match(text) is { Success: true } options ? options.Value : string.Empty;
        if (prefix.Contains('x', StringComparison.Ordinal))
        {
            return whole;
        }

        var alternatives = TopLevelAlternatives(text[prefix.Length..]);
        if (alternatives is null || alternatives.Count < MinAlternatives)
        {
            return whole;
        }

        // Each part is a pattern of its own, never split again: it has no top-level bar.
        return alternatives.Select(a => new PlaybookPattern(prefix + a, pattern.Options, pattern.Timeout)).ToArray();
    }

    /// <summary>The pattern cut at its top-level bars, or null when an options switch <c>(?i)</c> stands at the top level after the start.</summary>
    private static List<string>? TopLevelAlternatives(string body)
    {
        var alternatives = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        var inClass = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                current.Append(c).Append(body[++i]);
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                current.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    current.Append(c);
                    // A ']' right after '[' or '[^' is a member of the class, not its end.
                    if (i + 1 < body.Length && body[i + 1] == '^')
                    {
                        current.Append(body[++i]);
                    }

                    if (i + 1 < body.Length && body[i + 1] == ']')
                    {
                        current.Append(body[++i]);
                    }

                    continue;
                case '(':
                    if (depth == 0 && OptionsSwitch().IsMatch(body.AsSpan(i)))
                    {
                        return null;
                    }

                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case '|' when depth == 0:
                    alternatives.Add(current.ToString());
                    current.Clear();
                    continue;
            }

            current.Append(c);
        }

        alternatives.Add(current.ToString());
        return depth == 0 && !inClass ? alternatives : null;
    }

    /// <summary>
    /// "(?i)" or "(?-i)" that switches options for the rest of the pattern (not a group "(?i:…)"): kept as the prefix of
    /// every part at the start, and a reason not to split anywhere else at the top level.
    /// </summary>
    [GeneratedRegex(@"^\(\?[imnsx]*(?:-[imnsx]*)?\)")]
    private static partial Regex OptionsSwitch();

    [GeneratedRegex(@"\\[1-9]|\\k<")]
    private static partial Regex BackReference();
}
