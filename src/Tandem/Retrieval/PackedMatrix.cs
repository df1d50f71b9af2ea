using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tandem.Retrieval;

/// <summary>
/// A weight matrix laid out for multiplying a few rows (the tokens of a query) with AVX-512 (and AVX2, half as wide):
/// columns in panels of 64, each panel's rows contiguous, so one pass streams every weight once
/// and four tokens share each load. In bfloat16 (the top half of each float, rounded to nearest
/// even) a weight takes half the bytes, so the whole of MiniLM (21 MB) stays in the L3 cache that
/// its float32 weights (42 MB) overflow; two bfloat16 share a 32-bit word and are widened back to
/// floats by one AND or one shift. The float32 layout is kept for checking the forward pass
/// itself against ONNX Runtime.
/// </summary>
internal sealed class PackedMatrix
{
    /// <summary>Output columns per panel: four vectors of 16 floats.</summary>
    private const int Panel = 64;

    /// <summary>Token rows multiplied together: each weight load serves up to this many.</summary>
    private const int RowBlock = 4;

    private readonly uint[]? _bfloat16; // per panel, per input row: 32 words, word j holding columns j (high half) and j + 16 (low half) of its 32-column half
    private readonly float[]? _float32; // per panel, per input row: 64 floats
    private readonly float[] _bias;

    /// <summary>Packs <paramref name="weights"/> ([inputs, outputs], row-major, as ONNX's MatMul reads it) and its bias.</summary>
    public PackedMatrix(float[] weights, float[] bias, int inputs, bool bfloat16)
    {
        Outputs = bias.Length;
        Inputs = inputs;
        if (Outputs % Panel != 0 || weights.Length != inputs * Outputs)
        {
            throw new InvalidDataException($"a {inputs}×{Outputs} weight matrix has {weights.Length} values, or its width is not a multiple of {Panel}");
        }

        _bias = bias;
        if (bfloat16)
        {
            _bfloat16 = new uint[weights.Length / 2];
            for (var p = 0; p < Outputs / Panel; p++)
            {
                for (var i = 0; i < inputs; i++)
                {
                    for (var j = 0; j < Panel / 2; j++)
                    {
                        var column = (p * Panel) + ((j / 16) * 32) + (j % 16);
                        var high = ToBFloat16(weights[(i * Outputs) + column]);
                        var low = ToBFloat16(weights[(i * Outputs) + column + 16]);
                        _bfloat16[(((p * inputs) + i) * (Panel / 2)) + j] = ((uint)high << 16) | low;
                    }
                }
            }
        }
        else
        {
            _float32 = new float[weights.Length];
            for (var p = 0; p < Outputs / Panel; p++)
            {
                for (var i = 0; i < inputs; i++)
                {
                    weights.AsSpan((i * Outputs) + (p * Panel), Panel).CopyTo(_float32.AsSpan(((p * inputs) + i) * Panel));
                }
            }
        }
    }

    /// <summary>Width of a row this matrix multiplies.</summary>
    public int Inputs { get; }

    /// <summary>Width of a row it produces.</summary>
    public int Outputs { get; }

    /// <summary>Bytes of weights held.</summary>
    public long Bytes => (_bfloat16?.LongLength * sizeof(uint)) ?? (_float32!.LongLength * sizeof(float));

    /// <summary>output[r] = input[r] · W + bias for the first <paramref name="rows"/> rows.</summary>
    public void Multiply(ReadOnlySpan<float> input, Span<float> output, int rows)
    {
        if (rows < 0 || input.Length < rows * Inputs || output.Length < rows * Outputs)
        {
            throw new ArgumentException($"{rows} rows of {Inputs} in and {Outputs} out do not fit buffers of {input.Length} and {output.Length}");
        }

        ref var x = ref MemoryMarshal.GetReference(input);
        ref var y = ref MemoryMarshal.GetReference(output);
        if (!Vector512.IsHardwareAccelerated && Vector256.IsHardwareAccelerated)
        {
            MultiplyHalfWidth(ref x, ref y, rows);
            return;
        }

        for (var p = 0; p < Outputs / Panel; p++)
        {
            var from = 0;
            for (; from + RowBlock <= rows; from += RowBlock)
            {
                Multiply<Four>(ref x, ref y, p, from);
            }

            // The last one to three rows on their own: padding them to four would multiply up to three rows of nothing.
            switch (rows - from)
            {
                case 1:
                    Multiply<One>(ref x, ref y, p, from);
                    break;
                case 2:
                    Multiply<Two>(ref x, ref y, p, from);
                    break;
                case 3:
                    Multiply<Three>(ref x, ref y, p, from);
                    break;
            }
        }
    }

