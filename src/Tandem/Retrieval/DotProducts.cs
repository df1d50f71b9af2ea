using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Tandem.Retrieval;

/// <summary>
/// The inner loops of the vector scan, in one pass over a stored row. .NET exposes no vector
/// instruction for float16 → float32, so a half row is widened in registers by moving its bits
/// (exactly, as <c>(float)half</c> does) and multiplied in the same pass: about half the time of
/// converting the row into a buffer and then taking the dot product. The 8-bit rows are
/// multiplied in integers against a 16-bit query, which is exact.
/// </summary>
internal static class DotProducts
{
    /// <summary>2^112: moves a half's exponent, placed in a float's exponent field, to the float's bias.</summary>
    private const float ExponentShift = 5.192297e+33f;

    /// <summary>Σ query[i] · row[i], the row in half precision, each half widened exactly.</summary>
    public static float Of(ReadOnlySpan<float> query, ReadOnlySpan<Half> row)
    {
        if (query.Length != row.Length)
        {
            throw new ArgumentException($"the query has {query.Length} dimensions, the row {row.Length}", nameof(row));
        }

        ref var q = ref MemoryMarshal.GetReference(query);
        ref var h = ref Unsafe.As<Half, ushort>(ref MemoryMarshal.GetReference(row));
        var j = 0;
        var sum = 0f;
        if (Vector512.IsHardwareAccelerated && query.Length >= 16)
        {
            var acc = Vector512<float>.Zero;
            for (; j + 16 <= query.Length; j += 16)
            {
                var bits = Vector512.WidenLower(Vector256.LoadUnsafe(ref h, (nuint)j).ToVector512Unsafe());
                acc = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref q, (nuint)j), Widen(bits), acc);
            }

            sum = Vector512.Sum(acc);
        }
        else if (Vector256.IsHardwareAccelerated && query.Length >= 8)
        {
            var acc = Vector256<float>.Zero;
            for (; j + 8 <= query.Length; j += 8)
            {
                var bits = Vector256.WidenLower(Vector128.LoadUnsafe(ref h, (nuint)j).ToVector256Unsafe());
                acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref q, (nuint)j), Widen(bits), acc);
            }

            sum = Vector256.Sum(acc);
        }

        for (; j < query.Length; j++)
        {
            sum += query[j] * (float)row[j];
        }

        return sum;
    }

    /// <summary>Σ query[i] · row[i] in integers; the caller keeps the sum inside an int (|query| · 127 · length &lt; 2³¹).</summary>
    public static int Of(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> row)
    {
        if (query.Length != row.Length)
        {
            throw new ArgumentException($"the query has {query.Length} dimensions, the row {row.Length}", nameof(row));
        }

        ref var q = ref MemoryMarshal.GetReference(query);
        ref var r = ref MemoryMarshal.GetReference(row);
        var j = 0;
        var sum = 0;
        if (Avx512BW.IsSupported && query.Length >= 32)
        {
            var acc = Vector512<int>.Zero;
            for (; j + 32 <= query.Length; j += 32)
            {
                var wide = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref r, (nuint)j));
                acc += Avx512BW.MultiplyAddAdjacent(wide, Vector512.LoadUnsafe(ref q, (nuint)j));
            }

            sum = Vector512.Sum(acc);
        }
        else if (Avx2.IsSupported && query.Length >= 16)
        {
            var acc = Vector256<int>.Zero;
            for (; j + 16 <= query.Length; j += 16)
            {
                var wide = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r, (nuint)j));
                acc += Avx2.MultiplyAddAdjacent(wide, Vector256.LoadUnsafe(ref q, (nuint)j));
            }

            sum = Vector256.Sum(acc);
        }
        else if (Vector128.IsHardwareAccelerated && query.Length >= 8)
        {
            var acc = Vector128<int>.Zero;
            for (; j + 8 <= query.Length; j += 8)
            {
                var wide = Vector128.WidenLower(Vector128.LoadUnsafe(ref r, (nuint)j));
                var (low, high) = Vector128.Widen(wide);
                var (qLow, qHigh) = Vector128.Widen(Vector128.LoadUnsafe(ref q, (nuint)j));
                acc += (low * qLow) + (high * qHigh);
            }

            sum = Vector128.Sum(acc);
        }

        for (; j < query.Length; j++)
        {
            sum += query[j] * row[j];
        }

        return sum;
    }

    /// <summary>Half bit patterns (zero-extended) to floats: sign moved up, exponent and mantissa shifted into place and rebiased by one multiply, which also gets subnormals right.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Widen(Vector512<uint> bits)
    {
        var sign = (bits & Vector512.Create(0x8000u)) << 16;
        var shifted = (bits & Vector512.Create(0x7FFFu)) << 13;
        var finite = (shifted.AsSingle() * Vector512.Create(ExponentShift)).AsUInt32();
        var special = shifted | Vector512.Create(0x7F800000u); // infinity and NaN keep their mantissa under an all-ones exponent
        var isSpecial = Vector512.Equals(bits & Vector512.Create(0x7C00u), Vector512.Create(0x7C00u));
        return (Vector512.ConditionalSelect(isSpecial, special, finite) | sign).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Widen(Vector256<uint> bits)
    {
        var sign = (bits & Vector256.Create(0x8000u)) << 16;
        var shifted = (bits & Vector256.Create(0x7FFFu)) << 13;
        var finite = (shifted.AsSingle() * Vector256.Create(ExponentShift)).AsUInt32();
        var special = shifted | Vector256.Create(0x7F800000u); // infinity and NaN keep their mantissa under an all-ones exponent
        var isSpecial = Vector256.Equals(bits & Vector256.Create(0x7C00u), Vector256.Create(0x7C00u));
        return (Vector256.ConditionalSelect(isSpecial, special, finite) | sign).AsSingle();
    }
}
