namespace Tandem.Analysis;

/// <summary>
/// ML.NET's TextNormalizingTransformer on one string, char for char: optionally drops punctuation
/// (<see cref="char.IsPunctuation(char)"/>), numbers (<see cref="char.IsNumber(char)"/>) and
/// combining diacritics, folds accented letters to their base letter with ML.NET's own table (not
/// Unicode decomposition, which folds other letters) and changes case with the invariant culture.
/// </summary>
internal sealed class MlNetTextNormalizer
{
    /// <summary>ML.NET's <c>TextNormalizingEstimator.CaseMode</c> as stored in a model.</summary>
    public const byte Lower = 0;

    public const byte Upper = 1;

    public const byte KeepCase = 2;

    // ML.NET's _combinedDiacriticsPairs (MIT licence): the n-th char of From folds to the n-th of To.
    private const string From =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîï" +
        "ñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞ" +
        "ğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖ" +
        "ŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯ" +
        "ưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǢǣǦǧǨǩǪǫǬǭǮǯǰǴǵǸǹǺǻǼ" +
        "ǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭ" +
        "ȮȯȰȱȲȳΆΈΉΊΌΎΏΐΪΫάέήίΰϊϋόύώϓϔЀЁЃЇЌЍЎЙйѐёѓї" +
        "ќѝўѶѷӁӂӐӑӒӓӖӗӚӛӜӝӞӟӢӣӤӥӦӧӪӫӬӭӮӯӰӱӲӳӴӵӸӹ";

    private const string To =
        "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiii" +
        "nooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgG" +
        "gGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrR" +
        "rRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoU" +
        "uAaIiOoUuUuUuUuUuAaAaÆæGgKkOoOoƷʒjGgNnAaÆ" +
        "æØøAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOo" +
        "OoOoYyΑΕΗΙΟΥΩιΙΥαεηιυιυουωϒϒЕЕГІКИУИиеегі" +
        "киуѴѵЖжАаАаЕеӘәЖжЗзИиИиОоӨөЭэУуУуУуЧчЫы";

    private readonly byte _caseMode;
    private readonly bool _keepDiacritics;
    private readonly bool _keepPunctuation;
    private readonly bool _keepNumbers;

    public MlNetTextNormalizer(byte caseMode, bool keepDiacritics, bool keepPunctuation, bool keepNumbers)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(caseMode, KeepCase);
        _caseMode = caseMode;
        _keepDiacritics = keepDiacritics;
        _keepPunctuation = keepPunctuation;
        _keepNumbers = keepNumbers;
    }

    public string Normalize(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        foreach (var original in text)
        {
            var c = original;
            if ((!_keepPunctuation && char.IsPunctuation(c)) || (!_keepNumbers && char.IsNumber(c)))
            {
                continue;
            }

            if (!_keepDiacritics)
            {
                if (IsCombiningDiacritic(c))
                {
                    continue;
                }

                // Every letter of the table is above U+00C0; most text never gets that far.
                if (c >= '\u00C0' && From.IndexOf(c, StringComparison.Ordinal) is >= 0 and var at)
                {
                    c = To[at];
                }
            }

            c = _caseMode switch
            {
                Lower => char.ToLowerInvariant(c),
                Upper => char.ToUpperInvariant(c),
                _ => c,
            };
            result.Append(c);
        }

        return result.ToString();
    }

    // ML.NET's ranges exactly (its compiled code, not the Unicode categories): combining marks,
    // Hebrew points and accents, Arabic signs and harakat.
    private static bool IsCombiningDiacritic(char c) =>
        c is (>= '\u0300' and <= '\u036F') or (>= '\u0591' and <= '\u05BD')
            or '\u05C1' or '\u05C2' or '\u05C4' or '\u05C5' or '\u05C7'
            or (>= '\u0610' and <= '\u0615') or (>= '\u064C' and <= '\u065E') or '\u0670';
}