    /// <summary>
    /// The same product on a machine with 256-bit vectors only (AVX2), where .NET would otherwise run each
    /// 512-bit operation as two (about three times slower, measured). Sixteen 256-bit registers hold four rows'
    /// accumulators for a quarter of a panel (16 columns), so each weight load still serves four tokens.
    /// </summary>
    private void MultiplyHalfWidth(ref float x, ref float y, int rows)
    {
        for (var p = 0; p < Outputs / Panel; p++)
        {
            for (var quarter = 0; quarter < 4; quarter++)
            {
                var from = 0;
                for (; from + RowBlock <= rows; from += RowBlock)
                {
                    MultiplyQuarter<Four>(ref x, ref y, p, quarter, from);
                }

                switch (rows - from)
                {
                    case 1:
                        MultiplyQuarter<One>(ref x, ref y, p, quarter, from);
                        break;
                    case 2:
                        MultiplyQuarter<Two>(ref x, ref y, p, quarter, from);
                        break;
                    case 3:
                        MultiplyQuarter<Three>(ref x, ref y, p, quarter, from);
                        break;
                }
            }
        }
    }

    /// <summary>
    /// A quarter of one panel for up to four rows: in bfloat16 its eight words hold columns 0-7 of the quarter's
    /// pair (high halves) and 16-23 (low), quarter q covering columns 32·(q/2) + 8·(q%2) onward and the same plus
    /// 16; in float32 the same two runs of eight floats.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MultiplyQuarter<TRows>(ref float x, ref float y, int panel, int quarter, int from)
        where TRows : struct, IRows
    {
        Vector256<float> a00 = default, a01 = default, a10 = default, a11 = default;
        Vector256<float> a20 = default, a21 = default, a30 = default, a31 = default;
        ref var x0 = ref Unsafe.Add(ref x, from * Inputs);
        ref var x1 = ref TRows.Count > 1 ? ref Unsafe.Add(ref x0, Inputs) : ref x0;
        ref var x2 = ref TRows.Count > 2 ? ref Unsafe.Add(ref x1, Inputs) : ref x0;
        ref var x3 = ref TRows.Count > 3 ? ref Unsafe.Add(ref x2, Inputs) : ref x0;
        var first = ((quarter / 2) * 32) + ((quarter % 2) * 8); // the quarter's first column within the panel
        var high = Vector256.Create(0xFFFF0000u);
        for (var i = 0; i < Inputs; i++)
        {
            Vector256<float> w0, w1;
            if (_bfloat16 is not null)
            {
                var u = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_bfloat16), (nuint)((((panel * Inputs) + i) * (Panel / 2)) + (quarter * 8)));
                w0 = (u & high).AsSingle();
                w1 = (u << 16).AsSingle();
            }
            else
            {
                ref var floats = ref MemoryMarshal.GetArrayDataReference(_float32!);
                var at = (nuint)((((panel * Inputs) + i) * Panel) + first);
                w0 = Vector256.LoadUnsafe(ref floats, at);
                w1 = Vector256.LoadUnsafe(ref floats, at + 16);
            }

            var v = Vector256.Create(Unsafe.Add(ref x0, i));
            a00 = Vector256.FusedMultiplyAdd(w0, v, a00);
            a01 = Vector256.FusedMultiplyAdd(w1, v, a01);
            if (TRows.Count > 1)
            {
                v = Vector256.Create(Unsafe.Add(ref x1, i));
                a10 = Vector256.FusedMultiplyAdd(w0, v, a10);
                a11 = Vector256.FusedMultiplyAdd(w1, v, a11);
            }

