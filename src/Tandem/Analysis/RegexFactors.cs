using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// The words a text must contain for a pattern to match it, read from the pattern itself: for
/// <c>\b(solicit|hire)\w*\b.{0,80}\bemployees\b</c> a match needs "employees" (or, as well, "solicit"
/// or "hire"). A playbook pattern is tried on every clause of a contract, and most clauses have none
/// of its words; looking for one word is a vectorised search, while the regex interpreter tries the
/// pattern at every place its first letter occurs. The answer is never different: a text without the
/// words cannot match, and a text with them is matched by the pattern as before.
/// </summary>
/// <remarks>
/// Words are compared in <see cref="Fold">folded</see> form (ASCII letters lower-cased, and the
/// few other characters a case-insensitive .NET pattern treats as one of them), so a case-sensitive
/// pattern is read as if it ignored case: that finds the words in more texts, never in fewer.
/// Only ASCII characters make up a word. Whatever the reader does not follow (free-spacing mode,
/// a conditional) gives no words, and the pattern is tried on every text as before.
/// </remarks>
internal static class RegexFactors
{
    /// <summary>
    /// Strings, folded, one of which every text the pattern matches contains (folded); null when the pattern does not say
    /// (an optional part, a branch of only letter classes, an unreadable construct).
    /// </summary>
    public static string[]? Of(string pattern, RegexOptions options)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if ((options & RegexOptions.IgnorePatternWhitespace) != 0)
        {
            return null;
        }

        try
        {
            var reader = new Reader(pattern);
            var factors = reader.Alternation();
            return reader.AtEnd ? factors : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="folded"/> (a <see cref="Fold">folded</see> text) contains one of <paramref name="factors"/>; true when there are none to look for.</summary>
    public static bool MayMatch(string[]? factors, string folded)
    {
        if (factors is null)
        {
            return true;
        }

        foreach (var factor in factors)
        {
            if (folded.Contains(factor, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The text with ASCII letters lower-cased and the characters a case-insensitive pattern matches to an ASCII letter
    /// (the Kelvin sign to k, the long s to s, the dotted and dotless i to i) replaced by it; every other character kept.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = FoldChar(source[i]);
            }
        });
    }

    private static char FoldChar(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c | 0x20),
        '\u212A' => 'k',
        '\u017F' => 's',
        '\u0130' or '\u0131' => 'i',
        _ => c,
    };

    /// <summary>A recursive reader of .NET pattern syntax that keeps, for each part, the strings one of which it needs.</summary>
    private sealed class Reader(string pattern)
    {
        private int position;

        public bool AtEnd => position == pattern.Length;

        /// <summary>Branches up to the end of the pattern or of the group: the union of theirs, or null when one needs none.</summary>
        public string[]? Alternation()
        {
            var union = new List<string>();
            var known = true;
            while (true)
            {
                var branch = Sequence();
                if (branch is null)
                {
                    known = false;
                }
                else
                {
                    union.AddRange(branch);
                }

                if (position < pattern.Length && pattern[position] == '|')
                {
                    position++;
                    continue;
                }

                return known ? union.Distinct(StringComparer.Ordinal).ToArray() : null;
            }
        }

        /// <summary>A run of atoms: the most telling set of strings any of them needs (the longest shortest string), or null.</summary>
        private string[]? Sequence()
        {
            string[]? best = null;
            var run = new StringBuilder();
            void Consider(string[]? candidate)
            {
                if (candidate is { Length: > 0 } && (best is null || Better(candidate, best)))
                {
                    best = candidate;
                }
            }

            void Flush()
            {
                if (run.Length > 0)
                {
                    Consider([run.ToString()]);
                    run.Clear();
                }
            }

            while (position < pattern.Length && pattern[position] is not ('|' or ')'))
            {
                var atom = NextAtom();
                var (min, _) = Quantifier();
                if (atom.ZeroWidth)
                {
                    // An anchor or a word boundary consumes nothing: the letters either side are still next to each other.
                    if (atom.Needs is not null && min >= 1)
                    {
                        Flush();
                        Consider(atom.Needs);
                    }

                    continue;
                }

                if (atom.Literal is { } literal && min >= 1)
                {
                    // A repeated letter is there at least once, its first next to what came before and its last next to what follows.
                    run.Append(literal);
                    if (QuantifierFollowed)
                    {
                        Flush();
                        run.Append(literal);
                    }

                    continue;
                }

                Flush();
                if (min >= 1)
                {
                    Consider(atom.Needs);
                }
            }

            Flush();
            return best;
        }

