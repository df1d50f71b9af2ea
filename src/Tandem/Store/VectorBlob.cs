using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Tandem.Store;

/// <summary>
/// How a vector is kept in a BLOB: float16, little-endian. Half the bytes of float32, so a fresh
/// process reads a large knowledge base's vectors twice as fast; unit vectors lose nothing that
/// changes a ranking (about three decimal digits are kept).
/// </summary>
internal static class VectorBlob
{
    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("vectors are stored little-endian");
        }

        var half = new Half[vector.Length];
        TensorPrimitives.ConvertToHalf(vector, half);
        return MemoryMarshal.AsBytes(half.AsSpan()).ToArray();
    }

    /// <summary>Dimensions of a vector stored in <paramref name="bytes"/> bytes.</summary>
    public static int Dimensions(int bytes) => bytes / 2;

    public static void Decode(ReadOnlySpan<byte> blob, Span<float> vector) =>
        TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(blob), vector);
}
