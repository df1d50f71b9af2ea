using System.Text.Json.Serialization.Metadata;
using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Store;

namespace Tandem.Tests.Store;

/// <summary>The records a review stores are written by the generated serialisation code, not by reflection.</summary>
public sealed class StoredRecordsJsonTests
{
    [Theory]
    [InlineData(typeof(RiskReport))]
    [InlineData(typeof(ReportContext))]
    [InlineData(typeof(GateScores))]
    [InlineData(typeof(ServedEndpoint))]
    [InlineData(typeof(List<string>))]
    public void StoreOptions_StoredRecord_UseTheGeneratedMetadata(Type type)
    {
        var info = SqliteTables.Json.GetTypeInfo(type);

        Assert.IsType<StoredRecordsJsonContext>(info.OriginatingResolver);
    }

    [Fact]
    public void StoreOptions_OtherType_StillSerialisedByReflection()
    {
        var info = SqliteTables.Json.GetTypeInfo(typeof(Dictionary<string, int>));

        Assert.IsType<DefaultJsonTypeInfoResolver>(info.OriginatingResolver);
    }
}
