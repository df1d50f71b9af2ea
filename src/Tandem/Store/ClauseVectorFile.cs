using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text;
using Tandem.Retrieval;

namespace Tandem.Store;

/// <summary>
/// One model's vectors of the current clauses, copied out of the SQLite store into one contiguous
/// float16 file beside it (<c>&lt;db&gt;.&lt;model&gt;.vectors</c>), so a fresh process (the CLI)
/// scans them as one sequential read instead of four B-tree lookups per clause. The file is a
/// cache: it says which cursor (last vector stored, last clause hashed) and which document versions
/// it covers, a search uses it only when it covers the caller's readable current versions at the
/// store's present cursor,
/// and otherwise it is rewritten (to a temporary file, then renamed, so a reader never sees half
/// of one). It holds clause ids and vectors only, no text; access is applied per query from the
/// store, by version.
/// </summary>
internal static class ClauseVectorFile
{
    private const string Magic = "tandem-clause-vectors-2";
    private const int ChunkRows = 2048;

    /// <summary>The file of <paramref name="model"/>'s vectors beside the database at <paramref name="databasePath"/>.</summary>
    public static string PathOf(string databasePath, string model)
    {
        var name = new StringBuilder(model.Length);
        foreach (var c in model)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_');
        }

        return $"{databasePath}.{name}.vectors";
    }

    /// <summary>
    /// Writes the rows (clause id, version id, vector) and the versions they cover, replacing any
    /// file there. Returns null when written; when the file cannot be written (a read-only folder, a
    /// full disk) the same content in memory, for this search to scan: the file is only a cache.
    /// </summary>
    public static MemoryStream? Write(string path, string model, (long Vector, long Hash) cursor, IReadOnlyCollection<long> versions, IReadOnlyList<(long Clause, long Version, byte[] Vector)> rows,
        int dimensions)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            // Readable by its owner only, like the database it copies from.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                WriteTo(stream, model, cursor, versions, rows, dimensions);
            }

            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var memory = new MemoryStream();
            WriteTo(memory, model, cursor, versions, rows, dimensions);
            memory.Position = 0;
            return memory;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void WriteTo(Stream stream, string model, (long Vector, long Hash) cursor, IReadOnlyCollection<long> versions, IReadOnlyList<(long Clause, long Version, byte[] Vector)> rows,
        int dimensions)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(model);
        writer.Write(cursor.Vector);
        writer.Write(cursor.Hash);
        writer.Write(dimensions);
        writer.Write(versions.Count);
        foreach (var version in versions)
        {
            writer.Write(version);
        }

        writer.Write(rows.Count);
        foreach (var row in rows)
        {
            writer.Write(row.Clause);
            writer.Write(row.Version);
        }

        foreach (var row in rows)
        {
            writer.Write(row.Vector);
        }
    }

    /// <summary>
    /// Offers every row of a readable version to <paramref name="best"/> (by clause id) scored by
    /// dot product with <paramref name="query"/>, and returns how many rows were scored; null when
    /// the file is missing, of another cursor or model, or does not cover every readable version.
    /// </summary>
    public static int? Scan(string path, string model, (long Vector, long Hash) cursor, IReadOnlySet<long> readableVersions, ReadOnlySpan<float> query, TopHits<long> best)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return null;
        }

        using (stream)
        {
            return Scan(stream, model, cursor, readableVersions, query, best);
        }
    }

    /// <summary>The other <c>Scan</c>, over the file's content in a stream.</summary>
    public static int? Scan(Stream stream, string model, (long Vector, long Hash) cursor, IReadOnlySet<long> readableVersions, ReadOnlySpan<float> query, TopHits<long> best)
    {
        using (var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true))
        {
            try
            {
                if (reader.ReadString() != Magic || reader.ReadString() != model || (reader.ReadInt64(), reader.ReadInt64()) != cursor)
                {
                    return null;
                }

                var dimensions = reader.ReadInt32();
                var covered = new HashSet<long>();
                for (var v = reader.ReadInt32(); v > 0; v--)
                {
                    covered.Add(reader.ReadInt64());
                }

                if (!readableVersions.All(covered.Contains))
                {
                    return null; // a version written since: the file does not have its clauses
                }

                var rows = reader.ReadInt32();
                var ids = new long[rows * 2]; // clause id, version id
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(ids.AsSpan()));
                if (dimensions != query.Length)
                {
                    return 0; // vectors of other dimensions than the query's cannot be compared
                }

                var half = new Half[ChunkRows * dimensions];
                var single = new float[ChunkRows * dimensions];
                var scored = 0;
                for (var first = 0; first < rows; first += ChunkRows)
                {
                    var count = Math.Min(ChunkRows, rows - first);
                    reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(half.AsSpan(0, count * dimensions)));
                    TensorPrimitives.ConvertToSingle(half.AsSpan(0, count * dimensions), single.AsSpan(0, count * dimensions));
                    for (var r = 0; r < count; r++)
                    {
                        var row = first + r;
                        if (readableVersions.Contains(ids[(row * 2) + 1]))
                        {
                            best.Add(ids[row * 2], TensorPrimitives.Dot(query, single.AsSpan(r * dimensions, dimensions)));
                            scored++;
                        }
                    }
                }

                return scored;
            }
            catch (EndOfStreamException)
            {
                return null; // cut short: rewritten by the caller
            }
        }
    }
}
