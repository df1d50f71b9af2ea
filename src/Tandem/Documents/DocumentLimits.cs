using System.Globalization;

namespace Tandem.Documents;

/// <summary>
/// How much one file may cost to read: its size, how deeply its structure may nest, how many
/// elements it may have, how far its compressed parts may inflate, and how long reading may take.
/// A file past a limit is refused with a one-line <see cref="DocumentException"/> that names the
/// limit and the environment variable that raises it; the defaults are far beyond any contract.
/// </summary>
public sealed record DocumentLimits
{
    private const long MinimumDecodedBudget = 16L * 1024 * 1024;

    /// <summary>The limits used when nothing is configured.</summary>
    public static DocumentLimits Default { get; } = new();

    /// <summary>The largest file read at all (<c>TANDEM_MAX_FILE_MB</c>, default 64 MB); larger files are refused before reading.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// How deeply elements may nest (<c>TANDEM_MAX_DEPTH</c>, default 256): HTML elements, Word XML
    /// elements, Markdown lists and quotes, PDF objects. Parsers and tree walks recurse per level,
    /// so an unbounded depth is a stack overflow that no handler can catch.
    /// </summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>
    /// The most elements one file may have (<c>TANDEM_MAX_ELEMENTS</c>, default 500,000): HTML tags,
    /// Word XML elements, Markdown lines and inline marks. Each costs a few hundred bytes once parsed,
    /// so this bounds memory; a 500-page contract has well under 100,000.
    /// </summary>
    public int MaxElements { get; init; } = 500_000;

    /// <summary>
    /// The most bytes a file's compressed content may inflate to (<c>TANDEM_MAX_DECODED_MB</c>, default
    /// 256 MB): a PDF's streams together, each XML part of a Word file. See <see cref="DecodedBudget"/>.
    /// </summary>
    public long MaxDecodedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// How many times its own size a file may inflate to (default 100). Text and fonts compress
    /// about 3 to 10 times; a stream of zeros compresses 1,000 times, which is what a bomb is.
    /// </summary>
    public int MaxDecodedRatio { get; init; } = 100;

    /// <summary>How long reading one file may take (<c>TANDEM_READ_TIMEOUT_S</c>, default 60 s).</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// What a file of <paramref name="fileBytes"/> may inflate to: <see cref="MaxDecodedRatio"/> times
    /// its size, but at least 16 MB (small files may compress well) and at most <see cref="MaxDecodedBytes"/>.
    /// </summary>
    public long DecodedBudget(long fileBytes) =>
        Math.Min(MaxDecodedBytes, Math.Max(MinimumDecodedBudget, fileBytes * (long)MaxDecodedRatio));

    /// <summary>
    /// The defaults, with each limit that is set in the environment replacing its default:
    /// <c>TANDEM_MAX_FILE_MB</c>, <c>TANDEM_MAX_DEPTH</c>, <c>TANDEM_MAX_ELEMENTS</c>,
    /// <c>TANDEM_MAX_DECODED_MB</c> and <c>TANDEM_READ_TIMEOUT_S</c>.
    /// </summary>
    /// <exception cref="TandemException">A variable is set but is not a positive whole number.</exception>
    public static DocumentLimits FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>Like <see cref="FromEnvironment"/>, reading variables through <paramref name="variable"/>.</summary>
    public static DocumentLimits FromVariables(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var limits = Default;
        if (Positive(variable, "TANDEM_MAX_FILE_MB") is { } fileMegabytes)
        {
            limits = limits with { MaxFileBytes = fileMegabytes * 1024 * 1024 };
        }

        if (Positive(variable, "TANDEM_MAX_DEPTH") is { } depth)
        {
            limits = limits with { MaxDepth = (int)Math.Min(depth, int.MaxValue) };
        }

        if (Positive(variable, "TANDEM_MAX_ELEMENTS") is { } elements)
        {
            limits = limits with { MaxElements = (int)Math.Min(elements, int.MaxValue) };
        }

        if (Positive(variable, "TANDEM_MAX_DECODED_MB") is { } decodedMegabytes)
        {
            limits = limits with { MaxDecodedBytes = decodedMegabytes * 1024 * 1024 };
        }

        if (Positive(variable, "TANDEM_READ_TIMEOUT_S") is { } seconds)
        {
            limits = limits with { ReadTimeout = TimeSpan.FromSeconds(seconds) };
        }

        return limits;
    }

    /// <summary>The one-line error for structure nested past <see cref="MaxDepth"/>.</summary>
    /// <param name="fileName">The file, as the user knows it.</param>
    /// <param name="where">Where the nesting got too deep, e.g. "line 12" or "word/document.xml".</param>
    public DocumentException TooDeep(string fileName, string where) => new(
        $"{fileName} is nested deeper than {MaxDepth} levels (at {where})",
        "no real contract nests that deeply; if this one does, raise TANDEM_MAX_DEPTH");

    /// <summary>The one-line error for a file with more than <see cref="MaxElements"/> elements.</summary>
    /// <param name="fileName">The file, as the user knows it.</param>
    /// <param name="what">What was counted, e.g. "HTML elements".</param>
    public DocumentException TooManyElements(string fileName, string what) => new(
        $"{fileName} has more than {MaxElements.ToString("N0", CultureInfo.InvariantCulture)} {what}",
        "split it into smaller files, or raise TANDEM_MAX_ELEMENTS");

    /// <summary>The one-line error for compressed content that inflates past its budget.</summary>
    /// <param name="fileName">The file, as the user knows it.</param>
    /// <param name="budget">The budget it exceeded, from <see cref="DecodedBudget"/>.</param>
    /// <param name="innerException">What the decompressing library threw, if anything.</param>
    public static DocumentException TooLargeDecompressed(string fileName, long budget, Exception? innerException = null) => new(
        $"{fileName} is too large once decompressed (more than {Megabytes(budget)} MB)",
        "it may be a decompression bomb; if it is a real document, split it or raise TANDEM_MAX_DECODED_MB",
        innerException);

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture);

    private static long? Positive(Func<string, string?> variable, string name)
    {
        var text = variable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > int.MaxValue)
        {
            throw new TandemException($"{name} must be a positive whole number, not '{text}'", $"fix or unset {name}");
        }

        return value;
    }
}
