using System.Globalization;

namespace Tandem.Load;

/// <summary>The benchmark's command line.</summary>
internal sealed record LoadOptions(int Clients, int Seconds, IReadOnlyDictionary<string, int> Mix, string Tandem, string Samples)
{
    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var root = FindRoot();
        var mix = (Value("--mix") ?? "search=70,chat=20,review=10").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0].Trim(), p => int.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        if (mix.Keys.Except(LoadOperations.Names).FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"unknown operation '{unknown}' in --mix; use {string.Join(", ", LoadOperations.Names)}");
        }

        return new LoadOptions(
            int.Parse(Value("--clients") ?? "32", CultureInfo.InvariantCulture),
            int.Parse(Value("--seconds") ?? "30", CultureInfo.InvariantCulture),
            mix,
            Value("--tandem") ?? Environment.GetEnvironmentVariable("TANDEM_EXE") ?? Path.Combine(root, "src", "Tandem.Cli", "bin", "Release", "net10.0", "Tandem.Cli.dll"),
            Value("--samples") ?? Path.Combine(root, "samples", "contracts"));
    }

    /// <summary>An operation drawn by its weight.</summary>
    public string Pick(Random random)
    {
        var draw = random.Next(Mix.Values.Sum());
        foreach (var (name, weight) in Mix)
        {
            if ((draw -= weight) < 0)
            {
                return name;
            }
        }

        return Mix.Keys.Last();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tandem.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
