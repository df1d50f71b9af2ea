using Microsoft.Extensions.Options;

namespace Tandem.Learning;

/// <summary>Checks <c>Tandem:Retrain</c> at start, so a bad interval is one clear line before any work, not a failure at the first scheduled run.</summary>
public sealed class RetrainPolicyValidation : IValidateOptions<RetrainPolicy>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RetrainPolicy options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.EveryDays < 1)
        {
            return ValidateOptionsResult.Fail($"Tandem:Retrain:EveryDays must be at least 1, not {options.EveryDays}");
        }

        return options.AfterCorrections < 0
            ? ValidateOptionsResult.Fail($"Tandem:Retrain:AfterCorrections must be 0 (off) or more, not {options.AfterCorrections}")
            : ValidateOptionsResult.Success;
    }
}
