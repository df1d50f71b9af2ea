using System.Security.Cryptography;
using System.Text;

namespace Tandem.Analysis;

/// <summary>
/// Playbooks already read and checked, by content, in the per-user cache folder
/// (<c>~/.local/share/tandem/cache/playbooks</c>): the shipped playbook is half a megabyte of YAML
/// with some six hundred regular expressions, and reading and checking it took more than half of a
/// review's start. An entry holds the playbook with everything it extends merged in, and the content
/// hash of each file it extends; it is used only when the file, its folder, every file it extends,
/// this build of Tandem and the .NET runtime are all the same as when it was written. Anything else
/// (a missing, stale, truncated or unreadable entry, a folder that cannot be written) reads the
/// YAML as before.
/// </summary>
internal sealed class PlaybookCache(string? directory)
{
    /// <summary>Bumped when the entry layout changes.</summary>
    private const string Format = "tandem-playbook-cache 1";

    /// <summary>Entries kept; older ones are removed when a new one is written.</summary>
    public const int MaxEntries = 16;

    private static readonly string Build =
        $"{typeof(PlaybookCache).Assembly.ManifestModule.ModuleVersionId:N} {Environment.Version}";

    /// <summary>
    /// The per-user cache: <c>$TANDEM_CACHE/playbooks</c>, else <c>tandem/cache/playbooks</c> in the local application data folder;
    /// <c>TANDEM_CACHE=off</c> turns it off.
    /// </summary>
    public static PlaybookCache PerUser { get; } = new(DefaultDirectory());

    /// <summary>The folder entries are kept in; null when the cache is off.</summary>
    public string? Directory { get; } = directory;

    /// <summary>The checked, merged playbook stored for this file's text in this folder, with its content hash; null when there is none to trust.</summary>
    public (PlaybookLoader.PlaybookFile File, string ContentHash)? TryRead(string yaml, string folder)
    {
        if (Directory is null)
        {
            return null;
        }

        var key = Key(yaml, folder);
        try
        {
            var path = EntryPath(key);
            if (!File.Exists(path))
            {
                return null;
            }

            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != Format || reader.ReadString() != key)
            {
                return null;
            }

            var contentHash = reader.ReadString();
            var bases = reader.ReadInt32();
            for (var i = 0; i < bases; i++)
            {
                var basePath = reader.ReadString();
                var baseHash = reader.ReadString();
                if (!File.Exists(basePath) || Hash(File.ReadAllText(basePath)) != baseHash)
                {
                    return null;
                }
            }

            var file = PlaybookFileCodec.Read(reader);
            return reader.BaseStream.Position == reader.BaseStream.Length ? (file, contentHash) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Stores the merged playbook read from <paramref name="yaml"/>, after every pattern in it was checked; a failure to write is ignored.</summary>
    public void Write(string yaml, string folder, PlaybookLoader.PlaybookFile merged, string contentHash, IReadOnlyList<(string Path, string Text)> bases)
    {
        if (Directory is null)
        {
            return;
        }

        var key = Key(yaml, folder);
        var temporary = Path.Combine(Directory, $"{key}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            // A firm's playbook is its own: the folders and entries are the user's alone, as the store is.
            if (OperatingSystem.IsWindows())
            {
                System.IO.Directory.CreateDirectory(Directory);
            }
            else
            {
                // Each missing folder on the way, not only the last (as the XDG base directory specification asks).
                var missing = new Stack<string>();
                for (var at = Path.GetFullPath(Directory); !System.IO.Directory.Exists(at); at = Path.GetDirectoryName(at)!)
                {
                    missing.Push(at);
                }

                while (missing.TryPop(out var next))
                {
                    System.IO.Directory.CreateDirectory(next, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new BinaryWriter(new FileStream(temporary, create), Encoding.UTF8))
            {
                writer.Write(Format);
                writer.Write(key);
                writer.Write(contentHash);
                writer.Write(bases.Count);
                foreach (var (path, text) in bases)
                {
                    writer.Write(path);
                    writer.Write(Hash(text));
                }

                PlaybookFileCodec.Write(writer, merged);
            }

            // Readers see the old entry or the whole new one, never a part.
            File.Move(temporary, EntryPath(key), overwrite: true);
            Prune();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    private string EntryPath(string key) => Path.Combine(Directory!, key + ".bin");

    private void Prune()
    {
        var entries = new DirectoryInfo(Directory!).GetFiles("*.bin").OrderByDescending(f => f.LastWriteTimeUtc).Skip(MaxEntries);
        foreach (var old in entries)
        {
            TryDelete(old.FullName);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another process has it, or the folder is read-only: the entry stays, harmlessly.
        }
    }

    private static string Key(string yaml, string folder) => Hash($"{Format}\u0000{Build}\u0000{folder}\u0000{yaml}");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string? DefaultDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("TANDEM_CACHE");
        if (string.Equals(configured?.Trim(), "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.Combine(configured, "playbooks");
        }

        return Path.Combine(PerUserFolder.Path(), "cache", "playbooks");
    }
}
