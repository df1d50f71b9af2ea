namespace Tandem.Analysis;

/// <summary>Numbers the clauses an answer cites, in order of first verified use, one number per clause.</summary>
internal sealed class SourceNumbering(CitationVerifier verifier)
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    /// <summary>Checks citations against the answer's context.</summary>
    public CitationVerifier Verifier { get; } = verifier;

    /// <summary>The [n] mark of a verified citation; <paramref name="added"/> holds its source when this is the clause's first citation.</summary>
    public string Mark(CitationCheck check, out IReadOnlyList<AnswerSource> added)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!check.IsVerified || check.Passage is not { } p)
        {
            throw new ArgumentException("only a verified citation gets a number", nameof(check));
        }

        var key = $"{p.DocumentId}\n{p.Version}\n{p.ClauseId}\n{p.Start}";
        added = [];
        if (!_numbers.TryGetValue(key, out var number))
        {
            number = _numbers.Count + 1;
            _numbers[key] = number;
            added = [new AnswerSource(number, p.DocumentId, p.DocumentTitle, p.Version, p.ClauseId, p.Path, check.Start, check.End, check.VerbatimQuote!)];
        }

        return $"[{number}]";
    }
}
