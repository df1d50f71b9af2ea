namespace Tandem.Access;

/// <summary>A key just created: its record and the whole key, which is shown once and never stored.</summary>
/// <param name="Key">The stored record.</param>
/// <param name="Secret">The full key, <c>tdm_&lt;keyid&gt;_&lt;secret&gt;</c>, to hand to its holder.</param>
public sealed record CreatedApiKey(ApiKey Key, string Secret);
