using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>A clause cut into its sentences where a full stop or semicolon is followed by a capital or an opening bracket.</summary>
internal static partial class ClauseSentences
{
    /// <summary>The sentences of <paramref name="text"/>, in order.</summary>
    public static string[] Split(string text) => Boundary().Split(text);

    [GeneratedRegex(@"(?<=[.;])\s+(?=[A-Z(])", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Boundary();
}
