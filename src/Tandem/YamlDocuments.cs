using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tandem;

/// <summary>Reads snake_case YAML into a shape, turning syntax errors and unknown keys into one-line user errors.</summary>
internal static class YamlDocuments
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    /// <summary>The document, or null when it is empty. <paramref name="what"/> names it in errors ("playbook p.yaml").</summary>
    public static T? Deserialize<T>(string yaml, string what, string hint)
    {
        try
        {
            return Deserializer.Deserialize<T>(yaml);
        }
        catch (YamlException ex)
        {
            throw new TandemException($"{what} is not valid YAML at line {ex.Start.Line}, column {ex.Start.Column} ({(ex.InnerException ?? ex).Message.TrimEnd('.')})", hint, ex);
        }
    }
}
