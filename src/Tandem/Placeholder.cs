namespace Tandem; public sealed class Placeholder {}
