using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Tandem.Analysis;

/// <summary>
/// One <c>Model.key</c> of a model ML.NET saved (its <c>ModelHeader</c> layout, MIT licence): a
/// 256-byte header (signatures, versions, offsets), the component's own bytes, and a table of the
/// strings those bytes refer to by number. Read without ML.NET; any inconsistency is an
/// <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class MlNetModelEntry
{
    private const ulong FileSignature = 5495874027660528717UL;
    private const int HeaderSize = 256;
    private const int MaximumEntryBytes = 1 << 20;

    private readonly BinaryReader _payload;
    private readonly string[] _strings;

    private MlNetModelEntry(string loaderSignature, uint versionWritten, BinaryReader payload, string[] strings)
    {
        LoaderSignature = loaderSignature;
        VersionWritten = versionWritten;
        _payload = payload;
        _strings = strings;
    }

    /// <summary>The component's name, e.g. <c>TextNormalizerTransform</c>.</summary>
    public string LoaderSignature { get; }

    /// <summary>The version of the component's format that wrote it.</summary>
    public uint VersionWritten { get; }

    /// <summary>True when every byte of the component has been read: a format with more is not one we know.</summary>
    public bool AtEnd => _payload.BaseStream.Position == _payload.BaseStream.Length;

    /// <summary>The entry <paramref name="folder"/>/Model.key of <paramref name="zip"/>.</summary>
    public static MlNetModelEntry Read(ZipArchive zip, string folder)
    {
        var entry = zip.GetEntry(folder + "/Model.key") ?? throw new InvalidDataException($"no {folder}/Model.key");
        if (entry.Length is < HeaderSize or > MaximumEntryBytes)
        {
            throw new InvalidDataException($"{folder}/Model.key has {entry.Length} bytes");
        }

        var bytes = new byte[entry.Length];
        using (var stream = entry.Open())
        {
            stream.ReadExactly(bytes);
        }

        return Parse(bytes);
    }

    private static MlNetModelEntry Parse(byte[] bytes)
    {
        long Field(int at) => BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at));
        var modelAt = Field(16);
        var modelBytes = Field(24);
        var tableAt = Field(32);
        var tableBytes = Field(40);
        var charsAt = Field(48);
        var charsBytes = Field(56);
        if (BinaryPrimitives.ReadUInt64LittleEndian(bytes) != FileSignature || modelAt != HeaderSize || modelBytes < 0 || modelAt + modelBytes > bytes.Length)
        {
            throw new InvalidDataException("not an ML.NET model entry");
        }

        var strings = Array.Empty<string>();
        if (tableAt != 0)
        {
            if (tableAt != modelAt + modelBytes || tableBytes < 0 || tableBytes % 8 != 0 || charsAt != tableAt + tableBytes
                || charsBytes < 0 || charsBytes % 2 != 0 || charsAt + charsBytes > bytes.Length)
            {
                throw new InvalidDataException("bad string table");
            }

            strings = new string[tableBytes / 8];
            long start = 0;
            for (var i = 0; i < strings.Length; i++)
            {
                var end = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan((int)tableAt + (8 * i)));
                if (end < start || end > charsBytes || end % 2 != 0)
                {
                    throw new InvalidDataException("bad string table");
                }

                strings[i] = Encoding.Unicode.GetString(bytes, (int)(charsAt + start), (int)(end - start));
                start = end;
            }
        }

        var loader = Encoding.Latin1.GetString(bytes, 80, 24).TrimEnd('\0');
        var versionWritten = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(72));
        var payload = new BinaryReader(new MemoryStream(bytes, (int)modelAt, (int)modelBytes, writable: false));
        return new MlNetModelEntry(loader, versionWritten, payload, strings);
    }

    public int Int32() => _payload.ReadInt32();

    public uint UInt32() => _payload.ReadUInt32();

    public byte Byte() => _payload.ReadByte();

    public float Single() => _payload.ReadSingle();

    /// <summary>ML.NET's one-byte bool: 0 or 1, nothing else.</summary>
    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        _ => throw new InvalidDataException("bad bool"),
    };

    /// <summary>A count of items that follow, bounded by the bytes left.</summary>
    public int Count()
    {
        var count = Int32();
        return count >= 0 && count <= _payload.BaseStream.Length - _payload.BaseStream.Position ? count : throw new InvalidDataException("bad count");
    }

    /// <summary>A non-empty string of the table, by number.</summary>
    public string String() => StringOrNull() is { Length: > 0 } s ? s : throw new InvalidDataException("missing string");

    /// <summary>A string of the table by number, or null for -1.</summary>
    public string? StringOrNull()
    {
        var id = Int32();
        return id == -1 ? null : id >= 0 && id < _strings.Length ? _strings[id] : throw new InvalidDataException("bad string id");
    }

    /// <summary>ML.NET's char array: a count, then UTF-16 code units.</summary>
    public char[] CharArray()
    {
        var chars = new char[Count()];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)_payload.ReadUInt16();
        }

        return chars;
    }

    /// <summary>A one-to-one transformer's column pairs.</summary>
    public List<ColumnPair> ColumnPairs()
    {
        var pairs = new List<ColumnPair>();
        for (var n = Count(); n > 0; n--)
        {
            pairs.Add(new ColumnPair(String(), String()));
        }

        return pairs;
    }

    /// <summary>A number of non-empty strings.</summary>
    public List<string> Strings()
    {
        var strings = new List<string>();
        for (var n = Count(); n > 0; n--)
        {
            strings.Add(String());
        }

        return strings;
    }

    /// <summary>An output column and the input it is computed from (a class, not a tuple: no generic code to compile at start-up).</summary>
    public sealed record ColumnPair(string Output, string Input);
}