            if (TRows.Count > 2)
            {
                v = Vector256.Create(Unsafe.Add(ref x2, i));
                a20 = Vector256.FusedMultiplyAdd(w0, v, a20);
                a21 = Vector256.FusedMultiplyAdd(w1, v, a21);
            }

            if (TRows.Count > 3)
            {
                v = Vector256.Create(Unsafe.Add(ref x3, i));
                a30 = Vector256.FusedMultiplyAdd(w0, v, a30);
                a31 = Vector256.FusedMultiplyAdd(w1, v, a31);
            }
        }

        var column = (panel * Panel) + first;
        StoreQuarter(ref y, column, from, a00, a01);
        if (TRows.Count > 1)
        {
            StoreQuarter(ref y, column, from + 1, a10, a11);
        }

        if (TRows.Count > 2)
        {
            StoreQuarter(ref y, column, from + 2, a20, a21);
        }

        if (TRows.Count > 3)
        {
            StoreQuarter(ref y, column, from + 3, a30, a31);
        }
    }

    /// <summary>Two runs of eight outputs, columns <paramref name="column"/> onward and 16 further on, plus their bias.</summary>
    private void StoreQuarter(ref float y, int column, int row, Vector256<float> c0, Vector256<float> c1)
    {
        ref var bias = ref MemoryMarshal.GetArrayDataReference(_bias);
        var at = (nuint)((row * Outputs) + column);
        (c0 + Vector256.LoadUnsafe(ref bias, (nuint)column)).StoreUnsafe(ref y, at);
        (c1 + Vector256.LoadUnsafe(ref bias, (nuint)column + 16)).StoreUnsafe(ref y, at + 16);
    }

    /// <summary>Round to nearest even, as a float's upper 16 bits (NaN kept a NaN).</summary>
    private static ushort ToBFloat16(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value))
        {
            return (ushort)((bits >> 16) | 0x40);
        }

        return (ushort)((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16);
    }

    private void Multiply<TRows>(ref float x, ref float y, int panel, int from)
        where TRows : struct, IRows
    {
        if (_bfloat16 is not null)
        {
            MultiplyBFloat16<TRows>(ref x, ref y, panel, from);
        }
        else
        {
            MultiplyFloat32(ref x, ref y, panel, from, TRows.Count);
        }
    }

    /// <summary>One panel for <typeparamref name="TRows"/> rows; the JIT compiles each count apart, so the rows absent are no code at all.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MultiplyBFloat16<TRows>(ref float x, ref float y, int panel, int from)
        where TRows : struct, IRows
    {
        ref var w = ref MemoryMarshal.GetArrayDataReference(_bfloat16!);
        var start = (nuint)(panel * Inputs * (Panel / 2));
        var high = Vector512.Create(0xFFFF0000u);
        Vector512<float> a00 = default, a01 = default, a02 = default, a03 = default;
        Vector512<float> a10 = default, a11 = default, a12 = default, a13 = default;
        Vector512<float> a20 = default, a21 = default, a22 = default, a23 = default;
        Vector512<float> a30 = default, a31 = default, a32 = default, a33 = default;
        ref var x0 = ref Unsafe.Add(ref x, from * Inputs);
        ref var x1 = ref TRows.Count > 1 ? ref Unsafe.Add(ref x0, Inputs) : ref x0;
        ref var x2 = ref TRows.Count > 2 ? ref Unsafe.Add(ref x1, Inputs) : ref x0;
        ref var x3 = ref TRows.Count > 3 ? ref Unsafe.Add(ref x2, Inputs) : ref x0;
        // Written out for the four rows: the 16 accumulators stay in registers only as plain locals (a helper taking them by ref spills them).
        for (var i = 0; i < Inputs; i++)
        {
            var at = start + (nuint)(i * (Panel / 2));
            var u0 = Vector512.LoadUnsafe(ref w, at);
            var u1 = Vector512.LoadUnsafe(ref w, at + 16);
            var w0 = (u0 & high).AsSingle();
            var w1 = (u0 << 16).AsSingle();
            var w2 = (u1 & high).AsSingle();
            var w3 = (u1 << 16).AsSingle();
            var v = Vector512.Create(Unsafe.Add(ref x0, i));
            a00 = Vector512.FusedMultiplyAdd(w0, v, a00);
            a01 = Vector512.FusedMultiplyAdd(w1, v, a01);
            a02 = Vector512.FusedMultiplyAdd(w2, v, a02);
            a03 = Vector512.FusedMultiplyAdd(w3, v, a03);
            if (TRows.Count > 1)
            {
                v = Vector512.Create(Unsafe.Add(ref x1, i));
                a10 = Vector512.FusedMultiplyAdd(w0, v, a10);
                a11 = Vector512.FusedMultiplyAdd(w1, v, a11);
                a12 = Vector512.FusedMultiplyAdd(w2, v, a12);
                a13 = Vector512.FusedMultiplyAdd(w3, v, a13);
            }

            if (TRows.Count > 2)
            {
                v = Vector512.Create(Unsafe.Add(ref x2, i));
                a20 = Vector512.FusedMultiplyAdd(w0, v, a20);
                a21 = Vector512.FusedMultiplyAdd(w1, v, a21);
                a22 = Vector512.FusedMultiplyAdd(w2, v, a22);
                a23 = Vector512.FusedMultiplyAdd(w3, v, a23);
            }

            if (TRows.Count > 3)
            {
                v = Vector512.Create(Unsafe.Add(ref x3, i));
                a30 = Vector512.FusedMultiplyAdd(w0, v, a30);
                a31 = Vector512.FusedMultiplyAdd(w1, v, a31);
                a32 = Vector512.FusedMultiplyAdd(w2, v, a32);
                a33 = Vector512.FusedMultiplyAdd(w3, v, a33);
            }
        }

        Store(ref y, panel, from, a00, a01, a02, a03);
        if (TRows.Count > 1)
        {
            Store(ref y, panel, from + 1, a10, a11, a12, a13);
        }

        if (TRows.Count > 2)
        {
            Store(ref y, panel, from + 2, a20, a21, a22, a23);
        }

        if (TRows.Count > 3)
        {
            Store(ref y, panel, from + 3, a30, a31, a32, a33);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MultiplyFloat32(ref float x, ref float y, int panel, int from, int rows)
    {
        ref var w = ref MemoryMarshal.GetArrayDataReference(_float32!);
        var start = (nuint)(panel * Inputs * Panel);
        for (var r = from; r < from + rows; r++)
        {
            Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
            ref var xr = ref Unsafe.Add(ref x, r * Inputs);
            for (var i = 0; i < Inputs; i++)
            {
                var at = start + (nuint)(i * Panel);
                var v = Vector512.Create(Unsafe.Add(ref xr, i));
                a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, at), v, a0);
                a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, at + 16), v, a1);
                a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, at + 32), v, a2);
                a3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, at + 48), v, a3);
            }

            Store(ref y, panel, r, a0, a1, a2, a3);
        }
    }

    private void Store(ref float y, int panel, int row, Vector512<float> c0, Vector512<float> c1, Vector512<float> c2, Vector512<float> c3)
    {
        ref var bias = ref MemoryMarshal.GetArrayDataReference(_bias);
        var column = (nuint)(panel * Panel);
        var at = (nuint)(row * Outputs) + column;
        (c0 + Vector512.LoadUnsafe(ref bias, column)).StoreUnsafe(ref y, at);
        (c1 + Vector512.LoadUnsafe(ref bias, column + 16)).StoreUnsafe(ref y, at + 16);
        (c2 + Vector512.LoadUnsafe(ref bias, column + 32)).StoreUnsafe(ref y, at + 32);
        (c3 + Vector512.LoadUnsafe(ref bias, column + 48)).StoreUnsafe(ref y, at + 48);
    }

    /// <summary>A row count known when the JIT compiles a kernel.</summary>
    private interface IRows
    {
        static abstract int Count { get; }
    }

    private readonly struct One : IRows
    {
        public static int Count => 1;
    }

    private readonly struct Two : IRows
    {
        public static int Count => 2;
    }

    private readonly struct Three : IRows
    {
        public static int Count => 3;
    }

    private readonly struct Four : IRows
    {
        public static int Count => 4;
    }
}
