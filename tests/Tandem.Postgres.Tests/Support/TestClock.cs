namespace Tandem.Postgres.Tests.Support;

/// <summary>A clock the test moves by hand; it starts off a whole second, as real clocks do.</summary>
public sealed class TestClock() : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero).AddTicks(1_234_567);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
