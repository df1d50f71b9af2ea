using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tandem.Learning;

/// <summary>
/// How model files are written so that a killed process leaves nothing behind for long: a file
/// being written carries its writer's process id (<c>x.zip.&lt;pid&gt;.tmp</c>), a trained
/// candidate is <c>&lt;id&gt;.&lt;pid&gt;.partial.zip</c> until it is scored and registered, and
/// the next run deletes what dead writers left. Only names of this shape are ever deleted, so a
/// folder that also holds other files is safe.
/// </summary>
public static partial class ModelFiles
{
    /// <summary>A registry id of a locally trained candidate: <c>local-yyyyMMddHHmmss-hash</c>.</summary>
    [GeneratedRegex(@"^local-\d{14}-[0-9a-f]{6}\.zip$")]
    private static partial Regex CandidateName();

    [GeneratedRegex(@"\.(\d+)\.(tmp|partial\.zip)$")]
    private static partial Regex WriterSuffix();

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates a model file readable and writable by its owner only (0600, like the store: a model
    /// trained on private corrections carries what it learnt from them).
    /// </summary>
    public static FileStream CreateOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.ReadWrite };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return new FileStream(path, options);
    }

    /// <summary>Creates a folder for model files, readable by its owner only (0700) when it is new.</summary>
    public static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnly | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The temp file this process writes before renaming it to <paramref name="path"/>.</summary>
    public static string TempFor(string path) => $"{path}.{Environment.ProcessId}.tmp";

    /// <summary>Where this process keeps a candidate until it is registered.</summary>
    public static string PartialFor(string folder, string id) => Path.Combine(folder, $"{id}.{Environment.ProcessId}.partial.zip");

    /// <summary>Deletes the temp files that dead writers left next to <paramref name="path"/>.</summary>
    public static void DeleteStaleTemps(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (Directory.Exists(folder))
        {
            DeleteDeadWriters(Directory.EnumerateFiles(folder, Path.GetFileName(path) + ".*.tmp"));
        }
    }

    /// <summary>
    /// Cleans a candidates folder: files of dead writers, and candidate files that no registry
    /// entry names and that are older than <paramref name="grace"/> (a killed run between saving
    /// and registering). Returns the deleted files.
    /// </summary>
    public static IReadOnlyList<string> SweepCandidates(string folder, IReadOnlySet<string> registeredLocations, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(registeredLocations);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var deleted = DeleteDeadWriters(Directory.EnumerateFiles(folder, "*.tmp").Concat(Directory.EnumerateFiles(folder, "*.partial.zip")));
        foreach (var file in Directory.EnumerateFiles(folder, "local-*.zip"))
        {
            if (CandidateName().IsMatch(Path.GetFileName(file)) && !registeredLocations.Contains(Path.GetFullPath(file))
                && DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > grace && TryDelete(file))
            {
                deleted.Add(file);
            }
        }

        return deleted;
    }

    private static List<string> DeleteDeadWriters(IEnumerable<string> files)
    {
        var deleted = new List<string>();
        foreach (var file in files.ToList())
        {
            var match = WriterSuffix().Match(file);
            if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && !IsRunning(pid) && TryDelete(file))
            {
                deleted.Add(file);
            }
        }

        return deleted;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryDelete(string file)
    {
        try
        {
            File.Delete(file);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