        /// <summary>Whether the last quantifier read was written out (a literal char read with {1} still stands alone).</summary>
        private bool QuantifierFollowed { get; set; }

        private static bool Better(string[] candidate, string[] best)
        {
            var (a, b) = (candidate.Min(s => s.Length), best.Min(s => s.Length));
            return a > b || (a == b && candidate.Length < best.Length);
        }

        /// <summary>One atom: a literal character, a class, an anchor, a group, a back-reference.</summary>
        private Atom NextAtom()
        {
            var c = pattern[position++];
            switch (c)
            {
                case '\\':
                    return Escape();
                case '[':
                    SkipClass();
                    return Atom.Unknown;
                case '.':
                    return Atom.Unknown;
                case '^' or '$':
                    return Atom.Anchor;
                case '(':
                    return Group();
                case '*' or '+' or '?':
                    throw new NotSupportedException("a quantifier with nothing before it");
                default:
                    return Atom.Of(c);
            }
        }

        private Atom Escape()
        {
            if (position >= pattern.Length)
            {
                throw new NotSupportedException("a pattern ending in a backslash");
            }

            var c = pattern[position++];
            switch (c)
            {
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                    return Atom.Anchor;
                case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                    return Atom.Unknown;
                case 'p' or 'P':
                    SkipPast('}');
                    return Atom.Unknown;
                case 'k':
                    // \k<name> or \k'name': a back-reference; what it repeats is not read.
                    SkipPast(position < pattern.Length && pattern[position] == '<' ? '>' : '\'');
                    return Atom.Unknown;
                case >= '1' and <= '9':
                    while (position < pattern.Length && char.IsAsciiDigit(pattern[position]))
                    {
                        position++;
                    }

                    return Atom.Unknown;
                case 't':
                    return Atom.Of('\t');
                case 'n':
                    return Atom.Of('\n');
                case 'r':
                    return Atom.Of('\r');
                case 'f':
                    return Atom.Of('\f');
                case 'v':
                    return Atom.Of('\v');
                case 'e':
                    return Atom.Of('\u001B');
                case 'a':
                    return Atom.Of('\a');
                case 'x':
                    return Atom.Of(Hex(2));
                case 'u':
                    return Atom.Of(Hex(4));
                case '0':
                    // An octal escape (\0, \012): a control character, never a letter.
                    while (position < pattern.Length && pattern[position] is >= '0' and <= '7')
                    {
                        position++;
                    }

                    return Atom.Unknown;
                case 'c':
                    position++;
                    return Atom.Unknown;
                default:
                    if (char.IsAsciiLetterOrDigit(c))
                    {
                        throw new NotSupportedException($"the escape \\{c}");
                    }

                    return Atom.Of(c);
            }
        }

