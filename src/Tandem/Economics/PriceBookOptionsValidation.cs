using Microsoft.Extensions.Options;

namespace Tandem.Economics;

/// <summary>Checks at start that a configured price book file exists.</summary>
public sealed class PriceBookOptionsValidation : IValidateOptions<PriceBookOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PriceBookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.File is { } file && !System.IO.File.Exists(file)
            ? ValidateOptionsResult.Fail($"Tandem:PriceBook:File names a price book that does not exist: {file}")
            : ValidateOptionsResult.Success;
    }
}
