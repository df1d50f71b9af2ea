using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Tandem.Documents;

/// <summary>
/// PdfPig's stream filters, each charging what it decodes to one budget for the whole file, so a
/// flate bomb (a small stream that inflates to gigabytes) is refused before it is inflated. PdfPig
/// inflates a stream into memory in one piece; a Flate stream is therefore first inflated into a
/// small reused buffer, only to measure it, and decoded for real only if it fits what is left of
/// the budget. Other filters (LZW, run-length, ASCII) are charged after decoding: run-length and
/// ASCII cannot expand much, and LZW is rare in PDFs written this century.
/// </summary>
internal sealed class PdfStreamBudget(long budget, CancellationToken cancellationToken) : IFilterProvider
{
    private long used;

    /// <summary>The bytes the whole file may decode to.</summary>
    public long Budget { get; } = budget;

    /// <summary>
    /// Whether a stream was refused. PdfPig catches some exceptions and carries on with an empty
    /// page, so the reader asks this rather than relying on the exception reaching it.
    /// </summary>
    public bool Exceeded { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Charged(DefaultFilterProvider.Instance.GetFilters(dictionary));

    /// <inheritdoc />
    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Charged(DefaultFilterProvider.Instance.GetNamedFilters(names));

    /// <inheritdoc />
    public IReadOnlyList<IFilter> GetAllFilters() => Charged(DefaultFilterProvider.Instance.GetAllFilters());

    private IReadOnlyList<IFilter> Charged(IReadOnlyList<IFilter> filters) => [.. filters.Select(f => new ChargedFilter(f, this))];

    private void Charge(long bytes)
    {
        used += bytes;
        if (used > Budget)
        {
            Exceeded = true;
            throw new InvalidDataException($"the streams inflate to more than {Budget} bytes");
        }
    }

    // Inflates into a reused buffer, stopping as soon as the output passes what is left of the budget.
    private long InflatedLength(ReadOnlyMemory<byte> input)
    {
        var limit = Budget - used;
        var data = MemoryMarshal.TryGetArray(input, out var segment) ? segment : new ArraySegment<byte>(input.ToArray());

        // PDF Flate streams are zlib; like PdfPig, skip its two-byte header and read raw deflate.
        var skip = data.Count >= 2 && (data[0] & 0x0F) == 8 && ((data[0] << 8) | data[1]) % 31 == 0 ? 2 : 0;
        using var compressed = new MemoryStream(data.Array!, data.Offset + skip, data.Count - skip, writable: false);
        using var inflater = new DeflateStream(compressed, CompressionMode.Decompress);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        long total = 0;
        try
        {
            int read;
            while (total <= limit && (read = inflater.Read(buffer)) > 0)
            {
                total += read;
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch (InvalidDataException)
        {
            // Damaged data: PdfPig's own decoding will fail or stop at the same place.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return total;
    }

    private Memory<byte> Decode(IFilter filter, Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (filter is FlateFilter && InflatedLength(input) > Budget - used)
        {
            Exceeded = true;
            throw new InvalidDataException($"a stream inflates past the file's budget of {Budget} bytes");
        }

        var output = filter.Decode(input, streamDictionary, filterProvider, filterIndex);
        Charge(output.Length);
        return output;
    }

    private sealed class ChargedFilter(IFilter inner, PdfStreamBudget budget) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex) =>
            budget.Decode(inner, input, streamDictionary, filterProvider, filterIndex);
    }
}