        private char Hex(int digits)
        {
            if (position + digits > pattern.Length
                || !int.TryParse(pattern.AsSpan(position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                throw new NotSupportedException("a short hexadecimal escape");
            }

            position += digits;
            return (char)code;
        }

        private Atom Group()
        {
            var kind = GroupKind();
            if (kind == GroupOpening.OptionsSwitch)
            {
                return Atom.Anchor;
            }

            if (kind == GroupOpening.Comment)
            {
                SkipPast(')');
                return Atom.Anchor;
            }

            var inner = Alternation();
            if (position >= pattern.Length || pattern[position] != ')')
            {
                throw new NotSupportedException("an unclosed group");
            }

            position++;
            return kind switch
            {
                // What a positive lookaround needs is in the text, though not in the match.
                GroupOpening.Lookaround => Atom.Assertion(inner),
                GroupOpening.NegativeLookaround => Atom.Anchor,
                _ => new Atom(null, inner, ZeroWidth: false),
            };
        }

        /// <summary>Reads what follows "(" up to the group's body.</summary>
        private GroupOpening GroupKind()
        {
            if (position >= pattern.Length || pattern[position] != '?')
            {
                return GroupOpening.Plain;
            }

            position++;
            var c = position < pattern.Length ? pattern[position] : throw new NotSupportedException("an unclosed group");
            switch (c)
            {
                case ':' or '>':
                    position++;
                    return GroupOpening.Plain;
                case '=':
                    position++;
                    return GroupOpening.Lookaround;
                case '!':
                    position++;
                    return GroupOpening.NegativeLookaround;
                case '#':
                    return GroupOpening.Comment;
                case '(':
                    throw new NotSupportedException("a conditional");
                case '<' when position + 1 < pattern.Length && pattern[position + 1] is '=' or '!':
                    position += 2;
                    return pattern[position - 1] == '=' ? GroupOpening.Lookaround : GroupOpening.NegativeLookaround;
                case '<' or '\'':
                    position++;
                    SkipPast(c == '<' ? '>' : '\'');
                    return GroupOpening.Plain;
                default:
                    // Options: (?imnsx-imnsx) switches them for the rest of the group, (?imnsx-imnsx:…) for its own body.
                    var start = position;
                    while (position < pattern.Length && pattern[position] is 'i' or 'm' or 'n' or 's' or 'x' or '-')
                    {
                        position++;
                    }

                    var letters = pattern.AsSpan(start, position - start);
                    var on = letters.IndexOf('-') is var dash and >= 0 ? letters[..dash] : letters;
                    if (on.Contains('x') || position >= pattern.Length)
                    {
                        throw new NotSupportedException("free-spacing mode");
                    }

                    return pattern[position++] switch
                    {
                        ')' => GroupOpening.OptionsSwitch,
                        ':' => GroupOpening.Plain,
                        _ => throw new NotSupportedException("an unknown group"),
                    };
            }
        }

        /// <summary>The quantifier after an atom, as (min, max); (1, 1) when there is none.</summary>
        private (int Min, int Max) Quantifier()
        {
            QuantifierFollowed = false;
            if (position >= pattern.Length)
            {
                return (1, 1);
            }

            (int, int) read;
            switch (pattern[position])
            {
                case '*':
                    position++;
                    read = (0, int.MaxValue);
                    break;
                case '+':
                    position++;
                    read = (1, int.MaxValue);
                    break;
                case '?':
                    position++;
                    read = (0, 1);
                    break;
                case '{' when Braces() is { } braces:
                    read = braces;
                    break;
                default:
                    return (1, 1);
            }

            QuantifierFollowed = true;
            if (position < pattern.Length && pattern[position] == '?')
            {
                position++;
            }

            return read;
        }

        /// <summary>{n}, {n,} or {n,m}; null (nothing read) when the brace is a literal one.</summary>
        private (int, int)? Braces()
        {
            var close = pattern.IndexOf('}', position);
            if (close < 0)
            {
                return null;
            }

            var body = pattern.AsSpan(position + 1, close - position - 1);
            var comma = body.IndexOf(',');
            var low = comma < 0 ? body : body[..comma];
            if (!int.TryParse(low, NumberStyles.None, CultureInfo.InvariantCulture, out var min))
            {
                return null;
            }

            var max = min;
            if (comma >= 0 && body[(comma + 1)..] is var high && high.Length > 0 && !int.TryParse(high, NumberStyles.None, CultureInfo.InvariantCulture, out max))
            {
                return null;
            }

            position = close + 1;
            return (min, comma >= 0 && body[(comma + 1)..].IsEmpty ? int.MaxValue : max);
        }

        /// <summary>Past a character class, "[" already read: escapes, a leading "]" or "^]", and subtractions "-[…]".</summary>
        private void SkipClass()
        {
            if (position < pattern.Length && pattern[position] == '^')
            {
                position++;
            }

            if (position < pattern.Length && pattern[position] == ']')
            {
                position++;
            }

            while (position < pattern.Length)
            {
                var c = pattern[position++];
                if (c == '\\')
                {
                    position++;
                }
                else if (c == '[' && position >= 2 && pattern[position - 2] == '-')
                {
                    SkipClass();
                }
                else if (c == ']')
                {
                    return;
                }
            }

            throw new NotSupportedException("an unclosed class");
        }

        private void SkipPast(char end)
        {
            var at = pattern.IndexOf(end, position);
            position = at >= 0 ? at + 1 : throw new NotSupportedException($"no closing {end}");
        }
    }

    private enum GroupOpening
    {
        Plain,
        Lookaround,
        NegativeLookaround,
        OptionsSwitch,
        Comment,
    }

    /// <summary>What an atom tells: a literal ASCII character (folded), or the strings it needs, and whether it consumes text.</summary>
    private readonly record struct Atom(char? Literal, string[]? Needs, bool ZeroWidth)
    {
        public static Atom Unknown => new(null, null, ZeroWidth: false);

        public static Atom Anchor => new(null, null, ZeroWidth: true);

        public static Atom Assertion(string[]? needs) => new(null, needs, ZeroWidth: true);

        /// <summary>A literal character: a word character only when it is ASCII (a case-insensitive match of "é" may be "É").</summary>
        public static Atom Of(char c) => c < 128 ? new(FoldChar(c), null, ZeroWidth: false) : Unknown;
    }
}
