using System.Runtime.InteropServices;
using System.Text;

namespace Tandem.Retrieval;

/// <summary>
/// The float weights of an ONNX model, read from its protobuf bytes without an ONNX library:
/// every float initializer by name, and each matrix a MatMul multiplies by (which exporters name
/// with a bare number) under the name of the bias added to its product, <c>.bias</c> replaced by
/// <c>.weight</c>, in the MatMul's [inputs, outputs] layout. Only what <see cref="MiniLmEncoder"/>
/// needs; anything it cannot read is an <see cref="InvalidDataException"/>.
/// </summary>
internal static class OnnxWeights
{
    private const int FloatType = 1; // TensorProto.DataType.FLOAT

    /// <summary>Float initializers by name, MatMul matrices renamed after their biases.</summary>
    public static Dictionary<string, float[]> Read(ReadOnlyMemory<byte> model)
    {
        var graph = Fields(model).FirstOrDefault(f => f.Number == 7).Bytes; // ModelProto.graph
        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var nodes = new List<(string Op, string[] Inputs, string[] Outputs)>();
        foreach (var field in Fields(graph))
        {
            if (field.Number == 5)
            {
                ReadInitializer(field.Bytes, weights); // GraphProto.initializer
            }
            else if (field.Number == 1)
            {
                var node = Fields(field.Bytes).ToList(); // GraphProto.node: input 1, output 2, op_type 4
                nodes.Add((Text(node, 4).SingleOrDefault() ?? string.Empty, Text(node, 1).ToArray(), Text(node, 2).ToArray()));
            }
        }

        foreach (var (op, inputs, outputs) in nodes)
        {
            if (op != "MatMul" || inputs.Length != 2 || outputs.Length != 1 || !weights.TryGetValue(inputs[1], out var matrix))
            {
                continue;
            }

            var bias = nodes.Where(n => n.Op == "Add" && n.Inputs.Contains(outputs[0]))
                .SelectMany(n => n.Inputs).FirstOrDefault(i => i.EndsWith(".bias", StringComparison.Ordinal));
            if (bias is not null)
            {
                weights[bias[..^".bias".Length] + ".weight"] = matrix;
            }
        }

        return weights;
    }

    private static void ReadInitializer(ReadOnlyMemory<byte> tensor, Dictionary<string, float[]> weights)
    {
        var fields = Fields(tensor).ToList(); // TensorProto: data_type 2, name 8, raw_data 9
        if (fields.FirstOrDefault(f => f.Number == 2).Value != FloatType || Text(fields, 8).SingleOrDefault() is not { } name)
        {
            return;
        }

        var raw = fields.FirstOrDefault(f => f.Number == 9).Bytes;
        if (raw.Length % sizeof(float) != 0 || !BitConverter.IsLittleEndian)
        {
            throw new InvalidDataException($"the initializer {name} is not raw little-endian floats");
        }

        weights[name] = MemoryMarshal.Cast<byte, float>(raw.Span).ToArray();
    }

    private static IEnumerable<string> Text(List<Field> fields, int number) =>
        fields.Where(f => f.Number == number).Select(f => Encoding.UTF8.GetString(f.Bytes.Span));

    /// <summary>The fields of one protobuf message, in order.</summary>
    private static IEnumerable<Field> Fields(ReadOnlyMemory<byte> message)
    {
        var at = 0;
        while (at < message.Length)
        {
            var tag = Varint(message.Span, ref at);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    yield return new Field(number, Varint(message.Span, ref at), default);
                    break;
                case 1:
                    at += 8;
                    break;
                case 5:
                    at += 4;
                    break;
                case 2:
                    var length = checked((int)Varint(message.Span, ref at));
                    if (length > message.Length - at)
                    {
                        throw new InvalidDataException("the model's protobuf is cut short");
                    }

                    yield return new Field(number, 0, message.Slice(at, length));
                    at += length;
                    break;
                default:
                    throw new InvalidDataException($"the model's protobuf has wire type {tag & 7}, which ONNX does not use");
            }
        }
    }

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= bytes.Length)
            {
                throw new InvalidDataException("the model's protobuf is cut short");
            }

            var b = bytes[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("the model's protobuf has a varint longer than 64 bits");
    }

    private readonly record struct Field(int Number, ulong Value, ReadOnlyMemory<byte> Bytes);
}
