namespace Tandem.Economics;

/// <summary><c>Tandem:PriceBook</c>: which price book costs model calls and training.</summary>
public sealed class PriceBookOptions
{
    /// <summary>A price book YAML replacing the built-in one; null for the built-in book.</summary>
    public string? File { get; set; }

    /// <summary>The book these options name.</summary>
    public PriceBook Load() => File is null ? PriceBook.Default() : PriceBook.Load(File);
}
