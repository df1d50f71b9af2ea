using System.Text.Json.Serialization;

namespace Tandem.Learning;

/// <summary>Why an example or a report was left out of a dataset or a retraining; stable, for code and clients to count by.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExclusionCode>))]
public enum ExclusionCode
{
    /// <summary>No reviewer has accepted the example yet.</summary>
    [JsonStringEnumMemberName("not-reviewed")]
    NotReviewed,

    /// <summary>The example nearly repeats another.</summary>
    [JsonStringEnumMemberName("near-duplicate")]
    NearDuplicate,

    /// <summary>The audience may not read the item's sources.</summary>
    [JsonStringEnumMemberName("access-guard")]
    AccessGuard,

    /// <summary>The example matches evaluation data.</summary>
    [JsonStringEnumMemberName("leak-check")]
    LeakCheck,

    /// <summary>The report's document is held out for evaluation.</summary>
    [JsonStringEnumMemberName("held-out")]
    HeldOut,

    /// <summary>The report was stored without its context.</summary>
    [JsonStringEnumMemberName("no-context")]
    NoContext,

    /// <summary>The report hid some findings, so what it hid would count as wrong.</summary>
    [JsonStringEnumMemberName("partial-report")]
    PartialReport,
}
