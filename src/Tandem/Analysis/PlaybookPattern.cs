using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// A regular expression of the playbook, built the first time a text needs it: a playbook has some six hundred,
/// and a review tries few of them (a pattern whose words a clause lacks is never tried, see <see cref="RegexFactors"/>).
/// A long list of alternatives is kept as its <see cref="Parts"/>, each tried (and built) on its own.
/// </summary>
public sealed class PlaybookPattern
{
    private Regex? regex;
    private PlaybookPattern[]? parts;
    private string[]? factors;
    private bool factorsRead;

    /// <summary>A pattern that is built when first matched.</summary>
    public PlaybookPattern(string text, RegexOptions options = RegexOptions.CultureInvariant, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Options = options;
        Timeout = timeout ?? RegexBudget.Timeout;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>The options it is built with.</summary>
    public RegexOptions Options { get; }

    /// <summary>How long one match may take (<see cref="RegexMatchTimeoutException"/> past it).</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The pattern as a <see cref="System.Text.RegularExpressions.Regex"/>; two threads may build it at once, and either copy serves.</summary>
    /// <exception cref="TandemException">The pattern is not a valid regular expression (the playbook loader checks every one it reads).</exception>
    public Regex Regex => regex ??= Build();

    /// <summary>Whether the regex has been built (checked) yet.</summary>
    internal bool IsBuilt => regex is not null;

    /// <summary>The alternatives matched one at a time (<see cref="RegexAlternatives"/>), or this pattern alone.</summary>
    internal PlaybookPattern[] Parts => parts ??= RegexAlternatives.Split(this);

    /// <summary>The words one of which a text needs for this pattern to match it; null when any text may (<see cref="RegexFactors.Of"/>).</summary>
    internal string[]? Factors
    {
        get
        {
            if (!factorsRead)
            {
                factors = RegexFactors.Of(Text, Options);
                factorsRead = true;
            }

            return factors;
        }
    }

    /// <summary>Builds the regex now: an invalid pattern throws <see cref="ArgumentException"/> here rather than at its first match.</summary>
    public PlaybookPattern Check()
    {
        regex ??= new Regex(Text, Options, Timeout);
        return this;
    }

    /// <summary>Whether the pattern matches <paramref name="text"/> (<see cref="RegexAlternatives.IsMatch"/>).</summary>
    public bool IsMatch(string text) => RegexAlternatives.IsMatch(this, text);

    /// <inheritdoc/>
    public override string ToString() => Text;

    private Regex Build()
    {
        try
        {
            return new Regex(Text, Options, Timeout);
        }
        catch (ArgumentException ex)
        {
            throw new TandemException($"a playbook pattern is not a valid regular expression: '{Text}' ({ex.Message.TrimEnd('.')})", "fix the pattern in the playbook", ex);
        }
    }
}
