namespace Tandem;

/// <summary>Tandem's folder for this user's data: <c>~/.local/share/tandem</c> (the platform's local application data folder).</summary>
public static class PerUserFolder
{
    /// <summary>The folder's path; it may not exist yet.</summary>
    public static string Path()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
        {
            root = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return System.IO.Path.Combine(root, "tandem");
    }
}
