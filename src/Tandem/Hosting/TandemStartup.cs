using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tandem.Hosting;

/// <summary>Start-up checks for a surface that builds its own provider (the CLI); a host runs the same checks itself.</summary>
public static class TandemStartup
{
    /// <summary>
    /// Binds and validates every option registered with <c>ValidateOnStart</c>, turning the first
    /// failure into one <see cref="TandemException"/> line instead of a stack trace.
    /// </summary>
    public static IServiceProvider ValidateTandemOptions(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return services;
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault() is { } first)
        {
            throw Invalid(first.Failures.FirstOrDefault() ?? first.Message, e);
        }
        catch (OptionsValidationException e)
        {
            throw Invalid(e.Failures.FirstOrDefault() ?? e.Message, e);
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // The binder's own message names the key and the value; it is the user's setting, not a bug.
            throw Invalid(e.Message.TrimEnd('.'), e);
        }
    }

    private static TandemException Invalid(string message, Exception inner) =>
        new($"invalid settings: {message}", "fix it in appsettings.json or the environment (e.g. Tandem__Retrain__EveryDays)", inner);
}
